/**
 * A transparent staleness grade, A (current) to E (badly out of date): points are added for an overdue review,
 * for outdated references and for topics current guidance expects but the policy misses. Every point is listed in
 * the breakdown and `formula` states the rule in plain English (printed on the methodology page).
 */
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
  noReviewDate: 4,
  reference: { high: 4, medium: 2, low: 1 },
  missingAtApproval: 2,
  missingLater: 1,
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
  kind: 'review' | 'reference' | 'missing-topic';
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
    `Review date: an overdue review scores ${p.overdueBase} points, plus ${p.overduePerPeriod} for every full ${p.overduePeriodMonths} months overdue (at most ${p.overdueMax} in all); a policy with no review date scores ${p.noReviewDate}; a policy in date, or due soon, scores nothing.`,
    `Outdated references: each superseded law, guidance, platform, device, term or piece of advice scores ${p.reference.high} (high), ${p.reference.medium} (medium) or ${p.reference.low} (low), counted once however often it appears; a reference the policy itself says has been replaced scores nothing.`,
    `Missing modern topics: each topic current guidance expects that the policy does not cover scores ${p.missingAtApproval} if it was already expected when the policy was approved, and ${p.missingLater} if it became expected later.`,
    `Grade: ${bandsText()} points.`,
  ].join(' ');
}

function reviewItem(review: ReviewStatus): GradeItem | null {
  const p = GRADE_POINTS;
  if (review.status === 'overdue') {
    const months = review.monthsOverdue ?? 0;
    const points = Math.min(p.overdueMax, p.overdueBase + p.overduePerPeriod * Math.floor(months / p.overduePeriodMonths));
    return { kind: 'review', id: 'overdue', label: `Review overdue by ${months} month${months === 1 ? '' : 's'} (due ${review.dueDate ?? 'unknown'})`, points };
  }
  if (review.status === 'no-review-date') return { kind: 'review', id: 'no-review-date', label: 'No review date stated', points: p.noReviewDate };
  return null;
}

export function gradeForPoints(points: number): StalenessGradeLetter {
  return (GRADE_BANDS.find((band) => points <= band.max) ?? { grade: 'E' as const }).grade;
}

export function stalenessGrade(inputs: StalenessInputs): StalenessGrade {
  const p = GRADE_POINTS;
  const byPoints = (a: GradeItem, b: GradeItem): number => b.points - a.points || a.id.localeCompare(b.id);
  const review = reviewItem(inputs.review);
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
  const breakdown = [...(review === null ? [] : [review]), ...references, ...topics];
  const points = breakdown.reduce((sum, item) => sum + item.points, 0);
  return { grade: gradeForPoints(points), points, breakdown, formula: gradeFormula() };
}
