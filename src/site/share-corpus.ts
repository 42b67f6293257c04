/**
 * Build-time counts for src/site/share.ts's definition, from the current policies' coverage codes: the same
 * numbers the analysis used for gaps (src/pipeline/analyse/gaps/prevalence.ts) and the dashboard's aggregates.
 */
import { currentPolicies, groupsOf, typeIndex } from './load.ts';
import { includes, type Included } from './share.ts';
import type { PolicySummary } from './types.ts';

/** Current policies that include the type, out of all current policies. */
export function currentIncluding(typeId: string): Included {
  const i = typeIndex(typeId);
  const current = currentPolicies();
  return { count: current.filter((p) => includes(p.coverageCode[i])).length, of: current.length };
}

/** The name the analysis gives the whole-corpus group (GroupRef name for kind 'corpus'). */
const CORPUS_GROUP = 'All policies';

function inGroup(p: PolicySummary, group: string): boolean {
  if (group === CORPUS_GROUP) return true;
  const g = groupsOf(p);
  const key = group.trim().toLowerCase();
  return [g.localAuthority, g.trust, g.phase].some((v) => v?.trim().toLowerCase() === key);
}

/** The other current policies in a gap's comparison group (the policy itself left out), and how many include the type. */
export function peersIncluding(typeId: string, policyId: string, group: string | null): Included {
  const i = typeIndex(typeId);
  const peers = currentPolicies().filter((p) => p.id !== policyId && inGroup(p, group ?? CORPUS_GROUP));
  return { count: peers.filter((p) => includes(p.coverageCode[i])).length, of: peers.length };
}

/** "in Bradford" for a named group; nothing for the whole corpus. */
export function groupWhere(group: string | null): string | undefined {
  return group && group !== CORPUS_GROUP ? `in ${group}` : undefined;
}
