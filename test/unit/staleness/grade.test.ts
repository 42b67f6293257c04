import { describe, expect, it } from 'vitest';
import {
  findOutdatedReferences,
  GRADE_BANDS,
  gradeForPoints,
  missingModernTopics,
  reviewStatus,
  stalenessGrade,
} from '../../../src/pipeline/analyse/staleness/index.ts';
import { coverageWith, loadRefs, loadTypes, meta, readSeed } from './seed-helpers.ts';

const types = loadTypes();
const allIds = types.map((t) => t.id);
const refs = loadRefs();
const AS_OF = '2026-11-22';

// Modern-topic coverage of two seeds, as in the research brief's seed matrix (§1.6): ● and ◐ count as covered.
const WESTBROOK_COVERED = allIds.filter((id) => !['sec-mfa', 'sec-phishing', 'data-breach-reporting', 'dev-wearables-smart-tech', 'img-recording-livestream', 'safe-nudes-semi-nudes', 'safe-generative-ai', 'safe-remote-teaching'].includes(id));
const HANSON_COVERED = allIds.filter((id) => !['sec-mfa', 'sec-phishing', 'data-breach-reporting', 'dev-wearables-smart-tech', 'safe-nudes-semi-nudes', 'safe-generative-ai', 'safe-remote-teaching', 'safe-filtering', 'safe-monitoring-dsl'].includes(id));

describe('missingModernTopics', () => {
  it('Westbrook (approved Nov 2024): every missing modern topic was already expected when approved', () => {
    const missing = missingModernTopics(coverageWith(WESTBROOK_COVERED, allIds), types, '2024-11-25');
    expect(missing.map((m) => [m.typeId, m.expectedSince, m.expectedAtApproval])).toEqual([
      ['data-breach-reporting', '2018', true],
      ['img-recording-livestream', '2020', true],
      ['safe-nudes-semi-nudes', '2020', true],
      ['safe-remote-teaching', '2020', true],
      ['sec-phishing', '2021', true],
      ['sec-mfa', '2022', true],
      ['safe-generative-ai', '2023', true],
      ['dev-wearables-smart-tech', '2024', true],
    ]);
  });

  it('Hanson (approved May 2018): filtering and breach reporting were gaps from the start; the rest came later', () => {
    const missing = missingModernTopics(coverageWith(HANSON_COVERED, allIds), types, '2018-05');
    const atApproval = missing.filter((m) => m.expectedAtApproval).map((m) => m.typeId);
    expect(atApproval).toEqual(['safe-filtering', 'data-breach-reporting']);
    expect(missing.filter((m) => !m.expectedAtApproval)).toHaveLength(7);
  });

  it('treats partial as covered, a missing cell as absent, and an unknown approval date as not dated', () => {
    const coverage = coverageWith([], allIds).filter((c) => c.typeId !== 'sec-mfa').map((c) => (c.typeId === 'sec-phishing' ? { ...c, status: 'partial' as const } : c));
    const missing = missingModernTopics(coverage, types, null);
    expect(missing.map((m) => m.typeId)).toContain('sec-mfa');
    expect(missing.map((m) => m.typeId)).not.toContain('sec-phishing');
    expect(missing.every((m) => !m.expectedAtApproval)).toBe(true);
  });
});

describe('stalenessGrade', () => {
  it('states its formula in plain English with the same numbers the code uses', () => {
    const { formula } = stalenessGrade({ review: reviewStatus(meta({ nextReview: '2030' }), AS_OF), references: [], missing: [] });
    expect(formula).toBe(
      "Review date: an overdue review scores 3 points, plus 1 for every full 6 months overdue (at most 12 in all); a policy in date, or due soon, scores nothing. " +
      "A policy with no review date is scored as if its review fell due 12 months after its last approval or review, and never less than 4; with no date at all it scores 12, so leaving the date out never scores better than stating an overdue one. " +
      "Age: 1 point for every full year since the policy was last approved or reviewed (at most 10). " +
      "Outdated references: each superseded law, guidance, platform, device, term or piece of advice scores 4 (high), 2 (medium) or 1 (low), counted once however often it appears; a reference the policy itself says has been replaced scores nothing. " +
      "Missing modern topics: each topic current guidance expects that the policy does not cover scores 2, whether it was already expected when the policy was approved or became expected later: either way it is a gap for today's reader. " +
      "Grade: A 0\u20135, B 6\u201312, C 13\u201324, D 25\u201334, E 35 or more points.",
    );
  });

  it('grades Westbrook C: in date, three outdated references, eight missing modern topics', () => {
    const text = readSeed('westbrook');
    const g = stalenessGrade({
      review: reviewStatus(meta({ nextReview: '2027-11' }), AS_OF),
      references: findOutdatedReferences(text, refs),
      missing: missingModernTopics(coverageWith(WESTBROOK_COVERED, allIds), types, '2024-11-25'),
    });
    expect(g.breakdown.filter((b) => b.kind === 'reference').map((b) => [b.id, b.points])).toEqual([
      ['forced-password-expiry', 2],
      ['ico-employment-practices-code', 2],
      ['dpa-unspecified', 1],
    ]);
    expect(g.points).toBe(5 + 8 * 2);
    expect(g.grade).toBe('C');
  });

  it('grades Hanson E: review capped at 12 points, DPA 1998 and RIPA at 4 each', () => {
    const text = readSeed('hanson');
    const g = stalenessGrade({
      review: reviewStatus(meta({ approved: '2018-05', nextReview: '2019-05' }), AS_OF),
      references: findOutdatedReferences(text, refs),
      missing: missingModernTopics(coverageWith(HANSON_COVERED, allIds), types, '2018-05'),
      dates: { approved: '2018-05', lastReviewed: null, asOf: AS_OF },
    });
    expect(g.breakdown[0]).toEqual({ kind: 'review', id: 'overdue', label: 'Review overdue by 89 months (due 2019-05)', points: 12 });
    expect(g.breakdown.find((b) => b.id === 'dpa-1998')?.points).toBe(4);
    expect(g.breakdown.find((b) => b.id === 'ripa-2000-monitoring')?.points).toBe(4);
    expect(g.points).toBe(g.breakdown.reduce((s, b) => s + b.points, 0));
    // Review 12, age 8 (May 2018), references 18, nine missing modern topics at 2 each.
    expect(g.breakdown.find((b) => b.kind === 'age')?.points).toBe(8);
    expect(g.points).toBe(12 + 8 + 18 + 9 * 2);
    expect(g.grade).toBe('E');
  });

  it('ignores references the policy itself calls replaced, and scores a missing review date as an overdue one', () => {
    const g = stalenessGrade({
      review: reviewStatus(meta({ approved: '2025-04' }), AS_OF),
      references: findOutdatedReferences('The Data Protection Act 1998 was replaced by the Data Protection Act 2018.', refs),
      missing: [],
      dates: { approved: '2025-04', lastReviewed: null, asOf: AS_OF },
    });
    // A yearly review after April 2025 would have been due by April 2026: 6 full months overdue, 3 + 1 points.
    expect(g.breakdown).toEqual([
      { kind: 'review', id: 'no-review-date', label: 'No review date stated; a yearly review after 2025-04 would be 6 months overdue', points: 4 },
      { kind: 'age', id: 'age', label: 'Last approved or reviewed 1 year ago (2025-04)', points: 1 },
    ]);
    expect(g.grade).toBe('A');
  });

  it('maps points to bands at their edges', () => {
    expect(GRADE_BANDS.map((b) => b.grade)).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect([0, 5, 6, 12, 13, 24, 25, 34, 35, 99].map(gradeForPoints)).toEqual(['A', 'A', 'B', 'B', 'C', 'C', 'D', 'D', 'E', 'E']);
  });
});
