/**
 * A transparent staleness grade, A (current) to E (badly out of date): points are added for an overdue or missing
 * review date, for the policy's age, for outdated references and for topics current guidance expects but the
 * policy misses. Every point is listed in the breakdown and `formula` states the rule in plain English (printed on
 * the methodology page).
 *
 * Silence must never pay: a policy that states no review date scores at least what an overdue one of the same age
 * scores (its review is taken as due a year after its last date, the commonest cycle), and one that gives no date
 * at all scores the most an overdue review can. A topic that became expected after approval is still a gap for
 * today's reader, so it scores the same as one expected at approval.
 */
import type { PartialDate } from '../../types.ts';
import { addMonths, endOf, parsePartialDate, startOf, summaryDate, wholeMonthsBetween, type ParsedDate } from '../../dates/index.ts';
import type { OutdatedReferenceHit } from './outdated-references.ts';
import type { MissingModernTopic } from './missing-topics.ts';
import type { ReviewStatus } from './review-status.ts';

export type StalenessGradeLetter = 'A' | 'B' | 'C' | 'D' | 'E';

/** The weights. Changing one changes `formula` too, so the methodology page never disagrees with the code. */
export const GRADE_POINTS = {
  overdueBase: 3,
  overduePerPeriod: 1,
  overduePeriodMonths: 6,
  overdueMax: 12,
  /** With no review date, the review is taken as due this many months after the policy's last date. */
  assumedCycleMonths: 12,
  /** The least a missing review date scores: more than the smallest overdue score. */
  noReviewDateMin: 4,
  agePerYear: 1,
  ageMax: 10,
  reference: { high: 4, medium: 2, low: 1 },
  missingAtApproval: 2,
  missingLater: 2,
} as const;

/** Upper bound (inclusive) of each grade's points; E has no upper bound. */
export const GRADE_BANDS: readonly { grade: StalenessGradeLetter; max: number }[] = [
  { grade: 'A', max: 5 },
  { grade: 'B', max: 12 },
  { grade: 'C', max: 24 },
  { grade: 'D', max: 34 },
  { grade: 'E', max: Number.POSITIVE_INFINITY },
];

export interface GradeItem {
  kind: 'review' | 'age' | 'reference' | 'missing-topic';
  /** Reference entry id, type id, or the review status. */
  id: string;
  /** Plain-English reason for the points. */
  label: string;
  points: number;
}

export interface StalenessGrade {
  grade: StalenessGradeLetter;
  points: number;
  /** Every item that scored, largest first within each kind (review, references, topics). */
  breakdown: GradeItem[];
  formula: string;
}

export interface StalenessInputs {
  review: ReviewStatus;
  references: readonly OutdatedReferenceHit[];
  missing: readonly MissingModernTopic[];
  /**
   * The policy's dates and the day it is judged on, for its age and for a missing review date. Without them a
   * policy with no review date scores the most an overdue review can, and age scores nothing.
   */
  dates?: { approved: PartialDate | null; lastReviewed: PartialDate | null; asOf: string };
}

function bandsText(): string {
  let low = 0;
  return GRADE_BANDS.map(({ grade, max }) => {
    const text = Number.isFinite(max) ? `${grade} ${low}–${max}` : `${grade} ${low} or more`;
    low = max + 1;
    return text;
  }).join(', ');
}

export function gradeFormula(): string {
  const p = GRADE_POINTS;
  return [
    `Review date: an overdue review scores ${p.overdueBase} points, plus ${p.overduePerPeriod} for every full ${p.overduePeriodMonths} months overdue (at most ${p.overdueMax} in all); a policy in date, or due soon, scores nothing.`,
    `A policy with no review date is scored as if its review fell due ${p.assumedCycleMonths} months after its last approval or review, and never less than ${p.noReviewDateMin}; with no date at all it scores ${p.overdueMax}, so leaving the date out never scores better than stating an overdue one.`,
    `Age: ${p.agePerYear} point for every full year since the policy was last approved or reviewed (at most ${p.ageMax}).`,
    `Outdated references: each superseded law, guidance, platform, device, term or piece of advice scores ${p.reference.high} (high), ${p.reference.medium} (medium) or ${p.reference.low} (low), counted once however often it appears; a reference the policy itself says has been replaced scores nothing.`,
    `Missing modern topics: each topic current guidance expects that the policy does not cover scores ${p.missingAtApproval}, whether it was already expected when the policy was approved or became expected later: either way it is a gap for today's reader.`,
    `Grade: ${bandsText()} points.`,
  ].join(' ');
}

function overduePoints(months: number): number {
  const p = GRADE_POINTS;
  return Math.min(p.overdueMax, p.overdueBase + p.overduePerPeriod * Math.floor(months / p.overduePeriodMonths));
}

const monthsText = (n: number): string => `${n} month${n === 1 ? '' : 's'}`;

/** Whole months from the end of `from`'s period to `asOf` (negative before it); null when `asOf` cannot be read. */
function monthsSince(from: ParsedDate, asOf: string): number | null {
  const today = parsePartialDate(asOf);
  return today === null ? null : wholeMonthsBetween(endOf(from), startOf(today));
}

function reviewItem(review: ReviewStatus, dates: StalenessInputs['dates']): GradeItem | null {
  const p = GRADE_POINTS;
  if (review.status === 'overdue') {
    const months = review.monthsOverdue ?? 0;
    return { kind: 'review', id: 'overdue', label: `Review overdue by ${monthsText(months)} (due ${review.dueDate ?? 'unknown'})`, points: overduePoints(months) };
  }
  if (review.status !== 'no-review-date') return null;
  const last = dates ? summaryDate(dates) : null;
  const parsed = last === null ? null : parsePartialDate(last);
  if (!dates || parsed === null) {
    return { kind: 'review', id: 'no-review-date', label: 'No review date stated, and no date of approval or review', points: p.overdueMax };
  }
  const overdue = monthsSince(addMonths(parsed, p.assumedCycleMonths), dates.asOf);
  const points = Math.max(p.noReviewDateMin, overdue !== null && overdue > 0 ? overduePoints(overdue) : 0);
  const label =
    overdue !== null && overdue > 0
      ? `No review date stated; a yearly review after ${last} would be ${monthsText(overdue)} overdue`
      : 'No review date stated';
  return { kind: 'review', id: 'no-review-date', label, points };
}

function ageItem(dates: StalenessInputs['dates']): GradeItem | null {
  if (!dates) return null;
  const last = summaryDate(dates);
  const parsed = last === null ? null : parsePartialDate(last);
  const months = parsed === null ? null : monthsSince(parsed, dates.asOf);
  if (months === null || months < 12) return null;
  const years = Math.floor(months / 12);
  const p = GRADE_POINTS;
  return { kind: 'age', id: 'age', label: `Last approved or reviewed ${years} year${years === 1 ? '' : 's'} ago (${last})`, points: Math.min(p.ageMax, years * p.agePerYear) };
}

export function gradeForPoints(points: number): StalenessGradeLetter {
  return (GRADE_BANDS.find((band) => points <= band.max) ?? { grade: 'E' as const }).grade;
}

export function stalenessGrade(inputs: StalenessInputs): StalenessGrade {
  const p = GRADE_POINTS;
  const byPoints = (a: GradeItem, b: GradeItem): number => b.points - a.points || a.id.localeCompare(b.id);
  const review = reviewItem(inputs.review, inputs.dates);
  const age = ageItem(inputs.dates);
  const references: GradeItem[] = inputs.references
    .filter((hit) => !hit.historical)
    .map((hit) => ({
      kind: 'reference' as const,
      id: hit.entryId,
      label: `${hit.entry.label} (${hit.entry.severity})`,
      points: p.reference[hit.entry.severity],
    }))
    .sort(byPoints);
  const topics: GradeItem[] = inputs.missing
    .map((topic) => ({
      kind: 'missing-topic' as const,
      id: topic.typeId,
      label: `${topic.title}: ${topic.expectedAtApproval ? 'already expected when approved' : 'became expected later'} (expected since ${topic.expectedSince})`,
      points: topic.expectedAtApproval ? p.missingAtApproval : p.missingLater,
    }))
    .sort(byPoints);
  const breakdown = [...(review === null ? [] : [review]), ...(age === null ? [] : [age]), ...references, ...topics];
  const points = breakdown.reduce((sum, item) => sum + item.points, 0);
  return { grade: gradeForPoints(points), points, breakdown, formula: gradeFormula() };
}
