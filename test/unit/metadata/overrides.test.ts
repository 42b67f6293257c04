import { describe, expect, it } from 'vitest';
import { extractMetadata } from '../../../src/pipeline/metadata/index.ts';
import {
  applyMetadataOverride,
  applyMetadataOverrides,
  metadataOverrideSchema,
  validateMetadataOverride,
  type MetadataOverride,
} from '../../../src/pipeline/metadata/overrides.ts';
import { loadFixtures } from './load-fixtures.ts';

const s4 = loadFixtures().find((f) => f.file === '004_e10d6709eb2a89d0.txt')!;
const base = extractMetadata(s4.doc, { fileName: s4.file });

describe('reviewer overrides', () => {
  it('replaces a field and marks it as the reviewer’s', () => {
    const entries: MetadataOverride[] = [
      { policy: '004', field: 'school', value: 'West Coventry Academy', note: 'confirmed with the school' },
      { policy: '004', field: 'approved', value: '19/09/2017' },
      { policy: '004', field: 'review_cycle_months', value: 24 },
      { policy: '004', field: 'audiences', value: ['staff', 'Governors'] },
      { policy: '004', field: 'approving_body', value: 'Full Governing Body' },
    ];
    const m = applyMetadataOverrides(base, entries);
    expect(m.school).toEqual({ value: 'West Coventry Academy', evidence: null, source: 'reviewer' });
    expect(m.approved).toEqual({ value: '2017-09-19', evidence: null, source: 'reviewer' });
    expect(m.reviewCycleMonths?.value).toBe(24);
    expect(m.audiences?.value).toEqual(['staff', 'governors']);
    expect(m.approvingBody?.value).toBe('Full Governing Body');
    // Untouched fields keep their extracted values; the input is not mutated.
    expect(m.nextReview).toEqual(base.nextReview);
    expect(base.approved?.source).toBe('text');
  });

  it('keeps a month-precision date at month precision', () => {
    const r = applyMetadataOverride(base, { policy: '004', field: 'next_review', value: 'Sept 2019' });
    expect(r.ok && r.meta.nextReview?.value).toBe('2019-09');
  });

  it('returns a clear error for an unknown field instead of throwing', () => {
    const r = applyMetadataOverride(base, { policy: '004', field: 'ratified', value: '2017-09' });
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/unknown metadata field "ratified".*approved/) });
  });

  it('returns a clear error for a bad value', () => {
    const bad = [
      [{ policy: '004', field: 'approved', value: '31/02/2019' }, /not a real date/],
      [{ policy: '004', field: 'last_reviewed', value: 'last spring' }, /not a date/],
      [{ policy: '004', field: 'review_cycle_months', value: 'annually' }, /whole number of months/],
      [{ policy: '004', field: 'audiences', value: ['staff', 'aliens'] }, /unknown audience "aliens"/],
      [{ policy: '004', field: 'school', value: ['a'] }, /non-empty string/],
    ] as const;
    for (const [entry, re] of bad) {
      const r = validateMetadataOverride(entry);
      expect(r.ok, JSON.stringify(entry)).toBe(false);
      if (!r.ok) expect(r.error).toMatch(re);
    }
  });

  it('skips a failing entry, applies the rest and reports the failure as a warning', () => {
    const m = applyMetadataOverrides(base, [
      { policy: '004', field: 'approved', value: '31/02/2019' },
      { policy: '004', field: 'title', value: 'ICT User Policy' },
    ]);
    expect(m.title?.value).toBe('ICT User Policy');
    expect(m.approved).toEqual(base.approved);
    expect(m.warnings).toContainEqual(expect.stringMatching(/^reviewer override ignored: .*31\/02\/2019/));
  });

  it('clears the placeholder flag when a reviewer names the school', () => {
    const placeholder = extractMetadata({ text: '[School Name]\nAcceptable Use Policy\n', headings: [], clauses: [] }, { fileName: 'x' });
    expect(placeholder.schoolIsPlaceholder).toBe(true);
    const m = applyMetadataOverrides(placeholder, [{ policy: 'x', field: 'school', value: 'Hill Top Primary School' }]);
    expect(m.schoolIsPlaceholder).toBe(false);
    expect(m.warnings.some((w) => w.startsWith('school name'))).toBe(false);
  });

  it('schema accepts a note and rejects a missing policy id', () => {
    expect(metadataOverrideSchema.safeParse({ policy: 'p', field: 'title', value: 'T', note: 'n' }).success).toBe(true);
    expect(metadataOverrideSchema.safeParse({ field: 'title', value: 'T' }).success).toBe(false);
  });
});
