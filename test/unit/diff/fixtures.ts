/**
 * Realistic inputs for the comparison analytics, built from the real fixture documents without waiting for the
 * structure and classifier stages: clauses are lines (wrapped PDF lines joined) with exact offsets, and coverage
 * comes from the hand-made gold labels.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { Clause, CoverageCell, CoverageStatus } from '../../../src/pipeline/types.ts';
import type { SchoolInfo, TaxonomyTypeRef } from '../../../src/pipeline/analyse/gaps/types.ts';
import { Random } from '../../../scripts/lib/synth/prng.ts';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export const SEEDS = {
  oakwood: '000_f295fe4824b47e99',
  westbrook: '001_e467dfff412ec3fa',
  hanson: '002_0133e99881feddac',
  ourLady: '003_ba2811e87db779cd',
  westCoventry: '004_e10d6709eb2a89d0',
} as const;

export const SEED_SCHOOL: Record<keyof typeof SEEDS, string> = {
  oakwood: 'oakwood-primary',
  westbrook: 'westbrook-primary',
  hanson: 'hanson-school',
  ourLady: 'our-lady-of-peace',
  westCoventry: 'west-coventry-academy',
};

export function readSeed(key: keyof typeof SEEDS): string {
  return readFileSync(`${ROOT}test/fixtures/seeds/${SEEDS[key]}.txt`, 'utf8');
}

export function readFixture(path: string): string {
  return readFileSync(`${ROOT}${path}`, 'utf8');
}

/** The decoy online-safety policy text (a real 2016/2018 version pair); the committed dump when present. */
export async function decoyText(year: 2016 | 2018): Promise<string> {
  const dump = `${ROOT}test/fixtures/text/decoy-${year}.txt`;
  if (existsSync(dump)) return readFileSync(dump, 'utf8');
  const { extractText, getDocumentProxy } = await import('unpdf');
  const pdf = await getDocumentProxy(new Uint8Array(readFileSync(`${ROOT}test/fixtures/extra/decoy-online-safety-policy-${year}.pdf`)));
  const { text } = await extractText(pdf, { mergePages: true });
  return text;
}

const BULLET = /^(?:[-*•\u2022\uf0b7\uf0a7]|\d+(?:\.\d+)*[.)]?|\([a-z0-9]+\))\s+/u;

/**
 * One clause per non-empty line; a line that continues a sentence (previous line has no closing punctuation and
 * this one starts in lower case) joins the previous clause, as wrapped PDF lines do.
 */
export function clausesFromText(text: string): Clause[] {
  const clauses: Clause[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    const lineStart = offset;
    offset += line.length + 1;
    const trimmed = line.trim();
    if (!trimmed) continue;
    const lead = line.length - line.trimStart().length;
    const bullet = BULLET.exec(trimmed)?.[0] ?? '';
    const start = lineStart + lead + bullet.length;
    const end = lineStart + line.trimEnd().length;
    if (end <= start) continue;
    const prev = clauses[clauses.length - 1];
    if (prev && !bullet && /^[a-z]/.test(trimmed) && !/[.:;!?]$/.test(prev.text)) {
      prev.end = end;
      prev.text = text.slice(prev.start, end);
      continue;
    }
    clauses.push({
      id: `c${String(clauses.length).padStart(4, '0')}`,
      start,
      end,
      label: null,
      headingPath: [],
      text: text.slice(start, end),
      kind: bullet ? 'list-item' : 'paragraph',
      depth: 0,
      emphasis: [],
    });
  }
  return clauses;
}

interface GoldFile {
  metadata: { school: string | null; approved: string | null; last_reviewed: string | null };
  clauses: Record<string, { label: CoverageStatus; evidence?: string | null }>;
}

export function readGold(path: string): GoldFile {
  return JSON.parse(readFileSync(`${ROOT}test/fixtures/gold/${path}.json`, 'utf8')) as GoldFile;
}

/** Coverage cells from the gold labels, evidence located in the text (the first line of the gold quote). */
export function goldCoverage(goldPath: string, text: string, clauses: readonly Clause[]): CoverageCell[] {
  const gold = readGold(goldPath);
  return Object.entries(gold.clauses).map(([typeId, g]) => {
    const cell: CoverageCell = { typeId, status: g.label, confidence: g.label === 'absent' ? 0 : 0.9, evidence: [], verified: true };
    const probe = (g.evidence ?? '').split(/\s*(?:\n|…|\.\.\.)\s*/)[0]?.trim() ?? '';
    const at = probe.length >= 8 && g.label !== 'absent' ? text.indexOf(probe) : -1;
    const clause = at >= 0 ? clauses.find((c) => c.start <= at && at < c.end) : undefined;
    if (clause) cell.evidence.push({ clauseId: clause.id, start: at, end: at + probe.length, quote: probe });
    return cell;
  });
}

export function taxonomyTypes(): TaxonomyTypeRef[] {
  const doc = parse(readFileSync(`${ROOT}content/taxonomy/types.yaml`, 'utf8')) as {
    types: { id: string; level: TaxonomyTypeRef['level']; expected_since?: number | null }[];
  };
  return doc.types.map((t) => ({ id: t.id, level: t.level, expectedSince: t.expected_since ?? null }));
}

/** content/schools.csv rows (a plain CSV without quoted commas). */
export function schools(): SchoolInfo[] {
  const [header, ...rows] = readFileSync(`${ROOT}content/schools.csv`, 'utf8').trim().split('\n');
  const cols = (header ?? '').split(',');
  return rows.map((row) => {
    const cells = row.split(',');
    const get = (name: string): string | null => cells[cols.indexOf(name)]?.trim() || null;
    return {
      schoolId: get('school_id') ?? '',
      name: get('name') ?? '',
      localAuthority: get('local_authority'),
      trust: get('trust'),
      phase: get('phase'),
      nation: get('nation'),
    };
  });
}

/** Deterministic pseudo-random numbers for synthetic corpora (the corpus generator's, as a function). */
export function rng(seed: number): () => number {
  const random = new Random(seed);
  return () => random.next();
}
