/**
 * Word and PDF writers. Both libraries stamp the current time into their output (docx: core properties and zip
 * entry times; pdfkit: CreationDate, from which it also derives the file ID), so both are pinned here to the policy's
 * own date: the same arguments give the same bytes.
 */
import {
  AlignmentType,
  Document,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import PDFDocument from 'pdfkit';
import type { SynthPolicy } from './compose.ts';
import { isoOf } from './dates.ts';
import { inlineRuns, layoutPolicy, metaLine, plain, type Element } from './layout.ts';

function runs(text: string): TextRun[] {
  return inlineRuns(text).map((r) => new TextRun({ text: r.text, bold: r.bold, ...(r.href !== undefined ? { underline: {} } : {}) }));
}

function xmlEsc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function coreXml(policy: SynthPolicy, stamp: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${xmlEsc(policy.title)}</dc:title><dc:creator>School Office</dc:creator>` +
    '<cp:lastModifiedBy>School Office</cp:lastModifiedBy><cp:revision>1</cp:revision>' +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified></cp:coreProperties>`
  );
}

/**
 * Sets every zip entry's DOS time to one fixed value. fflate (inside docx) writes the packing time there; the time
 * fields are outside the CRC, so rewriting them in place keeps the archive valid.
 */
export function pinZipTimes(zip: Uint8Array, date: Date): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const dosTime = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1);
  const dosDate = ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip file: no end-of-central-directory record');
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  for (let k = 0; k < count; k++) {
    if (view.getUint32(p, true) !== 0x02014b50) throw new Error('zip central directory is damaged');
    view.setUint16(p + 12, dosTime, true);
    view.setUint16(p + 14, dosDate, true);
    const local = view.getUint32(p + 42, true);
    view.setUint16(local + 10, dosTime, true);
    view.setUint16(local + 12, dosDate, true);
    p += 46 + view.getUint16(p + 28, true) + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return zip;
}

function stampOf(policy: SynthPolicy): Date {
  return new Date(`${isoOf(policy.date)}T09:30:00Z`);
}

export async function renderDocx(policy: SynthPolicy): Promise<Uint8Array> {
  const children: Array<Paragraph | Table> = [];
  const els = layoutPolicy(policy);
  const numbered = policy.style.bullet === 'o';
  for (const el of els) {
    switch (el.t) {
      case 'title':
        children.push(new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(el.text)] }));
        break;
      case 'school':
        children.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: el.text, bold: true, size: 28 })] }));
        break;
      case 'h':
        children.push(new Paragraph({ heading: el.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2, children: runs(el.text) }));
        break;
      case 'p':
        children.push(new Paragraph({ children: runs(el.text) }));
        break;
      case 'li':
        children.push(
          numbered
            ? new Paragraph({ numbering: { reference: 'policy-numbers', level: el.depth }, children: runs(el.text) })
            : new Paragraph({ bullet: { level: el.depth }, children: runs(el.text) }),
        );
        break;
      case 'meta':
        children.push(...metaDocx(el));
        break;
    }
  }
  const doc = new Document({
    creator: 'School Office',
    title: policy.title,
    numbering: {
      config: [
        {
          reference: 'policy-numbers',
          levels: [
            { level: 0, format: LevelFormat.LOWER_LETTER, text: '(%1)', alignment: AlignmentType.START },
            { level: 1, format: LevelFormat.LOWER_ROMAN, text: '(%2)', alignment: AlignmentType.START },
          ],
        },
      ],
    },
    sections: [{ children }],
  });
  const stamp = stampOf(policy);
  const buf = await Packer.toBuffer(doc, false, [{ path: 'docProps/core.xml', data: coreXml(policy, stamp.toISOString().replace(/\.\d{3}Z$/, 'Z')) }]);
  return pinZipTimes(new Uint8Array(buf), stamp);
}

function metaDocx(el: Extract<Element, { t: 'meta' }>): Array<Paragraph | Table> {
  if (el.layout !== 'table') return el.rows.map((r) => new Paragraph({ children: runs(metaLine(r, ' ')) }));
  const width = Math.max(...el.rows.map((r) => (r.extra ? 3 : 2)));
  const cell = (text: string, bold = false): TableCell => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });
  return [
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: el.rows.map((r) => {
        const cells = [cell(r.label === '' ? '' : `${r.label}:`, true), cell(r.value)];
        if (width === 3) cells.push(cell(r.extra ?? ''));
        return new TableRow({ children: cells });
      }),
    }),
  ];
}

const PDF_FONT = { body: 'Helvetica', bold: 'Helvetica-Bold' } as const;

export function renderPdf(policy: SynthPolicy): Promise<Uint8Array> {
  const stamp = stampOf(policy);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 64, bottom: 64, left: 64, right: 64 },
    bufferPages: true,
    info: { Title: policy.title, Author: policy.schoolName, Creator: 'Microsoft Word', Producer: 'PDFKit', CreationDate: stamp, ModDate: stamp },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
  const bulletGlyph = policy.style.bullet === '-' || policy.style.bullet === '*' ? '•' : policy.style.bullet;
  const writeRuns = (text: string, opts: PDFKit.Mixins.TextOptions): void => {
    const rs = inlineRuns(text);
    rs.forEach((r, i) => {
      doc.font(r.bold ? PDF_FONT.bold : PDF_FONT.body).text(r.text, { ...opts, continued: i < rs.length - 1 });
    });
    if (rs.length === 0) doc.text('', opts);
  };
  for (const el of layoutPolicy(policy)) {
    switch (el.t) {
      case 'title':
        doc.font(PDF_FONT.bold).fontSize(18).text(el.text, { align: 'center' }).moveDown(0.5);
        break;
      case 'school':
        doc.font(PDF_FONT.bold).fontSize(13).text(el.text, { align: 'center' }).moveDown(0.8);
        break;
      case 'h':
        doc.moveDown(0.4).font(PDF_FONT.bold).fontSize(el.level === 1 ? 13 : 11.5).text(plain(el.text)).moveDown(0.3);
        break;
      case 'p':
        doc.fontSize(10.5);
        writeRuns(el.text, { align: 'left' });
        doc.moveDown(0.5);
        break;
      case 'li':
        doc.fontSize(10.5);
        writeRuns(`${bulletGlyph} ${el.text}`, { indent: 0, align: 'left' });
        doc.moveDown(0.2);
        break;
      case 'meta':
        doc.font(PDF_FONT.body).fontSize(10.5);
        for (const r of el.rows) doc.text(metaLine(r, '   '));
        doc.moveDown(0.8);
        break;
    }
  }
  // Footers like Word's "Page 3 of 7", which the structure stage must recognise and leave out.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font(PDF_FONT.body).fontSize(8).text(`${policy.title}    Page ${i + 1} of ${range.count}`, 64, doc.page.height - 40, { lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
