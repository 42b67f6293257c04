/**
 * Builds each policy's published record from its analysis and the corpus comparisons: gaps with a suggested
 * wording, the staleness grade, lineage, findings, and personal data masked in every quote.
 */
import type { Evidence } from '../types.ts';
import type { Dataset, Finding, PolicyDetail } from '../dataset.ts';
import { findGaps } from '../analyse/gaps/index.ts';
import { groupKey } from '../analyse/gaps/prevalence.ts';
import { peerWordingFor } from '../analyse/wording/index.ts';
import { stalenessGrade } from '../analyse/staleness/index.ts';
import { findPersonalData, maskQuote, type PersonalDataSpan } from '../analyse/redact/index.ts';
import type { CorpusComparisons } from './compare.ts';
import type { ContentBundle, SchoolRow } from './content.ts';
import type { CorpusOptions } from './corpus.ts';
import type { PolicyAnalysis } from './policy.ts';
import { policyFindings } from './findings.ts';
import { compareNames, nameKey, type NameKey } from '../identity/index.ts';
import type { ResidueFinding } from '../analyse/lineage/template-residue.ts';

export type Masker = (text: string, start: number) => string;

function makeMasker(text: string, enabled: boolean): Masker {
  if (!enabled) return (quote) => quote;
  const spans: PersonalDataSpan[] = findPersonalData(text);
  if (spans.length === 0) return (quote) => quote;
  return (quote, start) => maskQuote(quote, start, spans);
}

function maskEvidence<E extends Evidence>(e: E, mask: Masker): E {
  return { ...e, quote: mask(e.quote, e.start) };
}

/** p present, r partial, a absent; s when present but its evidence clause cites something outdated. */
function coverageCode(a: PolicyAnalysis): string {
  const staleClauses = new Set(a.outdated.filter((h) => !h.historical).map((h) => h.clauseId));
  return a.coverage
    .map((cell) => {
      if (cell.status === 'absent') return 'a';
      if (cell.status === 'partial') return 'r';
      return cell.evidence.some((e) => staleClauses.has(e.clauseId)) ? 's' : 'p';
    })
    .join('');
}

/**
 * Where this policy's stance differs from others', reported once per dimension, in its most specific group
 * (a trust lead cares about the trust before the whole corpus).
 */
function conflictsFor(a: PolicyAnalysis, comparisons: CorpusComparisons, mask: Masker) {
  if (!comparisons.currentIds.has(a.context.policyId)) return [];
  const out: NonNullable<Parameters<typeof policyFindings>[1]['conflicts']> = [];
  const done = new Set<string>();
  const groups = [...(comparisons.groupsOf.get(a.context.policyId) ?? [])].reverse();
  for (const group of groups) {
    const entry = comparisons.conflicts.get(groupKey(group));
    for (const c of entry?.conflicts ?? []) {
      if (done.has(c.dimensionId)) continue;
      const own = c.values.find((v) => v.policyIds.includes(a.context.policyId));
      const stance = a.stances.find((s) => s.dimensionId === c.dimensionId);
      if (!own || !stance) continue;
      done.add(c.dimensionId);
      out.push({
        dimensionTitle: c.dimensionTitle,
        ownValue: own.valueLabel,
        others: c.values.filter((v) => v !== own).map((v) => ({ value: v.valueLabel, count: v.policyIds.length })),
        group: group.name,
        evidence: mask(stance.evidence.quote, stance.evidence.start),
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
export function residueOfOthers(residue: readonly ResidueFinding[], ownNames: readonly string[]): ResidueFinding[] {
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

export function toPolicyDetail(
  a: PolicyAnalysis,
  comparisons: CorpusComparisons,
  content: ContentBundle,
  options: Pick<CorpusOptions, 'maskPersonalData' | 'includeText'>,
  version: PolicyDetail['version'] = null,
): PolicyDetail {
  const { policyId } = a.context;
  const school = comparisons.schools.get(a.context.schoolId);
  const identity = comparisons.identity.get(policyId);
  const chainIndex = comparisons.chainOf.get(policyId);
  const chain = chainIndex === undefined ? undefined : comparisons.chains[chainIndex];
  const mask = makeMasker(a.document.text, options.maskPersonalData);
  const groups = comparisons.groupsOf.get(policyId) ?? [];
  const mostSpecificFirst = [...groups].reverse();

  const gaps = findGaps(
    { coverage: a.coverage, approved: a.metadata.approved?.value ?? null, lastReviewed: a.metadata.lastReviewed?.value ?? null },
    content.taxonomy.types,
    comparisons.prevalence,
    groups,
    { nation: comparisons.nationOf.get(policyId) ?? null, selfIncluded: comparisons.currentIds.has(policyId) },
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
        .get(a.context.schoolId)
        ?.types.find((t) => t.typeId === g.typeId)
        ?.coveredBy.find((c) => c.policyId !== policyId)?.policyId ?? null,
  }));

  const grade = stalenessGrade({ review: a.review, references: a.outdated, missing: a.missingModern });
  const lineage = comparisons.lineage.get(policyId);
  const nearest = lineage?.nearest ?? null;
  const outdatedReferences = a.outdated.map((hit) => ({
    referenceId: hit.entryId,
    label: hit.entry.label,
    kind: hit.entry.kind,
    replacedBy: hit.entry.replaced_by,
    since: hit.entry.since,
    source: hit.entry.source,
    severity: hit.entry.severity,
    count: hit.count,
    evidence: maskEvidence(hit.evidence, mask),
  }));
  const stances = a.stances.map((s) => ({
    dimensionId: s.dimensionId,
    value: s.valueId,
    label: s.valueLabel,
    cue: s.cue,
    evidence: maskEvidence(s.evidence, mask),
  }));
  const residue = residueOfOthers(a.residue, school?.names ?? []).map((r) => ({ ...maskEvidence(r.evidence, mask), reason: r.message }));
  const coverage = a.coverage.map((cell) => ({ ...cell, evidence: cell.evidence.map((e) => maskEvidence(e, mask)) }));
  const labelsByClause = new Map(a.classified.map((c) => [c.clauseId, c]));
  const clauses = a.document.clauses.map((c) => {
    const classified = labelsByClause.get(c.id);
    return {
      id: c.id,
      label: c.label,
      headingPath: c.headingPath,
      text: options.includeText ? mask(c.text, c.start) : '',
      start: c.start,
      end: c.end,
      kind: c.kind,
      modality: classified?.modality ?? 'information',
      actor: classified?.actor ?? 'other',
      labels: classified?.labels ?? [],
    };
  });

  const findings: Finding[] = policyFindings(a, {
    gaps,
    outdatedReferences,
    residue,
    conflicts: conflictsFor(a, comparisons, mask),
    content,
    mask,
    version,
    current: comparisons.currentIds.has(policyId),
    ...(version ? { previousFile: chain?.entries.find((e) => e.id === version.previousId)?.sourceFile ?? version.previousId } : {}),
  });
  const findingCounts: Record<string, number> = {};
  for (const f of findings) findingCounts[f.kind] = (findingCounts[f.kind] ?? 0) + 1;
  const m = a.metadata;
  const metaEvidence = <T>(v: { value: T; evidence: Evidence | null; source: string } | null) =>
    v === null ? null : { ...v, evidence: v.evidence ? maskEvidence(v.evidence, mask) : null };

  return {
    summary: {
      id: policyId,
      schoolId: a.context.schoolId,
      sourceFile: a.context.sourceFile,
      format: a.document.format,
      kind: a.kind,
      school: m.school?.value ?? a.context.knownSchoolName,
      title: m.title?.value ?? null,
      approved: m.approved?.value ?? null,
      lastReviewed: m.lastReviewed?.value ?? null,
      nextReview: m.nextReview?.value ?? null,
      reviewCycleMonths: m.reviewCycleMonths?.value ?? null,
      review: {
        status: a.review.status,
        dueDate: a.review.dueDate,
        basis: a.review.basis,
        explanation: a.review.explanation,
      },
      grade: grade.grade,
      typesCovered: a.coverage.filter((c) => c.status !== 'absent').length,
      clauseCount: a.document.clauses.length,
      hasAcknowledgementForm: a.document.hasAcknowledgementForm,
      coverageCode: coverageCode(a),
      findingCounts,
      warnings: [...a.document.warnings, ...m.warnings, ...a.staleOverrides],
      schoolName: school?.name ?? m.school?.value ?? a.context.knownSchoolName,
      current: comparisons.currentIds.has(policyId),
    },
    metadata: {
      school: metaEvidence(m.school),
      schoolIsPlaceholder: m.schoolIsPlaceholder,
      title: metaEvidence(m.title),
      approved: metaEvidence(m.approved),
      lastReviewed: metaEvidence(m.lastReviewed),
      nextReview: metaEvidence(m.nextReview),
      reviewCycleMonths: metaEvidence(m.reviewCycleMonths),
      approvingBody: metaEvidence(m.approvingBody),
      audiences: metaEvidence(m.audiences),
      warnings: m.warnings,
    } as PolicyDetail['metadata'],
    clauses,
    text: options.includeText ? mask(a.document.text, 0) : null,
    coverage,
    gaps,
    outdatedReferences,
    missingModernTopics: a.missingModern.map((t) => ({
      typeId: t.typeId,
      expectedSince: String(t.expectedSince),
      expectedAtApproval: t.expectedAtApproval,
    })),
    grade: {
      grade: grade.grade,
      points: grade.points,
      breakdown: grade.breakdown.map((b) => ({ reason: b.label, points: b.points })),
    },
    stances,
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
