import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCorpus } from '../../../scripts/make-corpus.ts';
import type { PolicyTruth } from '../../../scripts/lib/synth/corpus.ts';
import { parseSource } from '../../../scripts/lib/synth/sources.ts';

async function listFiles(root: string, rel = ''): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(join(root, rel), { withFileTypes: true })) {
    const child = rel === '' ? e.name : `${rel}/${e.name}`;
    if (e.isDirectory()) out.push(...(await listFiles(root, child)));
    else out.push(child);
  }
  return out.sort();
}

async function readTruth(dir: string): Promise<PolicyTruth[]> {
  const text = await readFile(join(dir, 'truth.jsonl'), 'utf8');
  return text
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as PolicyTruth);
}

function csvRows(csv: string): string[][] {
  // Names in the synthetic list never contain commas or quotes, so a plain split is exact here.
  return csv
    .trim()
    .split('\n')
    .map((l) => l.split(','));
}

/** Words that open a metadata line in real policies (domain brief §3). */
const HEADER_LINE =
  /(approved|ratified|adopted|date of policy|issued|created|date written|policy date|date agreed|reviewed|review date|next review|to be reviewed|review due)\b/i;

let base: string;
let a: string;
let b: string;
let other: string;
let binary: string;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'pa-synth-'));
  a = join(base, 'a');
  b = join(base, 'b');
  other = join(base, 'other');
  binary = join(base, 'binary');
  await makeCorpus({ n: 50, out: a, seed: 1 });
  await makeCorpus({ n: 50, out: b, seed: 1 });
  await makeCorpus({ n: 50, out: other, seed: 2 });
  await makeCorpus({ n: 8, out: binary, seed: 3, formats: ['docx', 'pdf'] });
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('make-corpus', () => {
  it('gives byte-identical output for the same seed, Word and PDF included', async () => {
    const filesA = await listFiles(a);
    const filesB = await listFiles(b);
    expect(filesB).toEqual(filesA);
    expect(filesA.filter((f) => f.startsWith('policies/'))).toHaveLength(50);
    for (const f of filesA) {
      const [x, y] = await Promise.all([readFile(join(a, f)), readFile(join(b, f))]);
      expect(x.equals(y), f).toBe(true);
    }
  });

  it('gives a different corpus for a different seed', async () => {
    expect(await readFile(join(other, 'schools.csv'), 'utf8')).not.toBe(await readFile(join(a, 'schools.csv'), 'utf8'));
    expect(await listFiles(other)).not.toEqual(await listFiles(a));
  });

  it('lists exactly the school folders in schools.csv, with the project header', async () => {
    const rows = csvRows(await readFile(join(a, 'schools.csv'), 'utf8'));
    expect(rows[0]).toEqual(['school_id', 'name', 'urn', 'local_authority', 'trust', 'phase', 'nation']);
    const ids = rows.slice(1).map((r) => r[0]);
    const folders = (await readdir(join(a, 'policies'))).sort();
    expect(ids).toEqual(folders);
    for (const r of rows.slice(1)) {
      expect(r).toHaveLength(7);
      expect(['England', 'Wales', 'Scotland', 'Northern Ireland']).toContain(r[6]);
      expect(r[3]).not.toBe('');
    }
    // Some schools hold several dated versions.
    const perSchool = await Promise.all(folders.map(async (f) => (await readdir(join(a, 'policies', f))).length));
    expect(perSchool.some((c) => c >= 2)).toBe(true);
  });

  it('mixes text formats and writes readable Word and PDF files', async () => {
    const formats = new Set((await readTruth(a)).map((t) => t.format));
    expect(formats).toContain('txt');
    expect(formats).toContain('md');

    const truths = await readTruth(binary);
    const schools = new Map(csvRows(await readFile(join(binary, 'schools.csv'), 'utf8')).slice(1).map((r) => [r[0], r[1]]));
    expect(new Set(truths.map((t) => t.format))).toEqual(new Set(['docx', 'pdf']));
    for (const t of truths) {
      const bytes = await readFile(join(binary, t.path));
      let text: string;
      if (t.format === 'docx') {
        expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
        text = (await mammoth.extractRawText({ buffer: bytes })).value;
      } else {
        expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
        const pdf = await getDocumentProxy(new Uint8Array(bytes));
        text = (await extractText(pdf, { mergePages: true })).text;
      }
      expect(text).toContain(schools.get(t.schoolId));
      expect(text).toContain(t.title);
    }
  });

  it('opens every text policy with a metadata header whose dates match the truth file', async () => {
    const truths = await readTruth(a);
    for (const t of truths.filter((x) => x.format === 'txt' || x.format === 'md' || x.format === 'html')) {
      const text = await readFile(join(a, t.path), 'utf8');
      const head = text.split('\n').slice(0, 30).join('\n');
      const tail = text.split('\n').slice(-40).join('\n');
      expect(HEADER_LINE.test(head) || HEADER_LINE.test(tail), t.path).toBe(true);
      const shown = [t.header.approved, t.header.nextReview].filter((d) => d !== null);
      expect(shown.length, t.path).toBeGreaterThan(0);
      for (const d of shown) {
        expect(text).toContain(d?.text);
        expect(d?.value).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
      }
    }
  });

  it('never leaves a source school name or placeholder in the output', async () => {
    for (const f of (await listFiles(a)).filter((x) => /\.(txt|md|html)$/.test(x))) {
      const text = await readFile(join(a, f), 'utf8');
      expect(text, f).not.toMatch(/\{\{|Oakwood|Westbrook|Hanson|Our Lady of Peace|West Coventry|Minuteman|\bCLC\b/);
    }
  });
});

describe('make-corpus safety', () => {
  it('refuses to replace a policies folder it did not write', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pa-synth-guard-'));
    try {
      await mkdir(join(dir, 'policies', 'real-school'), { recursive: true });
      await writeFile(join(dir, 'policies', 'real-school', 'aup.txt'), 'A real policy');
      await expect(makeCorpus({ n: 3, out: dir, seed: 1 })).rejects.toThrow(/refusing to replace/);
      expect(await readFile(join(dir, 'policies', 'real-school', 'aup.txt'), 'utf8')).toBe('A real policy');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('parseSource', () => {
  it('cuts a real policy into headed sections and keeps its agreement form apart', async () => {
    const id = 'content/policies/westbrook-primary/acceptable-use-policy-2024.txt';
    const parsed = parseSource(id, await readFile(id, 'utf8'));
    const headings = parsed.sections.map((s) => s.heading);
    expect(headings).toContain('Network access and security');
    expect(headings).toContain('Digital cameras');
    expect(parsed.sections.every((s) => s.source === id)).toBe(true);
    expect(parsed.form?.some((b) => /I hereby confirm that I have read/.test(b.text))).toBe(true);
    // The header's dates are not clause text.
    expect(parsed.sections.flatMap((s) => s.blocks).some((bl) => /25\/11\/2024|Nov 2027/.test(bl.text))).toBe(false);
  });

  it('drops a contents table and names no school', async () => {
    const id = 'content/policies/hanson-school/acceptable-use-ict-mobile-social-2018.txt';
    const parsed = parseSource(id, await readFile(id, 'utf8'));
    expect(parsed.sections.some((s) => s.heading.includes('\t'))).toBe(false);
    expect(parsed.sections.map((s) => s.heading)).toContain('Relevant Legislation');
    expect(JSON.stringify(parsed)).not.toMatch(/Hanson/);
  });
});
