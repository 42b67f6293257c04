/**
 * Test helpers shared by the staleness, stances and redact tests: read the real seed policies and content files,
 * and cut a seed into clauses line by line with exact offsets (a stand-in for structure/ so these tests do not
 * depend on it). Tests may read files; the pipeline code under test never does.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { ClauseKind, CoverageCell, MetaValue, PartialDate, PolicyMetadata } from '../../../src/pipeline/types.ts';
import { loadReferences, type ReferenceList } from '../../../src/pipeline/references/index.ts';
import { loadStanceDefs, type StanceDefs } from '../../../src/pipeline/analyse/stances/index.ts';
import type { TaxonomyTypeRef } from '../../../src/pipeline/analyse/staleness/index.ts';

const root = join(import.meta.dirname, '..', '..', '..');
const seedsDir = join(root, 'test', 'fixtures', 'seeds');

export const SEEDS = {
  oakwood: '000_f295fe4824b47e99.txt',
  westbrook: '001_e467dfff412ec3fa.txt',
  hanson: '002_0133e99881feddac.txt',
  ourLady: '003_ba2811e87db779cd.txt',
  westCoventry: '004_e10d6709eb2a89d0.txt',
} as const;
export type SeedName = keyof typeof SEEDS;

export function readSeed(name: SeedName): string {
  return readFileSync(join(seedsDir, SEEDS[name]), 'utf8');
}

export function readFixture(relative: string): string {
  return readFileSync(join(root, 'test', 'fixtures', relative), 'utf8');
}

export function readYaml(relative: string): unknown {
  return parse(readFileSync(join(root, relative), 'utf8'));
}

/** The clause types of content/taxonomy/types.yaml, as the staleness stage reads them. */
export function loadTypes(): TaxonomyTypeRef[] {
  return (readYaml('content/taxonomy/types.yaml') as { types: TaxonomyTypeRef[] }).types;
}

export function loadRefs(): ReferenceList {
  const dir = join(root, 'content', 'references');
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
  return loadReferences(
    files.map((f) => parse(readFileSync(join(dir, f), 'utf8'))),
    files,
  );
}

export function loadStances(): StanceDefs {
  return loadStanceDefs(readYaml('content/stances.yaml'));
}

export interface TestClause {
  id: string;
  text: string;
  start: number;
  end: number;
  kind: ClauseKind;
  depth: number;
}

/**
 * One clause per non-blank line. A leading "- ", "(a) ", "(iv) " or "4.2 " marker is left out of the clause text
 * (as structure/ does) and makes the line a list item; indentation gives the depth.
 */
export function seedClauses(text: string): TestClause[] {
  const clauses: TestClause[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    const marker = /^([^\S\n]*)((?:[-*•][^\S\n]+)?(?:\((?:[a-z]|[ivx]+)\)[^\S\n]+|\d+(?:\.\d+)+\.?[^\S\n]+)?)/u.exec(line);
    const indent = marker?.[1]?.length ?? 0;
    const bullet = marker?.[2] ?? '';
    const body = line.slice(indent + bullet.length).replace(/\s+$/u, '');
    if (body.trim() !== '') {
      const start = offset + indent + bullet.length;
      clauses.push({
        id: `c${String(clauses.length + 1).padStart(4, '0')}`,
        text: body,
        start,
        end: start + body.length,
        kind: bullet === '' ? 'paragraph' : 'list-item',
        depth: bullet === '' ? 0 : indent > 0 ? 1 : 0,
      });
    }
    offset += line.length + 1;
  }
  return clauses;
}

export function meta(dates: { approved?: PartialDate; lastReviewed?: PartialDate; nextReview?: PartialDate; cycle?: number }): PolicyMetadata {
  const value = <T>(v: T | undefined): MetaValue<T> | null => (v === undefined ? null : { value: v, evidence: null, source: 'text' });
  return {
    school: null,
    schoolIsPlaceholder: false,
    title: null,
    approved: value(dates.approved),
    lastReviewed: value(dates.lastReviewed),
    nextReview: value(dates.nextReview),
    reviewCycleMonths: value(dates.cycle),
    approvingBody: null,
    audiences: null,
    warnings: [],
  };
}

/** Coverage with the given types present (one evidence-free cell each) and every other type absent. */
export function coverageWith(present: readonly string[], allTypes: readonly string[]): CoverageCell[] {
  return allTypes.map((typeId) => ({
    typeId,
    status: present.includes(typeId) ? 'present' : 'absent',
    confidence: present.includes(typeId) ? 0.9 : 0,
    evidence: [],
    verified: false,
  }));
}
