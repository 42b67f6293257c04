import { describe, expect, it } from 'vitest';
import {
  compareVersions,
  orderVersions,
  versionDatesFrom,
  type PolicyVersion,
} from '../../../src/pipeline/analyse/versions/compare-versions.ts';
import { comparePartialDates } from '../../../src/pipeline/dates/index.ts';
import type { Clause, PolicyMetadata } from '../../../src/pipeline/types.ts';
import { clausesFromText, decoyText, readGold, readSeed } from '../diff/fixtures.ts';

async function decoy(year: 2016 | 2018): Promise<PolicyVersion<Clause>> {
  const gold = readGold(`extra/decoy-online-safety-policy-${year}`);
  const g = gold.metadata as { approved: string | null; last_reviewed: string | null; next_review?: string | null };
  return {
    policyId: `decoy-${year}`,
    dates: { approved: g.approved, lastReviewed: g.last_reviewed, nextReview: g.next_review ?? null },
    clauses: clausesFromText(await decoyText(year)),
  };
}

describe('compareVersions on the real decoy 2016 → 2018 pair', async () => {
  const older = await decoy(2016);
  const newer = await decoy(2018);
  const start = performance.now();
  const cmp = compareVersions(older, newer);
  console.log(`compareVersions decoy (${older.clauses.length} → ${newer.clauses.length} clauses): ${(performance.now() - start).toFixed(1)} ms`);

  it('flags that the review date moved while the text stayed the same', () => {
    expect(cmp.dateChanges).toEqual([
      { field: 'lastReviewed', older: '2016-01', newer: '2018-01' },
      { field: 'nextReview', older: null, newer: '2019-01' },
    ]);
    expect(cmp.identicalShare).toBeGreaterThan(0.98);
    expect(cmp.identicalShare).toBeLessThan(1);
    expect(cmp.flags).toEqual({
      reviewDateMovedTextUnchanged: true,
      textUnchanged: true,
      textChangedDatesUnchanged: false,
      majorRewrite: false,
      outOfOrder: false,
    });
  });

  it('still lists the few real edits', () => {
    expect(cmp.added.map((c) => c.text)).toContain('CPOMS will be used to record, respond to and monitor online safety incidents involving pupils.');
    expect(cmp.removed.map((c) => c.text)).toContain('Please send an electronic or paper copy of this document to Steve Bone');
    const eg = cmp.changed.find((c) => c.older.text.startsWith('High profile events / campaigns'));
    expect(eg?.diff).toEqual({
      rewritten: false,
      ops: [
        { op: 'eq', text: 'High profile events / campaigns ' },
        { op: 'del', text: 'eg' },
        { op: 'ins', text: 'e.g.' },
        { op: 'eq', text: ' Safer Internet Day' },
      ],
    });
    expect(cmp.unchangedCount).toBeGreaterThan(1200);
  });

  it('puts the versions in date order', () => {
    expect(orderVersions([newer, older]).map((v) => v.policyId)).toEqual(['decoy-2016', 'decoy-2018']);
    expect(compareVersions(newer, older).flags.outOfOrder).toBe(true);
  });
});

describe('compareVersions on edited seed text', () => {
  const text = readSeed('westbrook');
  const base: PolicyVersion<Clause> = { policyId: 'wb-2024', dates: { approved: '2024-11-25' }, clauses: clausesFromText(text) };

  it('notices text that changed without any date changing', () => {
    const edited = text.replace(/staff members and governors/, 'staff members, volunteers and governors');
    expect(edited).not.toBe(text);
    const cmp = compareVersions(base, { policyId: 'wb-edit', dates: { approved: '2024-11-25' }, clauses: clausesFromText(edited) });
    expect(cmp.changed).toHaveLength(1);
    expect(cmp.flags.textChangedDatesUnchanged).toBe(false); // one phrase: still ≥ 98 % identical
    expect(cmp.flags.textUnchanged).toBe(true);
    const heavier = text
      .split('\n')
      .map((l, i) => (i % 3 === 0 && l.length > 40 ? `${l} This requirement was added at the last review.` : l))
      .join('\n');
    const cmp2 = compareVersions(base, { policyId: 'wb-edit2', dates: { approved: '2024-11-25' }, clauses: clausesFromText(heavier) });
    expect(cmp2.flags.textChangedDatesUnchanged).toBe(true);
    expect(cmp2.flags.reviewDateMovedTextUnchanged).toBe(false);
  });

  it('calls a different policy a major rewrite', () => {
    const other = readSeed('hanson');
    const cmp = compareVersions(base, { policyId: 'hanson', dates: { approved: '2018-05' }, clauses: clausesFromText(other) });
    expect(cmp.flags.majorRewrite).toBe(true);
    expect(cmp.identicalShare).toBeLessThan(0.2);
  });

  it('reads the dates from metadata-stage output', () => {
    const meta: Pick<PolicyMetadata, 'approved' | 'lastReviewed' | 'nextReview'> = {
      approved: { value: '2024-11-25', evidence: null, source: 'text' },
      lastReviewed: null,
      nextReview: { value: '2027-11', evidence: null, source: 'text' },
    };
    expect(versionDatesFrom(meta)).toEqual({ approved: '2024-11-25', lastReviewed: null, nextReview: '2027-11' });
  });

  it('orders partial dates by what they say', () => {
    expect(comparePartialDates('2018', '2018-05')).toBeLessThan(0);
    expect(comparePartialDates('2018-05-14', '2018-05')).toBeGreaterThan(0);
    expect(comparePartialDates(null, '2001')).toBeLessThan(0);
    expect(comparePartialDates('2016-01', '2016-01')).toBe(0);
  });
});
