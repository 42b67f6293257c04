/**
 * Writes the committed corpus of bad and hostile inputs: `test/fixtures/bad/` (files a local authority will
 * really be sent: broken Word files, scans, odd encodings, odd names) and `test/fixtures/hostile/` (one policy
 * carrying script-injection payloads, in every supported format).
 *
 *   npx tsx scripts/make-bad-inputs.ts
 *
 * Deterministic: a seeded PRNG instead of Math.random, fixed dates inside every container (zip entries, docx
 * core properties, PDF info), so re-running gives identical bytes and `git status` stays clean. The 50 MB text
 * file is never committed; tests call `writeHugeTextFile` to make it in a temporary folder.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as zlib from 'node:zlib';
import { constants as zlibConstants, deflateRawSync, deflateSync } from 'node:zlib';
import { Document, ExternalHyperlink, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import JSZip from 'jszip';
import PDFDocument from 'pdfkit';
import { Random } from './lib/synth/prng.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const BAD_DIR = join(ROOT, 'test/fixtures/bad');
export const HOSTILE_DIR = join(ROOT, 'test/fixtures/hostile');
const SEEDS = join(ROOT, 'test/fixtures/seeds');

/** Every timestamp written into a container; any fixed value works, it only has to never change. */
const FIXED_DATE = new Date('2024-01-15T09:00:00Z');

/**
 * The strings the hostile policy carries in every format. The site test checks that each one shows literally
 * and none of them runs. (The Markdown link may lose its `[click](…)` syntax when read as Markdown.)
 */
export const HOSTILE_PAYLOADS = [
  `<script>alert('x')</script>`,
  `<img src=x onerror=alert(1)>`,
  `[click](javascript:alert(1))`,
  `" onmouseover="alert(1)`,
  `"><script>alert(1)</script>`,
] as const;

/** What each bad input is meant to exercise, and whether it can be read (`readable`) or must be reported. */
export interface BadInput {
  /** Path under test/fixtures/bad/, forward slashes. */
  file: string;
  readable: boolean;
  /** IngestError code expected for unreadable files. */
  code?: 'needs-ocr' | 'encrypted' | 'corrupt' | 'empty' | 'too-large' | 'unsupported';
  what: string;
}

export const BAD_INPUTS: readonly BadInput[] = [
  { file: 'empty.txt', readable: false, code: 'empty', what: 'empty file (0 bytes)' },
  { file: 'whitespace-only.txt', readable: false, code: 'empty', what: 'spaces, tabs and line breaks only' },
  { file: 'random-bytes.pdf', readable: false, code: 'corrupt', what: 'seeded random bytes named .pdf' },
  { file: 'random-bytes.docx', readable: false, code: 'corrupt', what: 'seeded random bytes named .docx' },
  { file: 'truncated.docx', readable: false, code: 'corrupt', what: 'a real .docx cut in half' },
  { file: 'zip-bomb.docx', readable: false, code: 'too-large', what: '.docx whose document.xml inflates to 2.0 GB (1.9 MB on disk)' },
  { file: 'password-protected.pdf', readable: false, code: 'encrypted', what: 'PDF with a user password' },
  { file: 'scanned-no-text-layer.pdf', readable: false, code: 'needs-ocr', what: 'two scanned pages, images only' },
  { file: 'legacy-word-97.doc', readable: false, code: 'unsupported', what: 'old Word .doc (OLE header + text)' },
  { file: 'policy.odt', readable: false, code: 'unsupported', what: 'OpenDocument text' },
  { file: 'policy.rtf', readable: false, code: 'unsupported', what: 'Rich Text Format' },
  { file: 'policy-photo.png', readable: false, code: 'unsupported', what: 'a photo of a page (.png)' },
  { file: 'windows-1252.txt', readable: true, what: 'Windows-1252 text with £, curly quotes and dashes' },
  { file: 'utf-16le-bom.txt', readable: true, what: 'UTF-16 LE text with a byte-order mark' },
  { file: 'hostile-markup.html', readable: true, what: 'HTML with script, style, on* attributes, javascript: links' },
  { file: 'Staff AUP 2024 final.txt', readable: true, what: 'file name with spaces' },
  { file: 'Política de uso – café.txt', readable: true, what: 'file name with accents and an en dash' },
  { file: '-rf policy.txt', readable: true, what: 'file name with a leading dash' },
  { file: 'westbrook-aup.txt', readable: true, what: 'duplicate: first copy' },
  { file: 'westbrook-aup copy.txt', readable: true, what: 'duplicate: identical bytes, second name' },
  { file: 'Oakwood ICT Policy.txt', readable: true, what: 'slug collision with oakwood-ict-policy.txt' },
  { file: 'oakwood-ict-policy.txt', readable: true, what: 'slug collision with "Oakwood ICT Policy.txt"' },
  { file: 'staff-code-of-conduct.TXT', readable: true, what: 'upper-case extension' },
  { file: 'nested/deeper/online-safety.md', readable: true, what: 'Markdown two folders down' },
  { file: 'no-dates.txt', readable: true, what: 'a policy that states no dates at all' },
  { file: 'impossible-date.txt', readable: true, what: 'Approved: 31/02/2019' },
  { file: 'future-date.txt', readable: true, what: 'Approved: 14 March 2031 (after --as-of)' },
];

// ---------------------------------------------------------------------------------------------------------
// Seeded randomness

/** The synthetic corpus's generator as a plain function: the same sequence on every machine. */
function prng(seed: number): () => number {
  const random = new Random(seed);
  return () => random.next();
}

function randomBytes(seed: number, length: number): Uint8Array {
  const next = prng(seed);
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) out[i] = Math.floor(next() * 256);
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Seed text

async function seedLines(name: string): Promise<string[]> {
  const text = await readFile(join(SEEDS, name), 'utf8');
  return text
    .split(/\r?\n/)
    .map((l) => l.replace(/\*\*/g, '').replace(/\s+/g, ' ').trim())
    .filter((l) => l !== '');
}

/** The lines of a seed between two marker lines (start included, end excluded). */
function between(lines: readonly string[], start: string, end: string): string[] {
  const from = lines.indexOf(start);
  const to = lines.indexOf(end, from + 1);
  if (from < 0 || to < 0) throw new Error(`seed markers not found: "${start}" … "${end}"`);
  return lines.slice(from, to);
}

interface PolicyText {
  header: string[];
  body: string[];
}

/** Plain text as a school website copy-paste looks: header lines, a blank line, paragraphs split by blank lines. */
function asText(p: PolicyText): string {
  return `${p.header.join('\n')}\n\n${p.body.join('\n\n')}\n`;
}

/** A heading in these seeds is a short line with no closing punctuation and no list bullet. */
function looksLikeHeading(line: string): boolean {
  return line.length < 60 && !/[.;:,]$/.test(line) && !line.startsWith('- ') && !/^\d/.test(line);
}

interface Corpus {
  westbrook: PolicyText;
  oakwood: PolicyText;
  /** Westbrook body with every line holding a digit removed, for the "no dates" policy. */
  undated: string[];
}

async function loadCorpus(): Promise<Corpus> {
  const west = await seedLines('001_e467dfff412ec3fa.txt');
  const westBody = between(west, 'Introduction', 'ACCEPTABLE USE AGREEMENT');
  const oak = await seedLines('000_f295fe4824b47e99.txt');
  const oakBody = between(oak, 'General ICT Use', 'Social Networking').slice(0, 40);
  return {
    westbrook: {
      header: ['Acceptable Use Policy', 'Westbrook Primary School', 'Approved by: Governors Date: 25/11/24', 'Last reviewed on: 25/11/2024', 'Next review due by: Nov 2027'],
      body: westBody,
    },
    oakwood: {
      header: ['Oakwood Primary School', 'ICT Use Policy', 'Ratified: 19 October 2012', 'Updated: 2 February 2014'],
      body: oakBody,
    },
    undated: westBody.filter((l) => !/\d/.test(l)),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Encodings

/** Windows-1252 bytes 0x80–0x9F (the rest of Latin-1 maps to itself). */
const CP1252_HIGH: Record<string, number> = {
  '€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87, 'ˆ': 0x88, '‰': 0x89, 'Š': 0x8a,
  '‹': 0x8b, 'Œ': 0x8c, 'Ž': 0x8e, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97,
  '˜': 0x98, '™': 0x99, 'š': 0x9a, '›': 0x9b, 'œ': 0x9c, 'ž': 0x9e, 'Ÿ': 0x9f,
};

function encodeCp1252(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    const high = CP1252_HIGH[ch];
    if (high !== undefined) out.push(high);
    else if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) out.push(code);
    else throw new Error(`no Windows-1252 byte for U+${code.toString(16)}`);
  }
  return Uint8Array.from(out);
}

function encodeUtf16leWithBom(text: string): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out[0] = 0xff;
  out[1] = 0xfe;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    out[2 + i * 2] = unit & 0xff;
    out[3 + i * 2] = unit >> 8;
  }
  return out;
}

/** Straight quotes to the curly ones Word types: an apostrophe inside a word, quotes around a phrase. */
function curlyQuotes(line: string): string {
  return line
    .replace(/(\w)'(\w)/g, '$1’$2')
    .replace(/'(\w)/g, '‘$1')
    .replace(/'/g, '’')
    .replace(/"(\w)/g, '“$1')
    .replace(/"/g, '”')
    .replace(/ - /g, ' – ');
}

// ---------------------------------------------------------------------------------------------------------
// Zip, written by hand so every byte is ours to fix (jszip stamps the current time)

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(data: Uint8Array, previous = 0): number {
  // Node ≥ 22.2 has a native one (gigabytes for the zip bomb); the table version gives identical results.
  if (typeof zlib.crc32 === 'function') return zlib.crc32(data, previous);
  let c = ~previous >>> 0;
  for (let i = 0; i < data.length; i++) c = (CRC_TABLE[(c ^ (data[i] ?? 0)) & 0xff] ?? 0) ^ (c >>> 8);
  return ~c >>> 0;
}

interface ZipEntry {
  name: string;
  /** Bytes as stored in the archive. */
  stored: Uint8Array;
  method: 0 | 8;
  crc: number;
  size: number;
}

function zipEntry(name: string, data: Uint8Array, compress = true): ZipEntry {
  return compress
    ? { name, stored: deflateRawSync(data, { level: 9 }), method: 8, crc: crc32(data), size: data.length }
    : { name, stored: data, method: 0, crc: crc32(data), size: data.length };
}

/** 1980-01-01 00:00, the zip epoch: no clock, no time zone. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

function zip(entries: readonly ZipEntry[]): Uint8Array {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // names are UTF-8
    local.writeUInt16LE(e.method, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(e.stored.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    chunks.push(local, name, Buffer.from(e.stored));
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0x0800, 8);
    dir.writeUInt16LE(e.method, 10);
    dir.writeUInt16LE(DOS_TIME, 12);
    dir.writeUInt16LE(DOS_DATE, 14);
    dir.writeUInt32LE(e.crc, 16);
    dir.writeUInt32LE(e.stored.length, 20);
    dir.writeUInt32LE(e.size, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    central.push(dir, name);
    offset += local.length + name.length + e.stored.length;
  }
  const cdSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cdSize, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...chunks, ...central, end]));
}

/**
 * Re-packs a zip with fixed timestamps, so a generated .docx is byte-stable: the docx package stamps the clock
 * into core.xml and names hyperlink relationships with random ids; both are replaced by fixed values.
 */
async function repackDeterministic(bytes: Uint8Array): Promise<Uint8Array> {
  const archive = await JSZip.loadAsync(bytes);
  const names = Object.keys(archive.files).filter((n) => !archive.files[n]?.dir);
  const parts = new Map<string, Uint8Array>();
  for (const name of names) parts.set(name, await archive.file(name)!.async('uint8array'));
  const randomIds = new Map<string, string>();
  const isXml = (name: string) => /\.(xml|rels)$/.test(name);
  for (const [name, data] of parts) {
    if (!isXml(name)) continue;
    for (const m of Buffer.from(data).toString('utf8').matchAll(/rId[A-Za-z0-9_-]{16,}/g)) {
      if (!randomIds.has(m[0])) randomIds.set(m[0], `rIdFixed${randomIds.size + 1}`);
    }
  }
  const entries: ZipEntry[] = [];
  for (const [name, data] of parts) {
    if (!isXml(name)) {
      entries.push(zipEntry(name, data));
      continue;
    }
    const xml = Buffer.from(data)
      .toString('utf8')
      .replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:)/g, `$1${FIXED_DATE.toISOString().slice(0, 19)}Z$2`)
      .replace(/rId[A-Za-z0-9_-]{16,}/g, (id) => randomIds.get(id) ?? id);
    entries.push(zipEntry(name, new Uint8Array(Buffer.from(xml, 'utf8'))));
  }
  return zip(entries);
}

// ---------------------------------------------------------------------------------------------------------
// Word

function docxParagraphs(p: PolicyText): Paragraph[] {
  const out: Paragraph[] = [];
  p.header.forEach((line, i) =>
    out.push(i === 0 ? new Paragraph({ text: line, heading: HeadingLevel.TITLE }) : new Paragraph({ text: line })),
  );
  for (const line of p.body) {
    if (line.startsWith('- ')) out.push(new Paragraph({ text: line.slice(2), bullet: { level: 0 } }));
    else if (looksLikeHeading(line)) out.push(new Paragraph({ text: line, heading: HeadingLevel.HEADING_1 }));
    else out.push(new Paragraph({ text: line }));
  }
  return out;
}

async function makeDocx(children: Paragraph[], title: string): Promise<Uint8Array> {
  const doc = new Document({ creator: 'Policy Atlas fixtures', title, sections: [{ children }] });
  return repackDeterministic(new Uint8Array(await Packer.toBuffer(doc)));
}

/**
 * A .docx shell (content types, relationships) whose word/document.xml is a real opening tag, `mebibytes` MiB
 * of spaces and a closing tag. Deflate packs ~1000:1, so the file stays small while the declared size is
 * honest: a reader without a decompressed-size limit would try to inflate all of it. Kept under 2^31 bytes so
 * readers that parse zip sizes as signed 32-bit numbers see the same huge positive size as everyone else.
 */
async function makeZipBomb(mebibytes: number): Promise<Uint8Array> {
  const head = Buffer.from(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Staff acceptable use policy</w:t></w:r></w:p>',
  );
  const tail = Buffer.from('</w:body></w:document>');
  const block = Buffer.alloc(1 << 20, 0x20);
  const blocks = mebibytes;
  // Each piece is deflated on its own and ends in a full flush (byte-aligned, no back-references), so one
  // compressed megabyte can simply be repeated: seconds instead of deflating 2 GB.
  const flushed = { level: 9, finishFlush: zlibConstants.Z_FULL_FLUSH };
  const compressedBlock = deflateRawSync(block, flushed);
  const compressed = [deflateRawSync(head, flushed), ...Array.from({ length: blocks }, () => compressedBlock), deflateRawSync(tail, { level: 9 })];
  let crc = crc32(head);
  for (let i = 0; i < blocks; i++) crc = crc32(block, crc);
  crc = crc32(tail, crc);
  const size = head.length + blocks * block.length + tail.length;
  const xml = (s: string) => new Uint8Array(Buffer.from(s));
  return zip([
    zipEntry(
      '[Content_Types].xml',
      xml(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      ),
    ),
    zipEntry(
      '_rels/.rels',
      xml(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
      ),
    ),
    { name: 'word/document.xml', stored: new Uint8Array(Buffer.concat(compressed)), method: 8, crc, size },
  ]);
}

// ---------------------------------------------------------------------------------------------------------
// PDF

function pdfToBytes(build: (doc: PDFKit.PDFDocument) => void, options: PDFKit.PDFDocumentOptions = {}): Promise<Uint8Array> {
  return new Promise((ok, fail) => {
    const doc = new PDFDocument({
      size: 'A4',
      margin: 56,
      ...options,
      info: { Title: 'Staff Acceptable Use Policy', Author: 'Policy Atlas fixtures', CreationDate: FIXED_DATE, ModDate: FIXED_DATE },
    });
    const parts: Buffer[] = [];
    doc.on('data', (c: Buffer) => parts.push(c));
    doc.on('end', () => ok(new Uint8Array(Buffer.concat(parts))));
    doc.on('error', fail);
    build(doc);
    doc.end();
  });
}

function writePolicyPdf(doc: PDFKit.PDFDocument, p: PolicyText): void {
  p.header.forEach((line, i) => doc.font(i === 0 ? 'Helvetica-Bold' : 'Helvetica').fontSize(i === 0 ? 18 : 11).text(line));
  doc.moveDown();
  for (const line of p.body) {
    if (looksLikeHeading(line)) doc.moveDown(0.5).font('Helvetica-Bold').fontSize(13).text(line);
    else doc.font('Helvetica').fontSize(11).text(line.startsWith('- ') ? `•  ${line.slice(2)}` : line, { paragraphGap: 4 });
  }
}

/** A grey-scale PNG of a scanned page: paper noise, a heading bar and lines of "text" as dark dashes. */
function scannedPagePng(width: number, height: number, seed: number): Uint8Array {
  const next = prng(seed);
  const raw = Buffer.alloc((width + 1) * height, 0);
  const px = (x: number, y: number, v: number) => {
    if (x >= 0 && x < width && y >= 0 && y < height) raw[y * (width + 1) + 1 + x] = v;
  };
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) px(x, y, next() < 0.002 ? 120 : 244);
  }
  const margin = Math.round(width * 0.1);
  const lineHeight = Math.max(6, Math.round(height / 60));
  for (let line = 0, y = margin; y < height - margin; line++, y += lineHeight * 2) {
    const isHeading = line === 0 || next() < 0.08;
    const end = width - margin - (next() < 0.2 ? Math.round(next() * width * 0.4) : 0);
    for (let x = margin; x < end; ) {
      const word = Math.round(8 + next() * (isHeading ? 40 : 28));
      for (let dx = 0; dx < word && x + dx < end; dx++) {
        for (let dy = 0; dy < lineHeight; dy++) px(x + dx, y + dy, next() < 0.85 ? 40 : 110);
      }
      x += word + Math.round(4 + next() * 6);
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // grey-scale
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', ihdr),
      chunk('IDAT', deflateSync(raw, { level: 9 })),
      chunk('IEND', Buffer.alloc(0)),
    ]),
  );
}

// ---------------------------------------------------------------------------------------------------------
// Formats we do not read

/** The first sector of an OLE compound file (what Word 97–2003 writes), then the text as Word 8-bit stores it. */
function legacyDoc(text: string): Uint8Array {
  const header = Buffer.alloc(512, 0);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x003e, 24); // minor version
  header.writeUInt16LE(0x0003, 26); // major version 3: 512-byte sectors
  header.writeUInt16LE(0xfffe, 28); // byte order mark
  header.writeUInt16LE(9, 30); // sector shift
  header.writeUInt16LE(6, 32); // mini sector shift
  header.writeUInt32LE(1, 44); // FAT sectors
  header.writeUInt32LE(0xfffffffe, 48); // first directory sector: none
  header.writeUInt32LE(0x1000, 56); // mini stream cutoff
  header.writeUInt32LE(0xfffffffe, 60);
  header.writeUInt32LE(0xfffffffe, 68);
  for (let i = 76; i < 512; i += 4) header.writeUInt32LE(0xffffffff, i);
  const body = Buffer.from(encodeCp1252(text.replace(/\n/g, '\r')));
  const padding = Buffer.from(randomBytes(97, 2048 - ((512 + body.length) % 512)));
  return new Uint8Array(Buffer.concat([header, body, padding]));
}

function odt(p: PolicyText): Uint8Array {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const paras = [...p.header, ...p.body].map((l) => `<text:p>${esc(l)}</text:p>`).join('');
  const content = `<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:text>${paras}</office:text></office:body></office:document-content>`;
  const manifest = `<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>`;
  const b = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
  // The ODF rule: `mimetype` first and stored, so `file` and friends can sniff it.
  return zip([
    zipEntry('mimetype', b('application/vnd.oasis.opendocument.text'), false),
    zipEntry('content.xml', b(content)),
    zipEntry('META-INF/manifest.xml', b(manifest)),
  ]);
}

function rtf(p: PolicyText): Uint8Array {
  const esc = (s: string) =>
    [...s.replace(/[\\{}]/g, (m) => `\\${m}`)].map((ch) => (ch.charCodeAt(0) > 127 ? `\\u${ch.charCodeAt(0)}?` : ch)).join('');
  const paras = [...p.header, ...p.body].map((l) => `${esc(l)}\\par`).join('\n');
  return new Uint8Array(Buffer.from(`{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fswiss Calibri;}}\n\\f0\\fs22\n${paras}\n}\n`, 'ascii'));
}

// ---------------------------------------------------------------------------------------------------------
// Hostile policy

/** Real clauses with payloads where a careless page would paste them into HTML, attributes and links. */
function hostilePolicy(c: Corpus): PolicyText {
  const [scriptTag, imgTag, mdLink, attrBreak, tagBreak] = HOSTILE_PAYLOADS;
  // Westbrook lines 0–2: introduction; 3–9: "This policy aims to:" and its list; 10–13: scope and data protection.
  const body = c.westbrook.body.slice(0, 14);
  return {
    header: ['Staff Acceptable Use Policy', 'Ridgeway Primary School', 'Approved by the governing body: 12 March 2024', 'Next review: March 2026'],
    body: [
      ...body.slice(0, 3),
      `Staff must not paste code such as ${scriptTag} into the school website or learning platform.`,
      `Report any message containing an image tag like ${imgTag} to the Headteacher without opening it.`,
      ...body.slice(3, 10),
      'Links and attachments',
      `Links of the form ${mdLink} must never be sent to pupils or parents.`,
      `Do not copy text such as ${attrBreak} into school forms; report it as a suspected attack.`,
      `A title ending ${tagBreak} is an attack on the website and must be reported to the Business Manager.`,
      ...body.slice(10),
    ],
  };
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The hostile policy as a school web page: the payloads are escaped text (a reader must show them literally),
 * and the page also carries live script, style, event handlers and a javascript: link (a reader must drop them).
 */
function hostileHtml(p: PolicyText): string {
  const body = p.body
    .map((l) => (looksLikeHeading(l) ? `<h2>${esc(l)}</h2>` : l.startsWith('- ') ? `<ul><li>${esc(l.slice(2))}</li></ul>` : `<p>${esc(l)}</p>`))
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>${esc(p.header[0] ?? '')}</title>
<style>.HOSTILE_STYLE_MARKER { background: url("javascript:alert(5)"); }</style>
<script>window.HOSTILE_SCRIPT_MARKER = 1; alert('head');</script>
</head>
<body onload="alert('onload')">
<h1>${esc(p.header[0] ?? '')}</h1>
${p.header
  .slice(1)
  .map((l) => `<p>${esc(l)}</p>`)
  .join('\n')}
<img src="x" onerror="alert('img')" alt="School logo">
${body}
<p><a href="javascript:alert('link')" onclick="alert('click')">Read the e-safety guidance</a></p>
<script>alert('tail'); document.title = 'HOSTILE_SCRIPT_MARKER';</script>
</body>
</html>
`;
}

function hostileMarkdown(p: PolicyText): string {
  return `# ${p.header[0]}\n\n${p.header.slice(1).join('  \n')}\n\n${p.body
    .map((l) => (looksLikeHeading(l) ? `## ${l}` : l))
    .join('\n\n')}\n`;
}

async function hostileDocx(p: PolicyText): Promise<Uint8Array> {
  const children = docxParagraphs(p);
  // A real hyperlink whose target is javascript: — mammoth turns it into <a href>, so it must not survive.
  children.push(
    new Paragraph({
      children: [
        new TextRun('See also '),
        new ExternalHyperlink({ link: 'javascript:alert(1)', children: [new TextRun({ text: 'the e-safety guidance', style: 'Hyperlink' })] }),
        new TextRun('.'),
      ],
    }),
  );
  return makeDocx(children, p.header[0] ?? '');
}

function hostilePdf(p: PolicyText): Promise<Uint8Array> {
  return pdfToBytes((doc) => {
    writePolicyPdf(doc, p);
    doc.moveDown().font('Helvetica').fontSize(11).text('Read the e-safety guidance.', { link: 'javascript:alert(1)', underline: true });
  });
}

// ---------------------------------------------------------------------------------------------------------
// The corpus

/** Writes every committed fixture into `badDir` and `hostileDir` (both emptied first). */
export async function makeBadInputs(badDir = BAD_DIR, hostileDir = HOSTILE_DIR): Promise<void> {
  const c = await loadCorpus();
  const files = new Map<string, Uint8Array | string>();
  const put = (name: string, content: Uint8Array | string) => files.set(name, content);

  put('empty.txt', '');
  put('whitespace-only.txt', ' \n\t\n   \r\n\u00a0 \n\n\t \n');
  put('random-bytes.pdf', randomBytes(1, 16 * 1024));
  put('random-bytes.docx', randomBytes(2, 16 * 1024));

  const westDocx = await makeDocx(docxParagraphs(c.westbrook), 'Acceptable Use Policy');
  put('truncated.docx', westDocx.slice(0, Math.floor(westDocx.length / 2)));
  put('zip-bomb.docx', await makeZipBomb(1907)); // 2.0 GB (decimal)

  put('password-protected.pdf', await pdfToBytes((doc) => writePolicyPdf(doc, c.westbrook), { userPassword: 'governors2024', ownerPassword: 'bursar', pdfVersion: '1.4' }));
  put(
    'scanned-no-text-layer.pdf',
    await pdfToBytes((doc) => {
      const w = doc.page.width;
      const h = doc.page.height;
      doc.image(Buffer.from(scannedPagePng(620, 877, 11)), 0, 0, { width: w, height: h });
      doc.addPage({ size: 'A4', margin: 0 });
      doc.image(Buffer.from(scannedPagePng(620, 877, 12)), 0, 0, { width: w, height: h });
    }),
  );

  put('legacy-word-97.doc', legacyDoc(asText(c.oakwood)));
  put('policy.odt', odt(c.westbrook));
  put('policy.rtf', rtf(c.oakwood));
  put('policy-photo.png', scannedPagePng(310, 438, 13));

  const cp1252Policy: PolicyText = {
    header: ['Staff Acceptable Use Policy – Westbrook Primary School', 'Approved by: Governors Date: 25/11/24', 'Next review due by: Nov 2027'],
    body: [
      ...c.westbrook.body.slice(0, 10).map(curlyQuotes),
      'Equipment on loan',
      curlyQuotes("Staff who lose or damage a school laptop through negligence may be asked to contribute up to £150 towards its repair or replacement; the School's insurance excess is £250."),
      curlyQuotes('The "acceptable use" rules in this policy apply equally to equipment on loan – including tablets and cameras – and to personal devices used for school work.'),
    ],
  };
  put('windows-1252.txt', encodeCp1252(asText(cp1252Policy).replace(/\n/g, '\r\n')));
  put('utf-16le-bom.txt', encodeUtf16leWithBom(asText(c.oakwood).replace(/\n/g, '\r\n')));

  put('hostile-markup.html', badHtml(c));

  const spaced: PolicyText = { ...c.westbrook, header: ['Staff Acceptable Use Policy 2024', 'Westbrook Primary School', 'Approved by: Governors Date: 12/03/24', 'Next review due by: Mar 2026'] };
  put('Staff AUP 2024 final.txt', asText(spaced));
  const accented: PolicyText = { header: ['Política de uso aceptable – Café Lingua Bilingual Primary School', 'Staff Acceptable Use Policy', 'Approved: 9 September 2023', 'Review date: September 2025'], body: c.westbrook.body.slice(0, 30) };
  put('Política de uso – café.txt', asText(accented));
  const dashed: PolicyText = { header: ['Staff ICT Acceptable Use Policy', 'Ridgeway Primary School', 'Adopted by governors: 1 July 2022', 'Review date: July 2024'], body: c.oakwood.body };
  put('-rf policy.txt', asText(dashed));

  const dup = asText(c.westbrook);
  put('westbrook-aup.txt', dup);
  put('westbrook-aup copy.txt', dup);
  put('Oakwood ICT Policy.txt', asText(c.oakwood));
  put('oakwood-ict-policy.txt', asText({ ...c.oakwood, header: ['Oakwood Primary School', 'ICT Use Policy', 'Ratified: 19 October 2012', 'Updated: 3 March 2016'] }));
  put('staff-code-of-conduct.TXT', asText({ header: ['Staff Code of Conduct: Use of Technology', 'Westbrook Primary School', 'Approved: 4 May 2021', 'Next review: May 2023'], body: c.westbrook.body.slice(40) }));
  put('nested/deeper/online-safety.md', `# Online Safety Policy\n\n**School:** Oakwood Primary School  \n**Approved:** 5 October 2020  \n**Review date:** October 2022\n\n${c.oakwood.body.map((l) => (looksLikeHeading(l) ? `## ${l}` : l)).join('\n\n')}\n`);

  put('no-dates.txt', asText({ header: ['Staff Acceptable Use Policy', 'Brookfield Primary School'], body: c.undated }));
  put('impossible-date.txt', asText({ header: ['Staff Acceptable Use Policy', 'Hillside Primary School', 'Approved: 31/02/2019', 'Review date: February 2021'], body: c.westbrook.body }));
  put('future-date.txt', asText({ header: ['Staff Acceptable Use Policy', 'Meadow Lane Primary School', 'Approved: 14 March 2031', 'Review date: March 2033'], body: c.westbrook.body }));

  const listed = new Set(BAD_INPUTS.map((b) => b.file));
  for (const name of files.keys()) if (!listed.has(name)) throw new Error(`${name} is written but not in BAD_INPUTS`);
  for (const name of listed) if (!files.has(name)) throw new Error(`${name} is in BAD_INPUTS but not written`);

  await writeTree(badDir, files);

  const h = hostilePolicy(c);
  await writeTree(
    hostileDir,
    new Map<string, Uint8Array | string>([
      ['hostile-policy.txt', asText(h)],
      ['hostile-policy.md', hostileMarkdown(h)],
      ['hostile-policy.html', hostileHtml(h)],
      ['hostile-policy.docx', await hostileDocx(h)],
      ['hostile-policy.pdf', await hostilePdf(h)],
    ]),
  );
}

/**
 * Live hostile markup around real policy text. Markers inside script and style let a test check that their
 * content never reaches the policy text; the escaped attribute-breaking string must come through literally.
 */
function badHtml(c: Corpus): string {
  const paras = c.westbrook.body.slice(0, 25);
  const body = paras
    .map((l, i) => {
      const onAttr = i % 5 === 1 ? ` onmouseover="alert(${i})"` : '';
      if (looksLikeHeading(l)) return `<h2${onAttr}>${esc(l)}</h2>`;
      if (l.startsWith('- ')) return `<ul><li${onAttr}>${esc(l.slice(2))}</li></ul>`;
      return `<p${onAttr}>${esc(l)}</p>`;
    })
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>Acceptable Use Policy | Westbrook Primary School</title>
<style>.STYLE_MARKER_Q7 { color: red; } body::after { content: "STYLE_MARKER_Q7"; }</style>
<script>var SCRIPT_MARKER_Q7 = document.cookie; alert('head');</script>
</head>
<body onload="alert('onload')">
<nav><a href="javascript:alert('nav')">Home</a> | <a href="/policies">Policies</a></nav>
<main>
<h1 onclick="alert('h1')">Acceptable Use Policy</h1>
<p>Westbrook Primary School</p>
<p>Approved by: Governors Date: 25/11/24</p>
<p>Next review due by: Nov 2027</p>
<img src="x" onerror="alert('SCRIPT_MARKER_Q7')" alt="">
<p title=""><script>alert('SCRIPT_MARKER_Q7')</script>">Staff must report any web page that shows a message such as &quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt; to the headteacher.</p>
${body}
<p>See the <a href="javascript:alert('SCRIPT_MARKER_Q7')" onfocus="alert(2)">Social Media Policy</a> for the key requirements.</p>
<script src="data:text/javascript,alert('SCRIPT_MARKER_Q7')"></script>
</main>
<noscript><p>NOSCRIPT_MARKER_Q7 Please enable JavaScript.</p></noscript>
</body>
</html>
`;
}

/** Fixture bytes are the test: git must not convert line endings on a Windows checkout. */
const GITATTRIBUTES = '# Generated by scripts/make-bad-inputs.ts. Byte-exact fixtures: no line-ending conversion.\n* -text\n';

async function writeTree(dir: string, files: ReadonlyMap<string, Uint8Array | string>): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  // A dot-file: the CLI skips it like any other hidden file, so it is not an input.
  await writeFile(join(dir, '.gitattributes'), GITATTRIBUTES);
  for (const [name, content] of files) {
    const target = join(dir, name);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, content);
  }
}

/**
 * Writes a ~`bytes`-long but real-looking policy (a header with dates, then the Westbrook clauses repeated as
 * numbered sections) to `dir/huge-policy.txt` and returns its path. Streams, so it never holds 50 MB twice.
 */
export async function writeHugeTextFile(dir: string, bytes = 50 * 1024 * 1024): Promise<string> {
  const c = await loadCorpus();
  const path = join(dir, 'huge-policy.txt');
  await mkdir(dir, { recursive: true });
  const out = createWriteStream(path);
  const write = (s: string) => (out.write(s) ? Promise.resolve() : new Promise<void>((ok) => out.once('drain', ok)));
  let written = 0;
  const header = `${c.westbrook.header.join('\n')}\n\n`;
  await write(header);
  written += Buffer.byteLength(header);
  const section = c.westbrook.body.join('\n\n');
  const sectionBytes = Buffer.byteLength(section) + 32;
  for (let n = 1; written + sectionBytes <= bytes; n++) {
    const chunk = `Section ${n}\n\n${section}\n\n`;
    await write(chunk);
    written += Buffer.byteLength(chunk);
  }
  await new Promise<void>((ok, fail) => out.end((err?: Error | null) => (err ? fail(err) : ok())));
  return path;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await makeBadInputs();
  console.log(`Wrote ${BAD_INPUTS.length} bad inputs to ${BAD_DIR} and 5 hostile policies to ${HOSTILE_DIR}.`);
}
