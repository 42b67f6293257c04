/**
 * Loads the ten gold-labelled fixtures as the metadata stage sees them: normalised text (PDFs from the committed
 * text dumps in test/fixtures/text/), Markdown front matter split off and parsed, empty headings and clauses.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { PolicyDocument } from '../../../src/pipeline/types.ts';

export const FIXTURES = join(import.meta.dirname, '../../fixtures');

export interface GoldMetadata {
  school: string | null;
  title: string | null;
  approved: string | null;
  last_reviewed: string | null;
  next_review: string | null;
  review_cycle_months: number | null;
}

export interface Fixture {
  set: 'seeds' | 'extra' | 'dev';
  file: string;
  doc: Pick<PolicyDocument, 'text' | 'frontMatter' | 'headings' | 'clauses'>;
  gold: GoldMetadata;
}

const PDF_DUMPS: Record<string, string> = {
  'decoy-online-safety-policy-2016.pdf': 'decoy-2016.txt',
  'decoy-online-safety-policy-2018.pdf': 'decoy-2018.txt',
};

function normalise(s: string): string {
  return s.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').replace(/\f/g, '\n').normalize('NFC');
}

function readDoc(set: Fixture['set'], file: string): Fixture['doc'] {
  const dump = PDF_DUMPS[file];
  const raw = normalise(readFileSync(dump ? join(FIXTURES, 'text', dump) : join(FIXTURES, set, file), 'utf8'));
  if (file.endsWith('.md')) {
    const m = /^---\n([\s\S]*?)\n---\n?/.exec(raw);
    if (m) return { text: raw.slice(m[0].length), frontMatter: parseYaml(m[1]!) as Record<string, unknown>, headings: [], clauses: [] };
  }
  return { text: raw, headings: [], clauses: [] };
}

export function loadFixtures(): Fixture[] {
  const out: Fixture[] = [];
  for (const set of ['seeds', 'extra'] as const) {
    const dir = join(FIXTURES, 'gold', set);
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
      const g = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { file: string; metadata: GoldMetadata };
      out.push({ set, file: g.file, doc: readDoc(set, g.file), gold: g.metadata });
    }
  }
  return out;
}

/** The 46 real policies of test/fixtures/dev (all plain text) with their gold metadata. */
export function loadDevFixtures(): Fixture[] {
  const dir = join(FIXTURES, 'gold', 'dev');
  return readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort()
    .map((f) => {
      const g = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { file: string; metadata: GoldMetadata };
      return { set: 'dev' as const, file: g.file, doc: readDoc('dev', g.file), gold: g.metadata };
    });
}
