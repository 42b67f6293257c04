/**
 * The rows of /data/review.json: one compact row per current policy (~200 bytes, so 10,000 policies stay near 2 MB) for
 * the review page's client-side filtering (src/client/review.ts). Gap types come from each policy's own gaps list
 * (guidance and peer gaps), everything else from the summaries. Written by src/integrations/publish-data.ts after
 * the pages, from facts the policy pages noted while loading each policy (see reviewFacts in load.ts).
 */
import { currentPolicies, groupsOf, loadDataset, policyTitle, reviewFacts, schoolName, type PolicyReviewFacts } from './load.ts';
import type { ReviewData, ReviewRow } from './review-row.ts';
import { monthsOverdue } from '../pipeline/output/review-columns.ts';

export function buildReviewData(factsOf: (id: string) => PolicyReviewFacts = reviewFacts): ReviewData {
  const { taxonomy, meta } = loadDataset();
  const { asOf } = meta;
  // One row per school and document, its current version: a superseded version is history, not a second policy.
  const policies = currentPolicies();
  const index = new Map(taxonomy.types.map((t, i) => [t.id, i]));
  const rows: ReviewRow[] = policies.map((p) => {
    const d = factsOf(p.id);
    const g = groupsOf(p);
    return {
      id: p.id,
      school: schoolName(p),
      title: policyTitle(p),
      la: g.localAuthority ?? '',
      trust: g.trust ?? '',
      phase: g.phase ?? '',
      status: p.review.status,
      due: p.review.dueDate ?? '',
      months: monthsOverdue(p.review, asOf),
      grade: p.grade,
      gaps: d.gaps.flatMap((typeId) => (index.has(typeId) ? [index.get(typeId) ?? 0] : [])),
      check: d.check.flatMap((typeId) => (index.has(typeId) ? [index.get(typeId) ?? 0] : [])),
      stale: [...p.coverageCode].flatMap((c, i) => (c === 's' ? [i] : [])),
      outdated: d.outdated,
      modern: d.modern,
    };
  });
  return { types: taxonomy.types.map((t) => [t.id, t.title]), rows };
}
