/**
 * Issue 17 item 8: the staleness grade must not reward silence. A policy that gives no review date scores at
 * least what an overdue one of the same age scores; age since approval counts; a modern topic that became
 * expected after approval is still a gap today. Real seeds (Oakwood's text, its references) and content files.
 */
import { describe, expect, it } from 'vitest';
import {
  findOutdatedReferences,
  missingModernTopics,
  reviewStatus,
  stalenessGrade,
} from '../../../src/pipeline/analyse/staleness/index.ts';
import type { PartialDate } from '../../../src/pipeline/types.ts';
import { coverageWith, loadRefs, loadTypes, meta, readSeed } from './seed-helpers.ts';

const types = loadTypes();
const allIds = types.map((t) => t.id);
const refs = loadRefs();
const AS_OF = '2026-11-22';

function grade(dates: { approved?: PartialDate; nextReview?: PartialDate; cycle?: number }, text = '', covered: readonly string[] = allIds) {
  const m = meta(dates);
  const approved = dates.approved ?? null;
  return stalenessGrade({
    review: reviewStatus(m, AS_OF),
    references: findOutdatedReferences(text, refs),
    missing: missingModernTopics(coverageWith(covered, allIds), types, approved),
    dates: { approved, lastReviewed: null, asOf: AS_OF },
  });
}

describe('staleness grade does not reward silence', () => {
  it('a 2010 policy with no review date grades worse than an in-date 2024 one with the same text', () => {
    const text = readSeed('westbrook');
    const old = grade({ approved: '2010-09' }, text);
    const recent = grade({ approved: '2024-11', nextReview: '2027-11' }, text);
    expect(old.points).toBeGreaterThan(recent.points);
    expect(old.grade > recent.grade).toBe(true);
  });

  it('leaving the review date out never scores better than stating an overdue one', () => {
    for (const approved of ['2010-09', '2016-04', '2019-01', '2023-06', '2025-09'] as const) {
      const silent = grade({ approved });
      const year = Number(approved.slice(0, 4));
      const stated = grade({ approved, nextReview: `${year + 1}${approved.slice(4)}` });
      expect(silent.points, approved).toBeGreaterThanOrEqual(stated.points);
    }
  });

  it('no date at all scores the most an overdue review can', () => {
    const g = grade({});
    expect(g.breakdown.find((b) => b.kind === 'review')?.points).toBe(12);
  });

  it('age since approval counts: the same in-date policy scores more the older its approval', () => {
    const young = grade({ approved: '2026-01', nextReview: '2029-01' });
    const older = grade({ approved: '2021-10', nextReview: '2027-10' });
    expect(young.breakdown.some((b) => b.kind === 'age')).toBe(false);
    expect(older.breakdown.find((b) => b.kind === 'age')?.points).toBe(5);
    expect(older.points).toBeGreaterThan(young.points);
  });

  it('a modern topic that became expected after approval is still a gap for today’s reader', () => {
    const covered = allIds.filter((id) => id !== 'safe-generative-ai');
    const g = grade({ approved: '2018-05', nextReview: '2027-05' }, '', covered);
    const topic = g.breakdown.find((b) => b.id === 'safe-generative-ai');
    expect(topic?.label).toMatch(/became expected later/);
    expect(topic?.points).toBe(2);
  });

  it('states the changed rule in its formula', () => {
    const { formula } = grade({ approved: '2024-11' });
    expect(formula).toContain('no review date');
    expect(formula).toContain('never scores better than stating an overdue one');
    expect(formula).toContain('every full year since the policy was last approved or reviewed');
    expect(formula).toContain("either way it is a gap for today's reader");
  });
});
