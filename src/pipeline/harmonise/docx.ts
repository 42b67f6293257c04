/**
 * The draft as a Word document (docx package; runs in Node and the browser). Headings use Word's built-in
 * heading styles so the document has a navigable outline and screen readers announce the structure; list items
 * are real Word bullets under their lead-in paragraph; notes for the trust are set apart in bold italic.
 */
import { AlignmentType, Document, Footer, HeadingLevel, Packer, PageNumber, Paragraph, TextRun } from 'docx';
import { APPENDICES, type ChangeSheet, type DraftDocument } from './document.ts';
import type { Block } from './blocks.ts';

/** XML 1.0 forbids most control characters; a stray one in policy text would make Word refuse the file. */
function clean(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
}

type Level = (typeof HeadingLevel)[keyof typeof HeadingLevel];
const heading = (text: string, level: Level, pageBreakBefore = false): Paragraph =>
  new Paragraph({ heading: level, pageBreakBefore, keepNext: true, children: [new TextRun(clean(text))] });
const body = (text: string): Paragraph => new Paragraph({ spacing: { after: 120 }, children: [new TextRun(clean(text))] });
const bullet = (text: string, bold?: string, level = 0): Paragraph =>
  new Paragraph({
    bullet: { level },
    spacing: { after: 60 },
    children: bold ? [new TextRun({ text: clean(bold), bold: true }), new TextRun(clean(text))] : [new TextRun(clean(text))],
  });
const note = (text: string): Paragraph =>
  new Paragraph({ spacing: { before: 60, after: 120 }, indent: { left: 360 }, children: [new TextRun({ text: clean(text), italics: true, bold: true })] });

function blockParagraph(b: Block): Paragraph {
  if (b.kind === 'item') return bullet(b.text, undefined, Math.min(8, Math.max(0, b.depth - 1)));
  return new Paragraph({ spacing: { after: b.kind === 'lead-in' ? 60 : 120 }, keepNext: b.kind === 'lead-in', children: [new TextRun(clean(b.text))] });
}

function sheet(c: ChangeSheet): Paragraph[] {
  const out = [heading(`What changes for ${c.name}`, HeadingLevel.HEADING_2)];
  const part = (title: string, lines: string[], none: string, counted = true): void => {
    out.push(new Paragraph({ spacing: { before: 120, after: 60 }, keepNext: true, children: [new TextRun({ text: clean(`${title}${counted ? ` (${lines.length})` : ''}`), bold: true })] }));
    if (lines.length === 0) out.push(body(none));
    for (const l of lines) out.push(bullet(l));
  };
  part('Gains: clause types it did not have', c.gains, 'None.');
  part('Loses: clause types it had that the draft leaves out', c.loses, 'None.');
  part('Its wording replaced (by source of the new wording)', c.reworded, 'None: the draft keeps its wording wherever it had one.', false);
  part('Positions that change', c.positions, 'None.');
  part('Out-of-date references it no longer has', c.updated, 'None.');
  return out;
}

/** Builds the docx object model; `draftToDocx` packs it. */
export function draftDocxModel(doc: DraftDocument): Document {
  const children: Paragraph[] = [new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(clean(doc.title))] })];
  for (const p of doc.preamble) children.push(body(p));
  children.push(heading('Contents', HeadingLevel.HEADING_1));
  for (const c of doc.contents) {
    children.push(
      new Paragraph({
        indent: { left: c.level === 2 ? 480 : 0 },
        spacing: { after: c.level === 2 ? 20 : 60, before: c.level === 1 ? 80 : 0 },
        children: [new TextRun({ text: clean(`${c.number}${c.level === 1 && /^\d+$/.test(c.number) ? '.' : ''} ${c.title}`), bold: c.level === 1 })],
      }),
    );
  }
  doc.sections.forEach((s, i) => {
    children.push(heading(`${s.number}. ${s.title}`, HeadingLevel.HEADING_1, i === 0));
    for (const c of s.clauses) {
      children.push(heading(`${c.number} ${c.title}`, HeadingLevel.HEADING_2));
      for (const b of c.blocks) children.push(blockParagraph(b));
      for (const n of c.notes) children.push(note(n));
    }
  });
  const [a, b, cc, d] = APPENDICES;
  children.push(heading(`${a[0]}: ${a[1]}`, HeadingLevel.HEADING_1, true));
  for (const r of doc.sources) children.push(bullet(r.source, `${r.number} ${r.title}: `));
  children.push(heading('Policies the draft was built from', HeadingLevel.HEADING_2));
  for (const p of doc.sourcePolicies) children.push(bullet(p));
  children.push(heading(`${b[0]}: ${b[1]}`, HeadingLevel.HEADING_1));
  if (doc.decisions.length === 0) children.push(body('No decisions yet: every clause uses the suggested wording.'));
  for (const x of doc.decisions) children.push(bullet(x.text));
  children.push(heading(`${cc[0]}: ${cc[1]}`, HeadingLevel.HEADING_1));
  if (doc.cautions.length === 0) children.push(body('Nothing outstanding.'));
  for (const x of doc.cautions) children.push(bullet(x));
  children.push(heading(`${d[0]}: ${d[1]}`, HeadingLevel.HEADING_1, true));
  children.push(body('One sheet per member school: what adopting this draft changes for it, for its governing board.'));
  for (const c of doc.changes) children.push(...sheet(c));
  return new Document({
    title: clean(doc.title),
    creator: 'Policy Atlas',
    description: `Draft harmonised policy, data as of ${doc.asOf}`,
    styles: { default: { document: { run: { font: 'Arial', size: 22 } } } },
    sections: [
      {
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ text: clean(`${doc.title} — draft — page `), size: 18 }), new TextRun({ children: [PageNumber.CURRENT], size: 18 })],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
}

/** The .docx file's bytes. */
export async function draftToDocx(doc: DraftDocument): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await Packer.toArrayBuffer(draftDocxModel(doc)));
}
