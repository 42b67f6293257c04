/**
 * The data-quality figures of one policy and of the collection (the dashboard's and each policy page's panel):
 * how many labels a person has checked, whether the document gave a review date and its school's name, how many
 * cells stand on weak evidence, and how many reviewer decisions no longer match. Pure, from a policy's record.
 */
import type { PolicyDetail } from './types.ts';
import { lowConfidenceCell } from './review-queue.ts';

export interface PolicyQuality {
  /** Labels given (by the classifier or a reviewer), rejected ones included: what a person could check. */
  labels: number;
  /** Of those, confirmed, added or rejected by a reviewer. */
  checked: number;
  /** A review date (or an approval date and cycle) was read, so the review status is known. */
  reviewDate: boolean;
  /** The document names its school (not a template placeholder). */
  schoolName: boolean;
  /** Cells partly covered or "not found — check", unchecked by a person. */
  lowConfidence: number;
  /** Reviewer decisions that no longer match the text. */
  stale: number;
}

export function policyQuality(d: PolicyDetail): PolicyQuality {
  let labels = 0;
  let checked = 0;
  for (const c of d.clauses) {
    const rejected = (c.reviews ?? []).filter((r) => r.action === 'reject' && !c.labels.some((l) => l.typeId === r.type)).length;
    labels += c.labels.length + rejected;
    checked += c.labels.filter((l) => l.source === 'reviewer').length + rejected;
  }
  return {
    labels,
    checked,
    reviewDate: d.summary.review.status !== 'no-review-date',
    schoolName: d.metadata.school !== null && !d.metadata.schoolIsPlaceholder,
    lowConfidence: d.coverage.filter(lowConfidenceCell).length,
    stale: d.coverage.reduce((n, c) => n + (c.staleOverrides?.length ?? 0), 0),
  };
}

export interface CollectionQuality extends Omit<PolicyQuality, 'reviewDate' | 'schoolName'> {
  policies: number;
  withReviewDate: number;
  withSchoolName: number;
}

export function collectionQuality(all: readonly PolicyQuality[]): CollectionQuality {
  const sum = (f: (q: PolicyQuality) => number): number => all.reduce((n, q) => n + f(q), 0);
  return {
    policies: all.length,
    labels: sum((q) => q.labels),
    checked: sum((q) => q.checked),
    withReviewDate: sum((q) => Number(q.reviewDate)),
    withSchoolName: sum((q) => Number(q.schoolName)),
    lowConfidence: sum((q) => q.lowConfidence),
    stale: sum((q) => q.stale),
  };
}
