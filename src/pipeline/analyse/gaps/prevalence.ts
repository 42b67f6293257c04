/**
 * How common each clause type is within comparison groups (whole corpus, local authority, trust, phase).
 * One pass over the policies: each policy adds its covered types to the groups it belongs to, so the cost is
 * policies × types × (groups per policy), never policy × policy.
 */
import type { GroupKind, GroupPrevalence, GroupRef, PolicySummary, SchoolInfo } from './types.ts';

export function groupKey(group: GroupRef): string {
  return `${group.kind}:${group.name.trim().toLowerCase()}`;
}

/** The types a policy has (present or partial). */
export function coveredTypes(policy: Pick<PolicySummary, 'coverage'>): Set<string> {
  const out = new Set<string>();
  for (const cell of policy.coverage) if (cell.status !== 'absent') out.add(cell.typeId);
  return out;
}

/** Order of specificity, most specific first: a trust's practice says more about a school than the corpus's. */
export const GROUP_SPECIFICITY: readonly GroupKind[] = ['trust', 'local-authority', 'phase', 'corpus'];

/** The comparison groups a school belongs to, from its schools.csv row (empty fields give no group). */
export function peerGroupsOf(school: SchoolInfo | null | undefined): GroupRef[] {
  const groups: GroupRef[] = [{ kind: 'corpus', name: 'All policies' }];
  const add = (kind: GroupKind, value: string | null | undefined): void => {
    const name = value?.trim();
    if (name) groups.push({ kind, name });
  };
  add('local-authority', school?.localAuthority);
  add('trust', school?.trust);
  add('phase', school?.phase);
  return groups;
}

/** Prevalence keyed by `groupKey`. Pass the current documents only (see `latestVersions`). */
export function prevalence<P extends Pick<PolicySummary, 'coverage'>>(
  policies: readonly P[],
  groupOf: (policy: P) => readonly GroupRef[],
): Map<string, GroupPrevalence> {
  const byGroup = new Map<string, GroupPrevalence>();
  for (const policy of policies) {
    const types = coveredTypes(policy);
    const seen = new Set<string>();
    for (const group of groupOf(policy)) {
      const key = groupKey(group);
      if (seen.has(key)) continue;
      seen.add(key);
      let entry = byGroup.get(key);
      if (!entry) {
        entry = { group: { kind: group.kind, name: group.name }, size: 0, counts: {} };
        byGroup.set(key, entry);
      }
      entry.size++;
      for (const t of types) entry.counts[t] = (entry.counts[t] ?? 0) + 1;
    }
  }
  return byGroup;
}

/** Share (0–1) of a group's policies with the type. */
export function shareOf(entry: GroupPrevalence, typeId: string): number {
  return entry.size === 0 ? 0 : (entry.counts[typeId] ?? 0) / entry.size;
}
