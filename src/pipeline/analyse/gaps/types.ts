/**
 * The minimal inputs the corpus-level analytics need. Deliberately structural: the per-policy stages produce more,
 * and anything with these fields can be passed in.
 */
import type { CoverageCell, PartialDate } from '../../types.ts';

export type DocumentKind = 'aup' | 'online-safety' | 'social-media' | 'other';

export type Nation = 'England' | 'Wales' | 'Scotland' | 'Northern Ireland';

/** One policy as the comparison analytics see it. */
export interface PolicySummary {
  policyId: string;
  schoolId: string;
  kind: DocumentKind;
  /** Approved / adopted date from metadata. */
  approved: PartialDate | null;
  /** Last-reviewed date, when known; a later review makes a version newer than its approval date says. */
  lastReviewed?: PartialDate | null;
  /** Title, used to tell apart different "other" documents of one school. */
  title?: string | null;
  coverage: CoverageCell[];
}

/** One row of content/schools.csv. */
export interface SchoolInfo {
  schoolId: string;
  name: string;
  localAuthority: string | null;
  trust: string | null;
  phase: string | null;
  nation: string | null;
}

/** A clause type as the gap analysis needs it; the taxonomy's `ClauseType` fits. */
export interface TaxonomyTypeRef {
  id: string;
  level: 'core' | 'recommended' | 'optional';
  /** Year from which current guidance expects the type; null/absent when always expected. */
  expectedSince?: number | null;
}

export type GroupKind = 'corpus' | 'local-authority' | 'trust' | 'phase';

export interface GroupRef {
  kind: GroupKind;
  name: string;
}

/** How many policies in one comparison group have each clause type (present or partial). */
export interface GroupPrevalence {
  group: GroupRef;
  /** Number of policies in the group. */
  size: number;
  /** Policies with the type present or partial, by type id. Types nobody has are absent from the record. */
  counts: Record<string, number>;
}

export type Severity = 'high' | 'medium' | 'low';

export type GapBasis = 'guidance-core' | 'guidance-recommended' | 'peers';

export interface PeerEvidence {
  group: GroupRef;
  /** Share (0–1) of the other policies in the group that have the type. */
  peerShare: number;
  /** Number of other policies in the group (the policy itself excluded). */
  peerCount: number;
}

export interface Gap {
  typeId: string;
  basis: GapBasis;
  severity: Severity;
  /** For `peers`: the most specific group in which most peers have the type. */
  group?: GroupRef;
  peerShare?: number;
  peerCount?: number;
  /** For `peers`: every group that qualified, most specific first. */
  peerGroups?: PeerEvidence[];
  /** For guidance gaps outside England: the guidance cited is England's; a reviewer should check locally. */
  guidanceNote?: string;
  /** Year from which guidance expects the type, when the taxonomy gives one. */
  expectedSince?: number;
  /** True when the expectation began after the policy was approved: the policy predates the guidance. */
  predatesGuidance?: boolean;
}
