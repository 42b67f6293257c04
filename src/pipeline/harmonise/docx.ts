/**
 * The draft as a Word document (docx package; runs in Node and the browser). Headings use Word's built-in
 * heading styles so the document has a navigable outline and screen readers announce the structure.
 */
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import type { DraftDocument } from './document.ts';

/** XML 1.0 forbids most control characters; a stray one in policy text would make Word refuse the file. */
function clean(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
}

const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]): Paragraph =>
  new Paragraph({ heading: level, children: [new TextRun(clean(text))] });
const body = (text: string): Paragraph => new Paragraph({ spacing: { after: 120 }, children: [new TextRun(clean(text))] });
const bullet = (text: string, bold?: string): Paragraph =>
  new Paragraph({
    bullet: { level: 0 },
    spacing: { after: 60 },
    children: bold ? [new TextRun({ text: clean(bold), bold: true }), new TextRun(clean(text))] : [new TextRun(clean(text))],
  });

/** Builds the docx object model; `draftToDocx` packs it. */
export function draftDocxModel(doc: DraftDocument): Document {
  const children: Paragraph[] = [new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(clean(doc.title))] })];
  for (const p of doc.preamble) children.push(body(p));
  for (const s of doc.sections) {
    children.push(heading(`${s.number}. ${s.title}`, HeadingLevel.HEADING_1));
    for (const c of s.clauses) {
      children.push(heading(`${c.number} ${c.title}`, HeadingLevel.HEADING_2));
      for (const p of c.paragraphs) children.push(body(p));
    }
  }
  children.push(heading('Appendix A: Where each clause comes from', HeadingLevel.HEADING_1));
  for (const r of doc.sources) children.push(bullet(r.source, `${r.number} ${r.title}: `));
  children.push(heading('Policies the draft was built from', HeadingLevel.HEADING_2));
  for (const p of doc.sourcePolicies) children.push(bullet(p));
  children.push(heading('Appendix B: Decisions taken', HeadingLevel.HEADING_1));
  if (doc.decisions.length === 0) children.push(body('No decisions yet: every clause uses the suggested wording.'));
  for (const d of doc.decisions) children.push(bullet(d.text));
  children.push(heading('Appendix C: Check before adopting', HeadingLevel.HEADING_1));
  if (doc.cautions.length === 0) children.push(body('Nothing outstanding.'));
  for (const c of doc.cautions) children.push(bullet(c));
  return new Document({
    title: clean(doc.title),
    creator: 'Policy Atlas',
    description: `Draft harmonised policy, data as of ${doc.asOf}`,
    styles: { default: { document: { run: { font: 'Arial', size: 22 } } } },
    sections: [{ children }],
  });
}

/** The .docx file's bytes. */
export async function draftToDocx(doc: DraftDocument): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await Packer.toArrayBuffer(draftDocxModel(doc)));
}
