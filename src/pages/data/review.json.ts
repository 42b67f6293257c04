/**
 * Compact rows for the review page's client-side filtering (one per policy, ~200 bytes each, so 10,000 policies
 * stay near 2 MB). Gap types come from each policy's own gaps list (guidance and peer gaps), read one policy at a
 * time; everything else from the summaries.
 */
import type { APIRoute } from 'astro';
import { groupsOf, loadDataset, loadPolicy, policyTitle, schoolName } from '../../site/load.ts';
import type { ReviewData, ReviewRow } from '../../site/review-row.ts';

export const GET: APIRoute = () => {
  const { policies, taxonomy } = loadDataset();
  const index = new Map(taxonomy.types.map((t, i) => [t.id, i]));
  const rows: ReviewRow[] = policies.map((p) => {
    const d = loadPolicy(p.id);
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
      grade: p.grade,
      gaps: d.gaps.flatMap((x) => (index.has(x.typeId) ? [index.get(x.typeId) ?? 0] : [])),
      stale: [...p.coverageCode].flatMap((c, i) => (c === 's' ? [i] : [])),
      outdated: d.outdatedReferences.length,
      modern: d.missingModernTopics.length,
    };
  });
  const data: ReviewData = { types: taxonomy.types.map((t) => [t.id, t.title]), rows };
  return new Response(JSON.stringify(data), { headers: { 'Content-Type': 'application/json' } });
};
