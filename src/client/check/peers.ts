/**
 * The published corpus as peers for a checked policy: the groups a governor can compare against (from
 * dataset.schools), each group's current policies with their coverage rebuilt from `coverageCode`, and the
 * prevalence the pipeline's `findGaps` reads. Mirrors what `npm run analyse` does for a published policy, except
 * that the checked policy is not in the corpus, so nothing is taken back out.
 */
import type { CoverageCell } from '../../pipeline/types.ts';
import type { Dataset } from '../../pipeline/dataset.ts';
import {
  latestVersions,
  prevalence,
  groupKey,
  type GroupPrevalence,
  type GroupRef,
  type DocumentKind,
} from '../../pipeline/analyse/gaps/index.ts';
import type { PeerChoice } from './protocol.ts';

export interface PeerOption {
  value: string;
  label: string;
  kind: PeerChoice['kind'];
  name: string;
  /** Current policies in the group. */
  size: number;
}

export interface PeerPolicy {
  policyId: string;
  schoolId: string;
  kind: DocumentKind;
  approved: string | null;
  lastReviewed: string | null;
  title: string | null;
  coverage: CoverageCell[];
  groups: GroupRef[];
}

const KIND_LABEL: Record<Exclude<PeerChoice['kind'], 'corpus'>, string> = {
  'local-authority': 'Local authority',
  trust: 'Trust',
  phase: 'Phase',
};

/** coverageCode letters (src/site/format.ts CELL_FROM_LETTER): a partly covered type counts as included. */
const STATUS: Record<string, CoverageCell['status']> = { p: 'present', s: 'present', r: 'partial', a: 'absent' };

export function peerValue(choice: PeerChoice): string {
  return choice.kind === 'corpus' ? 'corpus' : `${choice.kind}:${choice.name}`;
}

export function parsePeerValue(value: string): PeerChoice {
  const i = value.indexOf(':');
  if (value === 'corpus' || i < 0) return { kind: 'corpus', name: '' };
  const kind = value.slice(0, i);
  if (kind !== 'local-authority' && kind !== 'trust' && kind !== 'phase') return { kind: 'corpus', name: '' };
  return { kind, name: value.slice(i + 1) };
}

/** A group's name for people: "all published policies", "Local authority: Bradford". */
export function peerLabel(choice: PeerChoice): string {
  return choice.kind === 'corpus' ? 'All published policies' : `${KIND_LABEL[choice.kind]}: ${choice.name}`;
}

/** Every published policy's current version, with the groups its school belongs to. */
export function currentPeers(dataset: Pick<Dataset, 'taxonomy' | 'policies' | 'schools'>): PeerPolicy[] {
  const typeIds = dataset.taxonomy.types.map((t) => t.id);
  const schools = new Map(dataset.schools.map((s) => [s.id, s]));
  const all = dataset.policies.map((p): PeerPolicy => {
    const school = schools.get(p.schoolId);
    const groups: GroupRef[] = [{ kind: 'corpus', name: 'All policies' }];
    if (school?.localAuthority) groups.push({ kind: 'local-authority', name: school.localAuthority });
    if (school?.trust) groups.push({ kind: 'trust', name: school.trust });
    if (school?.phase) groups.push({ kind: 'phase', name: school.phase });
    return {
      policyId: p.id,
      schoolId: p.schoolId,
      kind: p.kind as DocumentKind,
      approved: p.approved,
      lastReviewed: p.lastReviewed,
      title: p.title,
      coverage: typeIds.map((typeId, i) => ({
        typeId,
        status: STATUS[p.coverageCode[i] ?? 'a'] ?? 'absent',
        confidence: 0,
        evidence: [],
        verified: false,
      })),
      groups,
    };
  });
  // A school's superseded 2016 version is not a peer (the pipeline compares current documents only).
  return latestVersions(all);
}

/** The groups offered in the chooser, each with its number of current policies, corpus first. */
export function peerOptions(peers: readonly PeerPolicy[]): PeerOption[] {
  const byKey = new Map<string, PeerOption>();
  for (const p of peers) {
    for (const g of p.groups) {
      const choice: PeerChoice = g.kind === 'corpus' ? { kind: 'corpus', name: '' } : { kind: g.kind, name: g.name };
      const value = peerValue(choice);
      const entry = byKey.get(value) ?? {
        value,
        label: peerLabel(choice),
        kind: choice.kind,
        name: choice.name,
        size: 0,
      };
      entry.size++;
      byKey.set(value, entry);
    }
  }
  const order: PeerChoice['kind'][] = ['corpus', 'local-authority', 'trust', 'phase'];
  return [...byKey.values()].sort(
    (a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || a.name.localeCompare(b.name, 'en-GB'),
  );
}

/** Prevalence per group, keyed as the pipeline keys it, for `findGaps`. */
export function peerPrevalence(peers: readonly PeerPolicy[]): Map<string, GroupPrevalence> {
  return prevalence(peers, (p) => p.groups);
}

/** The pipeline's group for a choice, matched case-insensitively to the corpus's spelling. */
export function groupRefFor(choice: PeerChoice, prevalenceByGroup: ReadonlyMap<string, GroupPrevalence>): GroupRef {
  if (choice.kind === 'corpus') return { kind: 'corpus', name: 'All policies' };
  const ref: GroupRef = { kind: choice.kind, name: choice.name };
  return prevalenceByGroup.get(groupKey(ref))?.group ?? ref;
}

export function inGroup(p: PeerPolicy, group: GroupRef): boolean {
  return p.groups.some((g) => groupKey(g) === groupKey(group));
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}
