/**
 * Builds each policy's published record: its document part (document-record.ts, computed once per document) with
 * the corpus part recomputed each run from the comparisons: gaps with a suggested wording, lineage, the version
 * change, identity, history and the findings that need peers.
 */
import type { Dataset, PolicyDetail } from '../dataset.ts';
import { findGaps } from '../analyse/gaps/index.ts';
import { groupKey } from '../analyse/gaps/prevalence.ts';
import { peerWordingFor } from '../analyse/wording/index.ts';
import type { CorpusComparisons } from './compare.ts';
import type { ContentBundle, SchoolRow } from './content.ts';
import type { RecordOptions } from './options.ts';
import type { PolicyAnalysis } from './policy.ts';
import { policyFindings, type CorpusFindingInputs } from './findings.ts';
import { documentRecord, type DocumentFields, type RecordInputs, versionSide } from './document-record.ts';
import { schoolRowsOf, withResolvedSchool } from './resolved.ts';
import { versionChange } from './views.ts';
import { compareNames, nameKey, type NameKey } from '../identity/index.ts';
import type { ResidueFinding } from '../analyse/lineage/template-residue.ts';

/** The record's fields that need the corpus: recomputed every run, small. */
export type CorpusFields = Pick<PolicyDetail, 'summary' | 'gaps' | 'lineage' | 'version' | 'findings' | 'identity' | 'history'>;

/**
 * Where this policy's stance differs from others', reported once per dimension, in its most specific group
 * (a trust lead cares about the trust before the whole corpus).
 */
function conflictsFor(inputs: RecordInputs, comparisons: CorpusComparisons): NonNullable<CorpusFindingInputs['conflicts']> {
  const policyId = inputs.context.policyId;
  if (!comparisons.currentIds.has(policyId)) return [];
  const out: NonNullable<CorpusFindingInputs['conflicts']> = [];
  const done = new Set<string>();
  const groups = [...(comparisons.groupsOf.get(policyId) ?? [])].reverse();
  for (const group of groups) {
    const entry = comparisons.conflicts.get(groupKey(group));
    for (const c of entry?.conflicts ?? []) {
      if (done.has(c.dimensionId)) continue;
      const own = c.values.find((v) => v.policyIds.includes(policyId));
      const stance = inputs.stances.find((s) => s.dimensionId === c.dimensionId);
      if (!own || !stance) continue;
      done.add(c.dimensionId);
      out.push({
        dimensionTitle: c.dimensionTitle,
        ownValue: own.valueLabel,
        others: c.values.filter((v) => v !== own).map((v) => ({ value: v.valueLabel, count: v.policyIds.length })),
        group: group.name,
        evidence: stance.quote,
      });
    }
  }
  return out;
}

/** Residue kinds that name an organisation: never residue when the name is one of the school's own. */
const NAMING_RESIDUE = new Set<ResidueFinding['kind']>(['other-school', 'known-organisation']);

/**
 * The policy's residue without the school's own names: a 2018 version that calls itself "Decoy" is not carrying
 * residue when its 2016 version says "Decoy Community Primary School".
 */
export function residueOfOthers<R extends Pick<ResidueFinding, 'kind' | 'token'>>(residue: readonly R[], ownNames: readonly string[]): R[] {
  const own = ownNames.map(nameKey).filter((k): k is NameKey => k !== null && !k.isGroup);
  if (own.length === 0) return [...residue];
  return residue.filter((r) => {
    if (!NAMING_RESIDUE.has(r.kind)) return true;
    const key = nameKey(r.token);
    if (!key) return true;
    return !own.some((k) => {
      const rel = compareNames(key, k);
      return rel === 'same' || rel === 'contained';
    });
  });
}

const titleMaps = new WeakMap<ContentBundle['taxonomy'], Map<string, string>>();
function titlesOf(content: ContentBundle): Map<string, string> {
  let titles = titleMaps.get(content.taxonomy);
  if (!titles) {
    titles = new Map(content.taxonomy.types.map((t) => [t.id, t.title]));
    titleMaps.set(content.taxonomy, titles);
  }
  return titles;
}

/** The near-miss sentence of an absent type, when it has one: its gap reads "not found — check". */
function candidateOf(inputs: RecordInputs, typeId: string): Pick<PolicyDetail['gaps'][number], 'candidate'> {
  const candidate = inputs.coverage.find((c) => c.typeId === typeId)?.candidate;
  return candidate ? { candidate } : {};
}

/**
 * The corpus part of one record. `resolved` carries the context identity resolution gave the policy (see
 * withResolvedSchool); `version` is the change from the school's previous version of the document.
 */
export function corpusRecord(
  resolved: RecordInputs,
  comparisons: CorpusComparisons,
  content: ContentBundle,
  version: PolicyDetail['version'] = null,
): CorpusFields {
  const inputs = resolved;
  const { policyId } = inputs.context;
  const school = comparisons.schools.get(inputs.context.schoolId);
  const identity = comparisons.identity.get(policyId);
  const chainIndex = comparisons.chainOf.get(policyId);
  const chain = chainIndex === undefined ? undefined : comparisons.chains[chainIndex];
  const groups = comparisons.groupsOf.get(policyId) ?? [];
  const mostSpecificFirst = [...groups].reverse();
  const current = comparisons.currentIds.has(policyId);

  const gaps = findGaps(
    { coverage: inputs.coverage, approved: inputs.approved, lastReviewed: inputs.lastReviewed },
    content.taxonomy.types,
    comparisons.prevalence,
    groups,
    { nation: comparisons.nationOf.get(policyId) ?? null, selfIncluded: current },
  ).map((g) => ({
    typeId: g.typeId,
    basis: g.basis,
    group: g.group ? g.group.name : null,
    peerShare: g.peerShare ?? null,
    severity: g.severity,
    note: g.guidanceNote ?? null,
    suggestedWording: peerWordingFor(comparisons.wording, g.typeId, mostSpecificFirst)?.text ?? null,
    coveredElsewhere:
      comparisons.schoolCoverage
        .get(inputs.context.schoolId)
        ?.types.find((t) => t.typeId === g.typeId)
        ?.coveredBy.find((c) => c.policyId !== policyId)?.policyId ?? null,
    ...candidateOf(inputs, g.typeId),
  }));

  const nearest = comparisons.lineage.get(policyId)?.nearest ?? null;
  const residue = residueOfOthers(inputs.residue, school?.names ?? []).map((r) => r.entry);
  const findings = policyFindings(inputs.findings, {
    gaps,
    residue,
    conflicts: conflictsFor(inputs, comparisons),
    titleOf: titlesOf(content),
    version,
    current,
    ...(version ? { previousFile: chain?.entries.find((e) => e.id === version.previousId)?.sourceFile ?? version.previousId } : {}),
  });
  const findingCounts: Record<string, number> = {};
  for (const f of findings) findingCounts[f.kind] = (findingCounts[f.kind] ?? 0) + 1;

  return {
    summary: {
      id: policyId,
      schoolId: inputs.context.schoolId,
      sourceFile: inputs.context.sourceFile,
      format: inputs.format,
      kind: inputs.kind,
      school: inputs.school ?? inputs.context.knownSchoolName,
      title: inputs.title,
      approved: inputs.approved,
      lastReviewed: inputs.lastReviewed,
      nextReview: inputs.nextReview,
      reviewCycleMonths: inputs.reviewCycleMonths,
      review: inputs.review,
      grade: inputs.grade,
      typesCovered: inputs.typesCovered,
      clauseCount: inputs.clauseCount,
      hasAcknowledgementForm: inputs.hasAcknowledgementForm,
      coverageCode: inputs.coverageCode,
      findingCounts,
      warnings: inputs.warnings,
      schoolName: school?.name ?? inputs.school ?? inputs.context.knownSchoolName,
      current,
    },
    gaps,
    lineage: {
      sourceId: nearest?.policyId ?? null,
      sourceKind: nearest ? (nearest.isTemplate ? 'template' : 'policy') : null,
      similarity: nearest?.similarity ?? 0,
      reusedShare: nearest?.reusedShare ?? 0,
      residue,
    },
    version,
    findings,
    identity: identity
      ? { schoolId: identity.schoolId, schoolName: identity.schoolName, confidence: identity.confidence, reasons: identity.reasons }
      : null,
    history: (chain?.entries ?? []).map((e, i, all) => ({
      id: e.id,
      sourceFile: e.sourceFile,
      title: e.title,
      date: e.date,
      current: i === all.length - 1,
    })),
  };
}

/** The two parts as one record, in the schema's field order. */
export function joinRecord(doc: DocumentFields, corpus: CorpusFields): PolicyDetail {
  return {
    summary: corpus.summary,
    metadata: doc.metadata,
    clauses: doc.clauses,
    text: doc.text,
    coverage: doc.coverage,
    gaps: corpus.gaps,
    outdatedReferences: doc.outdatedReferences,
    missingModernTopics: doc.missingModernTopics,
    grade: doc.grade,
    stances: doc.stances,
    lineage: corpus.lineage,
    version: corpus.version,
    findings: corpus.findings,
    identity: corpus.identity,
    history: corpus.history,
  };
}

/** The corpus part's inputs with the school identity resolution gave the policy. */
export function resolvedInputs(inputs: RecordInputs, comparisons: CorpusComparisons, content: ContentBundle): RecordInputs {
  return withResolvedSchool(inputs, { byPolicy: comparisons.identity }, schoolRowsOf(content));
}

/**
 * One policy's published record from its whole analysis (kept in memory), and the change from its previous
 * version: the reference path the CLI's cached parts must match byte for byte.
 */
export function assembleRecord(
  a: PolicyAnalysis,
  older: PolicyAnalysis | null,
  comparisons: CorpusComparisons,
  content: ContentBundle,
  options: RecordOptions,
): PolicyDetail {
  const doc = documentRecord(a, content, options);
  const version = older ? versionChange(versionSide(older), versionSide(a)) : null;
  return joinRecord(doc.fields, corpusRecord(resolvedInputs(doc.inputs, comparisons, content), comparisons, content, version));
}

export function toSchools(
  details: readonly Pick<PolicyDetail, 'summary'>[],
  rows: readonly SchoolRow[],
  comparisons: CorpusComparisons,
): Dataset['schools'] {
  const byId = new Map<string, string[]>();
  const nameOf = new Map<string, string | null>();
  for (const d of details) {
    const list = byId.get(d.summary.schoolId) ?? [];
    list.push(d.summary.id);
    byId.set(d.summary.schoolId, list);
    if (!nameOf.get(d.summary.schoolId)) nameOf.set(d.summary.schoolId, d.summary.school);
  }
  const rowsById = new Map(rows.map((r) => [r.school_id, r]));
  const chainsOf = new Map<string, CorpusComparisons['chains']>();
  for (const c of comparisons.chains) chainsOf.set(c.schoolId, [...(chainsOf.get(c.schoolId) ?? []), c]);
  return [...byId.keys()].sort().map((id) => {
    const row = rowsById.get(id);
    const coverage = comparisons.schoolCoverage.get(id);
    const resolved = comparisons.schools.get(id);
    return {
      id,
      name: row?.name ?? resolved?.name ?? nameOf.get(id) ?? null,
      urn: row?.urn ?? null,
      localAuthority: row?.local_authority ?? null,
      trust: row?.trust ?? null,
      phase: row?.phase ?? null,
      nation: row?.nation ?? null,
      policyIds: byId.get(id) ?? [],
      currentPolicyIds: coverage?.documents.map((d) => d.policyId) ?? [],
      coverageCode: (coverage?.types ?? []).map((t) => (t.status === 'present' ? 'p' : t.status === 'partial' ? 'r' : 'a')).join(''),
      names: resolved?.names ?? [],
      domains: resolved?.domains ?? [],
      listed: row !== undefined,
      identityConfidence: resolved?.confidence ?? 1,
      identityReasons: resolved?.reasons ?? [],
      chains: (chainsOf.get(id) ?? []).map((c) => ({
        kind: c.kind,
        title: c.entries[c.entries.length - 1]?.title ?? null,
        policyIds: c.entries.map((e) => e.id),
      })),
    };
  });
}
