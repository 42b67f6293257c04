/**
 * What the reviewer decisions of content/overrides.yaml did to one policy, in the shape the published record
 * keeps: each applied decision on its clause (rejections too, which otherwise leave no trace), each cell marked
 * confirmed or corrected by a person, and the decisions that no longer match the text, filed under their clause
 * type. The site shows these as "checked by a reviewer"; the review queue lists the stale ones.
 */
import type { ClassifiedClause, CoverageCell } from '../types.ts';
import type { LabelOverride, UnmatchedOverride } from '../classify/overrides.ts';
import { resolveTypeId, type Taxonomy } from '../taxonomy/load.ts';
import type { ReviewDecision, StaleDecision } from '../dataset.ts';
import { DEFAULT_COVERAGE } from '../classify/coverage.ts';

/** One decision that matched its clause, with whether it changed what the classifier had said. */
export interface AppliedDecision {
  clause: string;
  /** The current type id (an alias followed). */
  typeId: string;
  entry: LabelOverride;
  /** True when the classifier's outcome differs: an `add` it had missed, a `reject` of a label it gave. */
  changed: boolean;
}

export interface LabelReview {
  applied: AppliedDecision[];
  unmatched: UnmatchedOverride[];
}

/** The decisions for one policy that applied (the ones not in `unmatched`), against the classifier's own labels. */
export function labelReview(
  policyId: string,
  entries: readonly LabelOverride[],
  unmatched: readonly UnmatchedOverride[],
  auto: readonly ClassifiedClause[],
  taxonomy: Taxonomy,
): LabelReview {
  const failed = new Set(unmatched.map((u) => u.entry));
  // A label too weak to count in coverage (below "partial") left the cell absent: adding it changes the outcome.
  const autoTypes = new Map(auto.map((c) => [c.clauseId, new Set(c.labels.filter((l) => l.confidence >= DEFAULT_COVERAGE.partial).map((l) => l.typeId))]));
  const applied: AppliedDecision[] = [];
  for (const entry of entries) {
    if (entry.policy !== policyId || failed.has(entry)) continue;
    const typeId = resolveTypeId(taxonomy, entry.type);
    if (!typeId) continue;
    const had = autoTypes.get(entry.clause)?.has(typeId) ?? false;
    const changed = entry.action === 'add' ? !had : entry.action === 'reject' ? had : false;
    applied.push({ clause: entry.clause, typeId, entry, changed });
  }
  return { applied, unmatched: [...unmatched] };
}

function decision(typeId: string, entry: LabelOverride): ReviewDecision {
  return { type: typeId, action: entry.action, quote: entry.quote, ...(entry.note ? { note: entry.note } : {}) };
}

/** Applied decisions by clause id, for the record's clauses. */
export function decisionsByClause(review: LabelReview | undefined): Map<string, ReviewDecision[]> {
  const out = new Map<string, ReviewDecision[]>();
  for (const a of review?.applied ?? []) out.set(a.clause, [...(out.get(a.clause) ?? []), decision(a.typeId, a.entry)]);
  return out;
}

/** The reviewer fields of one coverage cell: how a person checked it, and its decisions that no longer match. */
export function cellReviewFields(
  cell: Pick<CoverageCell, 'typeId'>,
  review: LabelReview | undefined,
  taxonomy: Taxonomy,
): { review?: 'confirmed' | 'corrected'; staleOverrides?: StaleDecision[] } {
  const mine = (review?.applied ?? []).filter((a) => a.typeId === cell.typeId);
  const stale = (review?.unmatched ?? [])
    .filter((u) => (resolveTypeId(taxonomy, u.entry.type) ?? u.entry.type) === cell.typeId)
    .map((u): StaleDecision => ({ ...decision(cell.typeId, u.entry), clause: u.entry.clause, reason: u.reason }));
  const out: { review?: 'confirmed' | 'corrected'; staleOverrides?: StaleDecision[] } = {};
  if (mine.length > 0) out.review = mine.some((a) => a.changed) ? 'corrected' : 'confirmed';
  if (stale.length > 0) out.staleOverrides = stale;
  return out;
}
