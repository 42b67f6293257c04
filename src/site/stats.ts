/** Small derived figures the pages need that are cheap to compute from the summaries (no re-analysis). */
import type { CellState, PolicySummary, TaxonomyCategory, TaxonomyType } from './types.ts';
import { CELL_FROM_LETTER } from './format.ts';
import { groupsOf, loadDataset } from './load.ts';

/** Cell state of one clause type (by taxonomy index) for a policy, from its coverageCode. */
export function cellState(p: PolicySummary, typeIndex: number): CellState {
  return CELL_FROM_LETTER[p.coverageCode[typeIndex] ?? 'a'] ?? 'absent';
}

/** Share (0–1) of a category's clause types that a coverage code covers (present or stale 1, partial ½). */
export function categoryShare(code: string, types: TaxonomyType[], categoryId: string): number {
  let score = 0;
  let n = 0;
  types.forEach((t, i) => {
    if (t.category !== categoryId) return;
    n++;
    const c = code[i];
    score += c === 'p' || c === 's' ? 1 : c === 'r' ? 0.5 : 0;
  });
  return n === 0 ? 0 : score / n;
}

export function median(xs: number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

export interface CategoryComparison {
  category: TaxonomyCategory;
  policy: number;
  peerMedian: number;
  peers: number;
}

export interface PeerComparison {
  /** The phase the peers share, or null when they are all other policies. */
  phase: string | null;
  peers: number;
  rows: CategoryComparison[];
}

/** Per comparison group (a phase, or everyone): each category's coverage shares, sorted, and the group's ids. */
interface PeerGroup {
  ids: Set<string>;
  sorted: number[][];
}
let peerIndex: { shares: Map<string, number[]>; groups: Map<string, PeerGroup> } | null = null;
const EVERYONE = '\u0000all';

/**
 * Built once per build: every policy's share per category, and each group's shares sorted, so each policy page
 * finds its peers' median in O(log n) instead of rescanning 10,000 policies.
 */
function buildPeerIndex(): NonNullable<typeof peerIndex> {
  const { policies, taxonomy } = loadDataset();
  const shares = new Map(policies.map((p) => [p.id, taxonomy.categories.map((c) => categoryShare(p.coverageCode, taxonomy.types, c.id))]));
  const members = new Map<string, string[]>([[EVERYONE, policies.map((p) => p.id)]]);
  for (const p of policies) {
    const phase = groupsOf(p).phase;
    if (!phase) continue;
    const list = members.get(phase);
    if (list) list.push(p.id);
    else members.set(phase, [p.id]);
  }
  const groups = new Map<string, PeerGroup>();
  for (const [key, ids] of members) {
    const sorted = taxonomy.categories.map((_, ci) => ids.map((id) => shares.get(id)?.[ci] ?? 0).sort((a, b) => a - b));
    groups.set(key, { ids: new Set(ids), sorted });
  }
  return { shares, groups };
}

/** Median of a sorted list with one occurrence of `without` left out (the policy itself). */
function medianWithout(sorted: number[], without: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] ?? 0) < without) lo = mid + 1;
    else hi = mid;
  }
  const k = lo; // index of the left-out value
  const n = sorted.length - 1;
  if (n <= 0) return 0;
  const at = (i: number): number => sorted[i < k ? i : i + 1] ?? 0;
  return n % 2 ? at((n - 1) / 2) : (at(n / 2 - 1) + at(n / 2)) / 2;
}

/**
 * A policy's coverage per category against the median of its peers: other policies of the same phase when there
 * is at least one, else every other policy.
 */
export function peerComparison(policy: PolicySummary): PeerComparison {
  peerIndex ??= buildPeerIndex();
  const { taxonomy } = loadDataset();
  const own = peerIndex.shares.get(policy.id) ?? [];
  const phase = groupsOf(policy).phase ?? null;
  const byPhase = phase ? peerIndex.groups.get(phase) : undefined;
  const usePhase = byPhase !== undefined && byPhase.ids.size > 1;
  const group = usePhase ? byPhase : peerIndex.groups.get(EVERYONE);
  const peers = Math.max(0, (group?.ids.size ?? 1) - 1);
  return {
    phase: usePhase ? phase : null,
    peers,
    rows: taxonomy.categories.map((category, ci) => ({
      category,
      policy: own[ci] ?? 0,
      peerMedian: medianWithout(group?.sorted[ci] ?? [], own[ci] ?? 0),
      peers,
    })),
  };
}

/** Groups of policies by a grouping field, sorted by name; policies without the field go under "Not known". */
export function groupBy(policies: PolicySummary[], key: GroupKey): Map<string, PolicySummary[]> {
  // Lists and group pages ask for the whole collection's groups over and over: work them out once per key.
  const whole = policies === loadDataset().policies;
  const cached = whole ? groupCache.get(key) : undefined;
  if (cached) return cached;
  const result = group(policies, key);
  if (whole) groupCache.set(key, result);
  return result;
}
const groupCache = new Map<GroupKey, Map<string, PolicySummary[]>>();

function group(policies: PolicySummary[], key: GroupKey): Map<string, PolicySummary[]> {
  const m = new Map<string, PolicySummary[]>();
  for (const p of policies) {
    const k = groupsOf(p)[key] ?? NOT_KNOWN;
    const list = m.get(k) ?? [];
    list.push(p);
    m.set(k, list);
  }
  return new Map([...m].sort((a, b) => a[0].localeCompare(b[0], 'en-GB')));
}

export const NOT_KNOWN = 'Not known';
export const GROUP_LABEL = { localAuthority: 'Local authority', trust: 'Trust', phase: 'Phase' } as const;
export type GroupKey = keyof typeof GROUP_LABEL;
/** URL segment per grouping: /policies/by/<slug>/<value>/. */
export const GROUP_SLUG: Record<GroupKey, string> = { localAuthority: 'local-authority', trust: 'trust', phase: 'phase' };

/** Number of outdated references and gaps, from the summary's finding counts. */
export const gapCount = (p: PolicySummary): number => p.findingCounts['gap'] ?? 0;
export const outdatedCount = (p: PolicySummary): number => p.findingCounts['outdated-reference'] ?? 0;
