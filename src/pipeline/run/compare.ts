/**
 * Comparisons that need the whole corpus: prevalence by group, the reference wording of each clause type, and
 * template lineage. Each is computed once for the corpus (not per page or per pair) and looked up afterwards.
 */
import type { PolicyDocument } from '../types.ts';
import {
  latestVersions,
  summaryDate,
  versionSeries,
  peerGroupsOf,
  prevalence,
  schoolCoverage,
  type SchoolCoverage,
  type GroupPrevalence,
  type GroupRef,
  type PolicySummary as GapInput,
  type SchoolInfo,
} from '../analyse/gaps/index.ts';
import { buildWordingIndex, type WordingIndex } from '../analyse/wording/index.ts';
import { findSources, type LineageResult } from '../analyse/lineage/nearest-source.ts';
import { stanceConflicts, type StanceConflict } from '../analyse/stances/index.ts';
import { groupKey } from '../analyse/gaps/prevalence.ts';
import type { ContentBundle } from './content.ts';
import { wordingItemsOf, type PolicyFacts } from './facts.ts';
import type { IdentityDecision, ResolvedSchool } from '../identity/index.ts';

/** One school's versions of one document, oldest first; the last is the current one. */
export interface VersionChain {
  schoolId: string;
  kind: string;
  entries: { id: string; sourceFile: string; title: string | null; date: string | null }[];
}

export interface CorpusComparisons {
  /** Comparison groups of each policy, most general first. */
  groupsOf: Map<string, GroupRef[]>;
  nationOf: Map<string, string | null>;
  prevalence: Map<string, GroupPrevalence>;
  /** Ids of each school's current documents (latest version of each kind). */
  currentIds: Set<string>;
  wording: WordingIndex;
  lineage: Map<string, LineageResult>;
  /** Each school's coverage across its current documents together (AUP, online safety, social media…). */
  schoolCoverage: Map<string, SchoolCoverage>;
  /** Stance conflicts among the current documents of each group, by group key. */
  conflicts: Map<string, { group: GroupRef; conflicts: StanceConflict[] }>;
  /** Which school each policy was filed under, and why (src/pipeline/identity/). */
  identity: Map<string, IdentityDecision>;
  /** Each school as identity resolved it, by school id. */
  schools: Map<string, ResolvedSchool>;
  /** Every document series with its versions; `chainOf` gives a policy's. */
  chains: VersionChain[];
  chainOf: Map<string, number>;
}

/** Document series by school and kind, oldest version first (the last is current). */
export function versionChains(analyses: readonly PolicyFacts[]): VersionChain[] {
  return versionSeries(analyses.map(gapInput)).map((series) => ({
    schoolId: series[0]?.schoolId ?? '',
    kind: series[0]?.kind ?? 'other',
    entries: series.map((p) => ({
      id: p.policyId,
      sourceFile: p.facts.context.sourceFile,
      title: p.facts.title,
      date: summaryDate(p),
    })),
  }));
}

export function schoolInfoFrom(content: ContentBundle): Map<string, SchoolInfo> {
  return new Map(
    content.schools.map((s) => [
      s.school_id,
      {
        schoolId: s.school_id,
        name: s.name ?? s.school_id,
        localAuthority: s.local_authority,
        trust: s.trust,
        phase: s.phase,
        nation: s.nation,
      },
    ]),
  );
}

export function gapInput(a: PolicyFacts): GapInput & { facts: PolicyFacts } {
  return {
    policyId: a.context.policyId,
    schoolId: a.context.schoolId,
    kind: a.kind as GapInput['kind'],
    approved: a.approved,
    lastReviewed: a.lastReviewed,
    title: a.title,
    coverage: a.coverage,
    facts: a,
  };
}

/**
 * `analyses` carry their resolved school ids (see resolveSchools): versions of one school are its history, so
 * lineage never names one as another's source.
 */
export function compareAcrossCorpus(
  analyses: readonly PolicyFacts[],
  templates: readonly { id: string; document: PolicyDocument }[],
  content: ContentBundle,
  identity: { byPolicy: Map<string, IdentityDecision>; schools: readonly ResolvedSchool[] } = { byPolicy: new Map(), schools: [] },
): CorpusComparisons {
  const schools = schoolInfoFrom(content);
  const groupsOf = new Map<string, GroupRef[]>();
  const nationOf = new Map<string, string | null>();
  for (const a of analyses) {
    const school = schools.get(a.context.schoolId);
    groupsOf.set(a.context.policyId, peerGroupsOf(school));
    nationOf.set(a.context.policyId, school?.nation ?? null);
  }

  // Peers are compared on their current documents: a school's superseded 2016 version is not a peer.
  const current = latestVersions(analyses.map(gapInput));
  const groupsFor = (p: { policyId: string }) => groupsOf.get(p.policyId) ?? [];
  const prev = prevalence(current, groupsFor);

  const wording = buildWordingIndex(
    current.map((p) => ({
      policyId: p.policyId,
      schoolName: p.facts.school,
      groups: groupsFor(p),
      // Expanded when the index reads this policy (once), so every policy's items are never all held at once.
      get items() {
        return wordingItemsOf(p.facts.wording);
      },
    })),
  );

  const lineage = new Map(
    findSources([
      ...templates.map((t) => ({ id: t.id, text: t.document.text, date: null, isTemplate: true })),
      ...analyses.map((a) => ({
        id: a.context.policyId,
        text: '',
        fingerprint: a.lineage,
        date: a.approved ?? a.lastReviewed,
        schoolId: a.context.schoolId,
        schoolName: a.school,
      })),
    ], { skipSameSchool: true }).map((r) => [r.policyId, r]),
  );

  const members = new Map<string, { group: GroupRef; policies: { policyId: string; stances: PolicyFacts['stances'] }[] }>();
  for (const p of current) {
    for (const group of groupsFor(p)) {
      const key = groupKey(group);
      const entry = members.get(key) ?? { group, policies: [] };
      entry.policies.push({ policyId: p.policyId, stances: p.facts.stances });
      members.set(key, entry);
    }
  }
  const conflicts = new Map(
    [...members.entries()].map(([key, m]) => [key, { group: m.group, conflicts: stanceConflicts(m.policies, content.stances) }]),
  );

  const bySchool = new Map<string, ReturnType<typeof gapInput>[]>();
  for (const a of analyses) {
    const list = bySchool.get(a.context.schoolId) ?? [];
    list.push(gapInput(a));
    bySchool.set(a.context.schoolId, list);
  }

  const chains = versionChains(analyses);
  const chainOf = new Map<string, number>();
  chains.forEach((c, i) => {
    for (const e of c.entries) chainOf.set(e.id, i);
  });

  return {
    identity: identity.byPolicy,
    schools: new Map(identity.schools.map((s) => [s.schoolId, s])),
    chains,
    chainOf,
    schoolCoverage: new Map([...bySchool.entries()].map(([id, docs]) => [id, schoolCoverage(docs)])),
    conflicts,
    groupsOf,
    nationOf,
    prevalence: prev,
    currentIds: new Set(current.map((p) => p.policyId)),
    wording,
    lineage,
  };
}
