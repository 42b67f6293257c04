/**
 * The review figures an officer sorts and filters by, worked out once from a policy's summary so policies.csv,
 * the review table and its download agree: how many months a review is overdue, gaps against core guidance and in
 * all, and out-of-date references.
 */
import type { PolicySummary } from '../dataset.ts';
import { endOf, parsePartialDate, startOf, wholeMonthsBetween } from '../dates/index.ts';

export interface ReviewColumns {
  /** Whole months from the end of the due period to the analysis date; null unless overdue. */
  monthsOverdue: number | null;
  /** Clause types that current guidance treats as core and the policy does not cover (always a gap). */
  gapsCore: number;
  /** Every gap the analysis reported (guidance and peers). */
  gapsAll: number;
  outdatedReferences: number;
}

/** The taxonomy fields read: each type's guidance level, in taxonomy order (coverageCode's order). */
export interface LevelledType {
  level: string;
}

/** Months overdue, as review-status.ts counts them (a review due "2019-05" is overdue from June 2019). */
export function monthsOverdue(review: Pick<PolicySummary['review'], 'status' | 'dueDate'>, asOf: string): number | null {
  if (review.status !== 'overdue' || review.dueDate === null) return null;
  const due = parsePartialDate(review.dueDate);
  const today = parsePartialDate(asOf);
  if (due === null || today === null) return null;
  return Math.max(0, wholeMonthsBetween(endOf(due), startOf(today)));
}

export function reviewColumns(
  p: Pick<PolicySummary, 'review' | 'coverageCode' | 'findingCounts'>,
  types: readonly LevelledType[],
  asOf: string,
): ReviewColumns {
  let gapsCore = 0;
  types.forEach((t, i) => {
    if (t.level === 'core' && (p.coverageCode[i] ?? 'a') === 'a') gapsCore++;
  });
  return {
    monthsOverdue: monthsOverdue(p.review, asOf),
    gapsCore,
    gapsAll: p.findingCounts.gap ?? 0,
    outdatedReferences: p.findingCounts['outdated-reference'] ?? 0,
  };
}

/**
 * How urgent a review is, for sorting (larger first is more urgent): overdue policies by months overdue, then no
 * review date (nothing tells staff when it will be looked at again), then due soon, then in date.
 */
export function reviewUrgency(status: string, months: number | null): number {
  if (status === 'overdue') return 3_000_000 + (months ?? 0);
  if (status === 'no-review-date') return 2_000_000;
  if (status === 'due-soon') return 1_000_000;
  return 0;
}
