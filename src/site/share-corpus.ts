/**
 * Build-time counts for src/site/share.ts's definition, from the current policies' coverage codes: the same
 * numbers the analysis used for gaps (src/pipeline/analyse/gaps/prevalence.ts) and the dashboard's aggregates.
 */
import { currentPolicies, groupsOf, lookup, policyById, typeIndex } from './load.ts';
import { includes, type Included } from './share.ts';
import type { PolicySummary } from './types.ts';

/** The name the analysis gives the whole-corpus group (GroupRef name for kind 'corpus'). */
const CORPUS_GROUP = 'All policies';

/** The group keys a policy counts in: the whole corpus and its local authority, trust and phase (lower case). */
function groupKeys(p: PolicySummary): Set<string> {
  const g = groupsOf(p);
  const keys = new Set([CORPUS_GROUP.toLowerCase()]);
  for (const v of [g.localAuthority, g.trust, g.phase]) if (v?.trim()) keys.add(v.trim().toLowerCase());
  return keys;
}

interface GroupTally {
  members: Set<string>;
  /** Members including each type, by type index. */
  including: Int32Array;
}

/**
 * Every group's current policies and how many include each type, counted once for the build: each policy page
 * asks for several gaps, and counting the corpus for each made the site's time grow with the square of its size.
 */
function groupTallies(): Map<string, GroupTally> {
  return lookup('groupTallies', () => {
    const byGroup = new Map<string, GroupTally>();
    for (const p of currentPolicies()) {
      for (const key of groupKeys(p)) {
        let tally = byGroup.get(key);
        if (!tally) byGroup.set(key, (tally = { members: new Set(), including: new Int32Array(p.coverageCode.length) }));
        tally.members.add(p.id);
        for (let i = 0; i < p.coverageCode.length; i++) if (includes(p.coverageCode[i])) tally.including[i] = (tally.including[i] as number) + 1;
      }
    }
    return byGroup;
  });
}

/** Current policies that include the type, out of all current policies. */
export function currentIncluding(typeId: string): Included {
  const tally = groupTallies().get(CORPUS_GROUP.toLowerCase());
  return { count: tally?.including[typeIndex(typeId)] ?? 0, of: tally?.members.size ?? 0 };
}

/** The other current policies in a gap's comparison group (the policy itself left out), and how many include the type. */
export function peersIncluding(typeId: string, policyId: string, group: string | null): Included {
  const i = typeIndex(typeId);
  const tally = groupTallies().get((group ?? CORPUS_GROUP).trim().toLowerCase());
  if (!tally) return { count: 0, of: 0 };
  const self = tally.members.has(policyId) ? policyById(policyId) : undefined;
  const selfIncludes = self !== undefined && includes(self.coverageCode[i]) ? 1 : 0;
  return { count: (tally.including[i] ?? 0) - selfIncludes, of: tally.members.size - (self ? 1 : 0) };
}

/** "in Bradford" for a named group; nothing for the whole corpus. */
export function groupWhere(group: string | null): string | undefined {
  return group && group !== CORPUS_GROUP ? `in ${group}` : undefined;
}
