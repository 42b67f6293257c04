/**
 * The per-document part of a policy's published record: everything that depends only on the document, its
 * analysis and the run's masking and text options (metadata, clauses and labels, text, coverage, out-of-date
 * references, modern topics, grade, stances), plus the small inputs the corpus part is built from. Computed once
 * per document (in a worker thread, then cached) so a re-run after one change rebuilds only the corpus parts.
 */
import type { PolicyDetail } from '../dataset.ts';
import type { Clause, Evidence } from '../types.ts';
import { stalenessGrade } from '../analyse/staleness/index.ts';
import { versionDatesFrom, type VersionDates } from '../analyse/versions/compare-versions.ts';
import type { ResidueFinding } from '../analyse/lineage/template-residue.ts';
import { makeMasker, maskEvidence } from './mask.ts';
import { documentFindings, type DocumentFindings } from './findings.ts';
import type { ContentBundle } from './content.ts';
import type { RecordOptions } from './options.ts';
import type { PolicyAnalysis, PolicyContext } from './policy.ts';
import { cellReviewFields, decisionsByClause } from './reviewer-decisions.ts';

/** The record's fields that the document alone decides, in the shape the record publishes them. */
export type DocumentFields = Pick<
  PolicyDetail,
  'metadata' | 'clauses' | 'text' | 'coverage' | 'outdatedReferences' | 'missingModernTopics' | 'grade' | 'stances'
>;

export const DOCUMENT_FIELDS = [
  'metadata',
  'clauses',
  'text',
  'coverage',
  'outdatedReferences',
  'missingModernTopics',
  'grade',
  'stances',
] as const satisfies readonly (keyof DocumentFields)[];

/** What the corpus part of the record is built from: small, and the same for every run over the same document. */
export interface RecordInputs {
  /** As analysed (before identity resolution, which the corpus part applies). */
  context: PolicyContext;
  format: PolicyDetail['summary']['format'];
  kind: string;
  /** The school as the document names itself, or null. */
  school: string | null;
  title: string | null;
  approved: PolicyDetail['summary']['approved'];
  lastReviewed: PolicyDetail['summary']['lastReviewed'];
  nextReview: PolicyDetail['summary']['nextReview'];
  reviewCycleMonths: PolicyDetail['summary']['reviewCycleMonths'];
  review: PolicyDetail['summary']['review'];
  grade: PolicyDetail['summary']['grade'];
  typesCovered: number;
  clauseCount: number;
  hasAcknowledgementForm: boolean;
  coverageCode: string;
  warnings: string[];
  /** Coverage without evidence, for the gaps against peers. */
  coverage: {
    typeId: string;
    status: PolicyDetail['coverage'][number]['status'];
    confidence: number;
    evidence: [];
    verified: boolean;
    /** The near-miss sentence of an absent cell (masked), so its gap reads "not found — check". */
    candidate?: NonNullable<PolicyDetail['coverage'][number]['candidate']>;
  }[];
  findings: DocumentFindings;
  /** Each stance's dimension, value and masked quote, in the analysis's order (conflicts cite the first). */
  stances: { dimensionId: string; value: string; quote: string }[];
  /** Template residue with masked evidence; the corpus part drops what names the school itself. */
  residue: { kind: ResidueFinding['kind']; token: string; entry: PolicyDetail['lineage']['residue'][number] }[];
  /** What the dataset's aggregates read of the out-of-date references. */
  outdatedIds: { referenceId: string; label: string }[];
}

export interface DocumentRecord {
  fields: DocumentFields;
  inputs: RecordInputs;
}

/** What a version comparison needs of one document (kept apart: read only when a pair of versions is compared). */
export interface VersionSide {
  context: Pick<PolicyContext, 'policyId' | 'sourceFile'>;
  dates: VersionDates;
  clauses: Clause[];
}

export function versionSide(a: PolicyAnalysis): VersionSide {
  return {
    context: { policyId: a.context.policyId, sourceFile: a.context.sourceFile },
    dates: versionDatesFrom(a.metadata),
    clauses: a.document.clauses,
  };
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

export function documentRecord(a: PolicyAnalysis, content: ContentBundle, options: RecordOptions): DocumentRecord {
  const mask = makeMasker(a.document.text, options.maskPersonalData);
  const grade = stalenessGrade({
    review: a.review,
    references: a.outdated,
    missing: a.missingModern,
    dates: { approved: a.metadata.approved?.value ?? null, lastReviewed: a.metadata.lastReviewed?.value ?? null, asOf: a.context.asOf },
  });
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
  const labelsByClause = new Map(a.classified.map((c) => [c.clauseId, c]));
  const reviewsByClause = decisionsByClause(a.labelReview);
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
      ...(reviewsByClause.has(c.id) ? { reviews: reviewsByClause.get(c.id) ?? [] } : {}),
    };
  });
  const m = a.metadata;
  const metaEvidence = <T>(v: { value: T; evidence: Evidence | null; source: string } | null) =>
    v === null ? null : { ...v, evidence: v.evidence ? maskEvidence(v.evidence, mask) : null };
  const titleOf = new Map(content.taxonomy.types.map((t) => [t.id, t.title]));

  const fields: DocumentFields = {
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
    coverage: a.coverage.map((cell) => ({
      ...cell,
      evidence: cell.evidence.map((e) => maskEvidence(e, mask)),
      ...(cell.candidate ? { candidate: maskEvidence(cell.candidate, mask) } : {}),
      ...cellReviewFields(cell, a.labelReview, content.taxonomy),
    })),
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
  };

  const inputs: RecordInputs = {
    context: a.context,
    format: a.document.format,
    kind: a.kind,
    school: m.school?.value ?? null,
    title: m.title?.value ?? null,
    approved: m.approved?.value ?? null,
    lastReviewed: m.lastReviewed?.value ?? null,
    nextReview: m.nextReview?.value ?? null,
    reviewCycleMonths: m.reviewCycleMonths?.value ?? null,
    review: { status: a.review.status, dueDate: a.review.dueDate, basis: a.review.basis, explanation: a.review.explanation },
    grade: grade.grade,
    typesCovered: a.coverage.filter((c) => c.status !== 'absent').length,
    clauseCount: a.document.clauses.length,
    hasAcknowledgementForm: a.document.hasAcknowledgementForm,
    coverageCode: coverageCode(a),
    warnings: [...a.document.warnings, ...m.warnings, ...a.staleOverrides],
    coverage: a.coverage.map((c) => ({
      typeId: c.typeId,
      status: c.status,
      confidence: c.confidence,
      evidence: [],
      verified: c.verified,
      // A gap a reviewer has checked is no longer "not found — check": its closest sentence is not offered again.
      ...(c.candidate && !cellReviewFields(c, a.labelReview, content.taxonomy).review ? { candidate: maskEvidence(c.candidate, mask) } : {}),
    })),
    findings: documentFindings(a, outdatedReferences, titleOf, mask),
    stances: a.stances.map((s) => ({ dimensionId: s.dimensionId, value: s.valueId, quote: mask(s.evidence.quote, s.evidence.start) })),
    residue: a.residue.map((r) => ({ kind: r.kind, token: r.token, entry: { ...maskEvidence(r.evidence, mask), reason: r.message } })),
    outdatedIds: outdatedReferences.map((r) => ({ referenceId: r.referenceId, label: r.label })),
  };
  return { fields, inputs };
}
