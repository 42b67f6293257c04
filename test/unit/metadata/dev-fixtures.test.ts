/**
 * Metadata on the 46 real policies in test/fixtures/dev, scored as test/fixtures/score.mjs scores them, plus the
 * cover-sheet layouts they taught us, checked on the documents themselves.
 */
import { describe, expect, it } from 'vitest';
import { extractMetadata } from '../../../src/pipeline/metadata/index.ts';
import type { PolicyMetadata } from '../../../src/pipeline/types.ts';
import { loadDevFixtures, loadFixtures, type Fixture, type GoldMetadata } from './load-fixtures.ts';

const dev = loadDevFixtures();
const all = [...loadFixtures(), ...dev];
const SCORED: ReadonlyArray<readonly [keyof GoldMetadata, 'approved' | 'lastReviewed' | 'nextReview' | 'reviewCycleMonths']> = [
  ['approved', 'approved'],
  ['last_reviewed', 'lastReviewed'],
  ['next_review', 'nextReview'],
  ['review_cycle_months', 'reviewCycleMonths'],
];
const run = (f: Fixture): PolicyMetadata => extractMetadata(f.doc, { fileName: f.file, asOf: '2026-12-07' });
const byName = (name: string): { f: Fixture; m: PolicyMetadata } => {
  const f = dev.find((x) => x.file.startsWith(name));
  if (!f) throw new Error(`no dev fixture ${name}`);
  return { f, m: run(f) };
};

describe('metadata on every shared gold document', () => {
  it('loads the 46 dev documents', () => {
    expect(dev).toHaveLength(46);
  });

  it('scores at least 0.95 over seeds, extra and dev together', () => {
    let ok = 0;
    let n = 0;
    const wrong: string[] = [];
    for (const f of all) {
      const m = run(f);
      for (const [g, o] of SCORED) {
        const want = f.gold[g] == null ? '' : String(f.gold[g]);
        const got = m[o] ? String(m[o]!.value) : '';
        if (want === '' && got === '') continue;
        n++;
        if (want === got) ok++;
        else wrong.push(`${f.file} ${g}: want "${want}" got "${got}"`);
      }
    }
    expect(n).toBeGreaterThan(70);
    expect(ok / n, wrong.join('\n')).toBeGreaterThanOrEqual(0.95);
  });

  it('quotes every date and cycle exactly as it appears in the text', () => {
    for (const f of dev) {
      const m = run(f);
      for (const v of [m.approved, m.lastReviewed, m.nextReview, m.reviewCycleMonths]) {
        if (v?.evidence) expect(f.doc.text.slice(v.evidence.start, v.evidence.end), f.file).toBe(v.evidence.quote);
      }
    }
  });
});

describe('layouts found in the dev documents', () => {
  it('a label line over its value line, with the document named before the label', () => {
    const { m } = byName('britannia-village');
    expect(m.lastReviewed).toMatchObject({ value: '2017-06', evidence: { quote: 'AUP review Date\n\nJUNE 2017' } });
    expect(m.nextReview?.evidence?.quote).toBe('Date of next Review\n\nJUNE 2020');
    expect(m.approved).toBeNull();
  });

  it('a label wrapped over two lines in a fixed-width table', () => {
    const { m } = byName('grafton-primary');
    expect(m.lastReviewed?.value).toBe('2020-10');
    expect(m.approved).toBeNull();
  });

  it('a column of labels then a column of values', () => {
    const { m } = byName('new-beginnings-nursery');
    expect(m.approved?.value).toBe('2019-09');
    expect(m.approved?.evidence?.quote).toMatch(/^This policy was adopted on[\s\S]*September 2019$/);
    expect(m.nextReview?.value).toBe('2020-09');
  });

  it('a change-history table with one cell per line: the latest row is the last revision; a blank review date is none', () => {
    const { m } = byName('warrington-schools');
    expect(m.lastReviewed?.value).toBe('2015-09-11');
    expect(m.approved?.value).toBe('2015-10-22');
    expect(m.nextReview).toBeNull();
  });

  it('an approval line with a separate "applicable from" date', () => {
    const { m } = byName('coop-academies-trust');
    expect(m.approved?.value).toBe('2022-07-13');
    expect(m.reviewCycleMonths).toMatchObject({ value: 36, source: 'derived' });
  });

  it('labels inside a page that lost its line breaks', () => {
    const { m } = byName('woking-high');
    expect(m.approved?.evidence?.quote).toBe('Written: June 2017');
    expect(m.nextReview?.evidence?.quote).toBe('Date of Review: June 2018');
  });

  it('a sentence wrapped across a blank line', () => {
    const { m } = byName('gloucester-nursery');
    expect(m.lastReviewed?.value).toBe('2015-01-19');
  });
});
