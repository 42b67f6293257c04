/**
 * The clause types a policy lacks, judged against current guidance (the taxonomy's level) and against its peers
 * (how many comparable policies have the type). One gap per type, in taxonomy order.
 */
import { summaryDate, yearOf } from '../../dates/index.ts';
import { coveredTypes, GROUP_SPECIFICITY, groupKey } from './prevalence.ts';
import type { Gap, GroupPrevalence, GroupRef, PeerEvidence, PolicySummary, Severity, TaxonomyTypeRef } from './types.ts';

export interface FindGapsOptions {
  /** Share of peers that must have a type for its absence to count as a peer gap. Default 0.5. */
  peerThreshold?: number;
  /** Fewest peers (the policy itself excluded) a group needs before its prevalence is used. Default 3. */
  minGroupSize?: number;
  /** The school's nation; guidance gaps outside England are softened and annotated. */
  nation?: string | null;
  /**
   * Whether `policy` was among the policies the prevalence was computed from (default true). When it was, it is
   * taken back out so a policy is compared with its peers, not with itself.
   */
  selfIncluded?: boolean;
}

const LOWER: Record<Severity, Severity> = { high: 'medium', medium: 'low', low: 'low' };

/** Guidance in the taxonomy is England's; say so for schools elsewhere rather than assert a gap. */
export function guidanceNoteFor(nation: string | null | undefined): string | null {
  const n = nation?.trim();
  if (!n || /^england$/i.test(n)) return null;
  if (/^(?:wales|scotland|northern ireland)$/i.test(n)) {
    return `follows England's guidance (KCSIE, DfE standards); check the equivalent for ${n}`;
  }
  return null;
}

function peerEvidence(
  typeId: string,
  groups: readonly GroupRef[],
  prevalenceByGroup: ReadonlyMap<string, GroupPrevalence>,
  selfIncluded: boolean,
  minGroupSize: number,
  peerThreshold: number,
): PeerEvidence[] {
  const out: PeerEvidence[] = [];
  for (const group of groups) {
    const entry = prevalenceByGroup.get(groupKey(group));
    if (!entry) continue;
    // The policy lacks the type, so it adds nothing to the count; it only needs removing from the size.
    const peerCount = entry.size - (selfIncluded ? 1 : 0);
    if (peerCount < minGroupSize || peerCount <= 0) continue;
    const peerShare = (entry.counts[typeId] ?? 0) / peerCount;
    if (peerShare >= peerThreshold) out.push({ group: entry.group, peerShare, peerCount });
  }
  return out.sort(
    (x, y) =>
      GROUP_SPECIFICITY.indexOf(x.group.kind) - GROUP_SPECIFICITY.indexOf(y.group.kind) ||
      y.peerShare - x.peerShare ||
      (x.group.name < y.group.name ? -1 : x.group.name > y.group.name ? 1 : 0),
  );
}

export function findGaps(
  policy: Pick<PolicySummary, 'coverage' | 'approved'> & Partial<Pick<PolicySummary, 'lastReviewed'>>,
  taxonomyTypes: readonly TaxonomyTypeRef[],
  prevalenceByGroup: ReadonlyMap<string, GroupPrevalence>,
  groups: readonly GroupRef[],
  options: FindGapsOptions = {},
): Gap[] {
  const peerThreshold = options.peerThreshold ?? 0.5;
  const minGroupSize = options.minGroupSize ?? 3;
  const selfIncluded = options.selfIncluded ?? true;
  const note = guidanceNoteFor(options.nation);
  const has = coveredTypes(policy);
  const policyYear = yearOf(summaryDate({ approved: policy.approved, lastReviewed: policy.lastReviewed ?? null }));
  const gaps: Gap[] = [];
  for (const type of taxonomyTypes) {
    if (has.has(type.id)) continue;
    const peers = peerEvidence(type.id, groups, prevalenceByGroup, selfIncluded, minGroupSize, peerThreshold);
    const strongest = peers[0];
    let gap: Gap;
    if (type.level === 'core' || type.level === 'recommended') {
      const base: Severity = type.level === 'core' ? 'high' : strongest ? 'medium' : 'low';
      gap = {
        typeId: type.id,
        basis: type.level === 'core' ? 'guidance-core' : 'guidance-recommended',
        severity: note ? LOWER[base] : base,
      };
      if (note) gap.guidanceNote = note;
    } else if (strongest) {
      gap = { typeId: type.id, basis: 'peers', severity: strongest.peerShare >= 0.8 ? 'medium' : 'low' };
    } else continue;
    if (strongest) {
      gap.group = strongest.group;
      gap.peerShare = strongest.peerShare;
      gap.peerCount = strongest.peerCount;
      gap.peerGroups = peers;
    }
    if (type.expectedSince != null && (gap.basis !== 'peers')) {
      gap.expectedSince = type.expectedSince;
      if (policyYear !== null) gap.predatesGuidance = policyYear < type.expectedSince;
    }
    gaps.push(gap);
  }
  return gaps;
}
