/**
 * Writes the format fixtures: the same seed policies as .docx (the `docx` package: real Heading styles, real
 * bullet lists, bold runs), .pdf (pdfkit: a real text layer, several pages, a running header and a "Page N of M"
 * footer), .html and .md, plus broken files under test/fixtures/formats/bad/. The readers are then tested on
 * whether every format of one policy yields the same clauses.
 *
 *   npx tsx scripts/make-fixtures.ts
 *
 * Output is deterministic: fixed creation dates, zip entries re-stamped with a fixed date, no random bytes.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, HeadingLevel, Packer, Paragraph, Tab, TextRun } from 'docx';
import JSZip from 'jszip';
import PDFDocument from 'pdfkit';
import type { IngestBlock } from '../src/pipeline/ingest/index.ts';
import { readTxt } from '../src/pipeline/ingest/txt.ts';
import { structure } from '../src/pipeline/structure/index.ts';
import { BULLET } from '../src/pipeline/structure/units.ts';
import type { Span } from '../src/pipeline/types.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const SEEDS = join(ROOT, 'test/fixtures/seeds');
const OUT = join(ROOT, 'test/fixtures/formats');
const FIXED_DATE = new Date('2024-01-01T00:00:00Z');

/** Seeds rendered into every format, with the running header their PDF carries. */
const POLICIES = [
  { prefix: '001_', name: 'westbrook', header: 'Westbrook Primary School – Acceptable Use Policy' },
  { prefix: '002_', name: 'hanson', header: 'Hanson School – Acceptable use of ICT' },
  { prefix: '004_', name: 'ict-user-policy', header: 'ICT User Policy – September 2017' },
];

interface Run {
  text: string;
  bold: boolean;
}
type Item =
  | { type: 'heading'; level: number; runs: Run[] }
  | { type: 'paragraph'; runs: Run[] }
  | { type: 'bullet'; depth: number; runs: Run[] }
  /** A line kept as written: contents entries (with their tab) and form lines. */
  | { type: 'raw'; text: string };

/** Reads a seed with the project's own text reader and turns its structure into a format-neutral item list. */
function toItems(bytes: Uint8Array): { title: string; items: Item[] } {
  const ingested = readTxt(bytes);
  const doc = structure(ingested);
  const text = doc.text;
  const bold: Span[] = ingested.blocks.flatMap((b) => (b as IngestBlock).emphasisSpans ?? []);
  const runsOf = (start: number, end: number): Run[] => {
    const runs: Run[] = [];
    let p = start;
    for (const s of bold) {
      if (s.end <= start || s.start >= end) continue;
      const a = Math.max(s.start, start);
      const b = Math.min(s.end, end);
      if (a > p) runs.push({ text: text.slice(p, a), bold: false });
      runs.push({ text: text.slice(a, b), bold: true });
      p = b;
    }
    if (p < end) runs.push({ text: text.slice(p, end), bold: false });
    return runs.map((r) => ({ ...r, text: r.text.replace(/\s*\n\s*/g, ' ') })).filter((r) => r.text !== '');
  };

  type Placed = { start: number; end: number; item: Item };
  const placed: Placed[] = [];
  for (const h of doc.headings) {
    const lineStart = text.lastIndexOf('\n', h.start - 1) + 1;
    const runs = runsOf(lineStart, h.end);
    placed.push({ start: lineStart, end: h.end, item: { type: 'heading', level: Math.min(3, h.level), runs } });
  }
  // Clauses split from one line (long paragraphs) go back together: render from the line's start.
  const byLine = new Map<number, { start: number; end: number; bullet: boolean; depth: number }>();
  for (const c of doc.clauses) {
    const lineStart = text.lastIndexOf('\n', c.start - 1) + 1;
    const line = text.slice(lineStart, c.start);
    const lead = line.length - line.trimStart().length;
    const glyph = BULLET.exec(line.trimStart());
    const contentStart = lineStart + lead + (glyph ? glyph[0].length : 0);
    const entry = byLine.get(contentStart);
    if (entry) entry.end = c.end;
    else byLine.set(contentStart, { start: contentStart, end: c.end, bullet: c.kind === 'list-item' || glyph !== null, depth: c.depth });
  }
  for (const e of byLine.values()) {
    const line = text.slice(e.start, e.end);
    if (line.includes('\t')) {
      // A form row ("Approved by:<tab>Governors<tab>Date: ..."): keep its columns.
      placed.push({ start: e.start, end: e.end, item: { type: 'raw', text: line } });
      continue;
    }
    const runs = runsOf(e.start, e.end);
    placed.push({ start: e.start, end: e.end, item: e.bullet ? { type: 'bullet', depth: Math.min(2, e.depth), runs } : { type: 'paragraph', runs } });
  }
  for (const x of doc.excluded) {
    for (const line of text.slice(x.start, x.end).split('\n')) {
      if (line.trim() !== '') placed.push({ start: x.start, end: x.end, item: { type: 'raw', text: line.trim() } });
    }
  }
  placed.sort((a, b) => a.start - b.start);
  const title = doc.headings[0]?.text ?? 'Policy';
  return { title, items: placed.map((p) => p.item) };
}

async function toDocx(title: string, items: Item[]): Promise<Uint8Array> {
  const headingLevels = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3];
  const runs = (rs: Run[]): TextRun[] => rs.map((r) => new TextRun({ text: r.text, bold: r.bold }));
  const children = items.map((item) => {
    switch (item.type) {
      case 'heading':
        return new Paragraph({ heading: headingLevels[item.level - 1] ?? HeadingLevel.HEADING_3, children: runs(item.runs) });
      case 'bullet':
        return new Paragraph({ bullet: { level: item.depth }, children: runs(item.runs) });
      case 'paragraph':
        return new Paragraph({ children: runs(item.runs) });
      case 'raw': {
        const parts = item.text.split('\t');
        const kids: (string | Tab)[] = [];
        parts.forEach((p, i) => {
          if (i > 0) kids.push(new Tab());
          kids.push(p);
        });
        return new Paragraph({ children: [new TextRun({ children: kids })] });
      }
    }
  });
  const doc = new Document({
    creator: 'Policy Atlas fixtures',
    title,
    description: 'Generated by scripts/make-fixtures.ts',
    sections: [{ children }],
  });
  const buffer = await Packer.toBuffer(doc);
  return restampZip(new Uint8Array(buffer), (name, content) =>
    name === 'docProps/core.xml'
      ? content.replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*/g, `$1${FIXED_DATE.toISOString().replace(/\.\d+Z$/, 'Z')}`)
      : content,
  );
}

/** Rebuilds a zip with fixed timestamps (and optional XML edits) so the bytes do not depend on the clock. */
async function restampZip(bytes: Uint8Array, edit: (name: string, content: string) => string): Promise<Uint8Array> {
  const src = await JSZip.loadAsync(bytes);
  const out = new JSZip();
  for (const name of Object.keys(src.files).sort()) {
    const file = src.files[name];
    if (!file || file.dir) continue;
    const content = name.endsWith('.xml') || name.endsWith('.rels') ? edit(name, await file.async('string')) : await file.async('uint8array');
    out.file(name, content, { date: FIXED_DATE, createFolders: false });
  }
  return out.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

/** Gathers a pdfkit document's bytes; resolves once `doc.end()` has been called and the stream is done. */
function collect(doc: PDFKit.PDFDocument): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  return new Promise((resolve) => {
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
  });
}

async function toPdf(title: string, header: string, items: Item[]): Promise<Uint8Array> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 72, bottom: 72, left: 64, right: 64 },
    bufferPages: true,
    info: { Title: title, Author: 'Policy Atlas fixtures', CreationDate: FIXED_DATE, ModDate: FIXED_DATE },
  });
  const done = collect(doc);
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const body = 11;
  const writeRuns = (runs: Run[], x: number, w: number, size: number): void => {
    runs.forEach((r, i) => {
      doc.font(r.bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(size);
      const last = i === runs.length - 1;
      if (i === 0) doc.text(r.text, x, doc.y, { width: w, continued: !last, paragraphGap: 7, lineGap: 1 });
      else doc.text(r.text, { continued: !last });
    });
  };
  for (const item of items) {
    switch (item.type) {
      case 'heading': {
        const size = [18, 15, 13][item.level - 1] ?? 13;
        doc.moveDown(0.4);
        doc.font('Helvetica-Bold').fontSize(size).text(item.runs.map((r) => r.text).join(''), left, doc.y, { width, paragraphGap: 6 });
        break;
      }
      case 'paragraph':
        writeRuns(item.runs, left, width, body);
        break;
      case 'bullet': {
        const indent = left + 14 + item.depth * 18;
        if (doc.y + 2 * body > doc.page.height - doc.page.margins.bottom) doc.addPage();
        const y = doc.y;
        doc.font('Helvetica').fontSize(body).text('•', indent, y, { lineBreak: false });
        doc.y = y;
        writeRuns(item.runs, indent + 14, width - (indent + 14 - left), body);
        break;
      }
      case 'raw': {
        const parts = item.text.split('\t').filter((p) => p !== '');
        doc.font('Helvetica').fontSize(body);
        const y = doc.y;
        const tail = parts.length > 1 && /^\d/.test(parts[parts.length - 1] ?? '') ? parts.pop() : undefined;
        // Form and contents lines keep their layout: columns a tab apart, a page number flush right.
        let x = left;
        for (const p of parts) {
          doc.text(p, x, y, { lineBreak: false });
          x += Math.max(doc.widthOfString(p) + 60, 150);
        }
        if (tail) doc.text(tail, left, y, { width, align: 'right', lineBreak: false });
        doc.x = left;
        doc.y = y + body * 1.6;
        break;
      }
    }
  }
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('Helvetica').fontSize(8);
    doc.text(header, left, 36, { width, align: 'center', lineBreak: false });
    doc.text(`Page ${i + 1} of ${range.count}`, left, doc.page.height - 44, { width, align: 'center', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function toHtml(title: string, items: Item[]): string {
  const runs = (rs: Run[]): string => rs.map((r) => (r.bold ? `<strong>${escapeHtml(r.text)}</strong>` : escapeHtml(r.text))).join('');
  const out: string[] = [
    '<!DOCTYPE html>',
    '<html lang="en-GB">',
    `<head><meta charset="utf-8"><title>${escapeHtml(title)}</title>`,
    '<style>body { font-family: sans-serif; } .note::before { content: "not text"; }</style>',
    '<script>window.policyAtlasShouldNotSeeThis = "<p>hidden</p>";</script></head>',
    '<body class="policy" data-generated="make-fixtures">',
    '<!-- generated by scripts/make-fixtures.ts: comments are not text -->',
    '<noscript>Please enable JavaScript (not policy text).</noscript>',
    '<template><p>Template content is not text.</p></template>',
    '<main>',
  ];
  let depth = -1;
  const closeLists = (to: number): void => {
    while (depth > to) {
      out.push(depth > 0 ? '</ul></li>' : '</ul>');
      depth--;
    }
  };
  for (const item of items) {
    if (item.type === 'bullet') {
      while (depth < item.depth) {
        if (depth >= 0) {
          // Open the nested list inside the last item: drop its closing tag first.
          const last = out.pop() ?? '';
          out.push(last.replace(/<\/li>$/, ''));
        }
        out.push('<ul>');
        depth++;
      }
      closeLists(item.depth);
      out.push(`<li>${runs(item.runs)}</li>`);
      continue;
    }
    closeLists(-1);
    if (item.type === 'heading') out.push(`<h${item.level} id="h-${out.length}">${runs(item.runs)}</h${item.level}>`);
    else if (item.type === 'paragraph') out.push(`<p class="clause">${runs(item.runs)}</p>`);
    else out.push(`<p>${escapeHtml(item.text)}</p>`);
  }
  closeLists(-1);
  out.push('</main>', '</body>', '</html>', '');
  return out.join('\n');
}

function toMarkdown(title: string, items: Item[]): string {
  const runs = (rs: Run[]): string => rs.map((r) => (r.bold ? `**${r.text.trim()}**${/\s$/.test(r.text) ? ' ' : ''}` : r.text)).join('');
  const out: string[] = ['---', `title: ${JSON.stringify(title)}`, 'generator: scripts/make-fixtures.ts', '---', ''];
  let previous: Item['type'] | null = null;
  for (const item of items) {
    if (previous === 'bullet' && item.type !== 'bullet') out.push('');
    switch (item.type) {
      case 'heading':
        out.push(`${'#'.repeat(item.level)} ${runs(item.runs)}`, '');
        break;
      case 'bullet':
        out.push(`${'  '.repeat(item.depth)}- ${runs(item.runs)}`);
        break;
      case 'paragraph':
        out.push(runs(item.runs), '');
        break;
      case 'raw':
        out.push(item.text, '');
        break;
    }
    previous = item.type;
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}

/** A one-page "scan": shapes only, no text layer. */
async function scannedPdf(): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: 'A4', info: { Title: 'Scanned policy', CreationDate: FIXED_DATE, ModDate: FIXED_DATE } });
  const done = collect(doc);
  doc.rect(50, 50, 495, 742).stroke();
  for (let y = 100; y < 760; y += 18) doc.rect(70, y, 300 + ((y * 37) % 150), 8).fill('#444444');
  doc.end();
  return done;
}

async function encryptedPdf(): Promise<Uint8Array> {
  const doc = new PDFDocument({
    size: 'A4',
    pdfVersion: '1.4',
    userPassword: 'governors',
    ownerPassword: 'headteacher',
    info: { Title: 'Password-protected policy', CreationDate: FIXED_DATE, ModDate: FIXED_DATE },
  });
  const done = collect(doc);
  doc.font('Helvetica').fontSize(12).text('Staff must keep their passwords secret. This file needs a password to open.');
  doc.end();
  return done;
}

async function main(): Promise<void> {
  mkdirSync(join(OUT, 'bad'), { recursive: true });
  const seeds = readdirSync(SEEDS);
  for (const p of POLICIES) {
    const file = seeds.find((f) => f.startsWith(p.prefix) && f.endsWith('.txt'));
    if (!file) throw new Error(`no seed ${p.prefix}*.txt`);
    const bytes = new Uint8Array(readFileSync(join(SEEDS, file)));
    const { title, items } = toItems(bytes);
    writeFileSync(join(OUT, `${p.name}.txt`), bytes);
    writeFileSync(join(OUT, `${p.name}.docx`), await toDocx(title, items));
    writeFileSync(join(OUT, `${p.name}.pdf`), await toPdf(title, p.header, items));
    writeFileSync(join(OUT, `${p.name}.html`), toHtml(title, items));
    writeFileSync(join(OUT, `${p.name}.md`), toMarkdown(title, items));
    console.log(`${p.name}: ${items.length} items from ${file}`);
  }
  writeFileSync(join(OUT, 'bad/scanned.pdf'), await scannedPdf());
  writeFileSync(join(OUT, 'bad/encrypted.pdf'), await encryptedPdf());
  console.log('bad/scanned.pdf, bad/encrypted.pdf');
}

await main();
