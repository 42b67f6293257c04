/**
 * Turns one analysed policy into the report a published policy page gives: details with their source words
 * (corrected where the governor says so), review status and staleness grade, coverage by category against the
 * corpus and a chosen peer group, gaps with why they matter and what to ask, out-of-date references, missing
 * modern topics, and the closest published wording of each covered type. Pure: the worker calls it after the
 * analysis and again whenever a date or the peer group changes.
 */
import type { PolicyAnalysis } from '../../pipeline/run/policy.ts';
import type { Taxonomy } from '../../pipeline/taxonomy/index.ts';
import type { ClauseTypeDetail, Dataset } from '../../pipeline/dataset.ts';
import type { MetaValue, PolicyMetadata } from '../../pipeline/types.ts';
import { applyMetadataOverride } from '../../pipeline/metadata/overrides.ts';
import {
  reviewStatus,
  missingModernTopics,
  stalenessGrade,
  gradeFormula,
} from '../../pipeline/analyse/staleness/index.ts';
import {
  findGaps,
  documentKind,
  documentAudience,
  shareOf,
  groupKey,
  withoutGuidanceToSchools,
  type GroupPrevalence,
} from '../../pipeline/analyse/gaps/index.ts';
import { partialDate } from '../../site/format.ts';
import { plainSource } from '../../site/plain.ts';
import { groupRefFor, inGroup, median, peerLabel, type PeerPolicy } from './peers.ts';
import { closestWordings, referenceWording } from './wording.ts';
import {
  EDITABLE_FIELDS,
  type CategoryRow,
  type CheckReport,
  type CoverageRow,
  type EditableField,
  type Edits,
  type MetaRow,
  type PeerChoice,
} from './protocol.ts';

/** Months ahead that count as "review due soon": the CLI's default (--due-soon 3). */
export const DUE_SOON_MONTHS = 3;
/** The id the checked policy goes by; no reviewer override or corpus entry uses it. */
export const CHECKED_POLICY_ID = 'checked-policy';

export interface ReportInputs {
  analysis: PolicyAnalysis;
  fileName: string;
  asOf: string;
  edits: Edits;
  peer: PeerChoice;
  dataset: Pick<Dataset, 'meta' | 'taxonomy'>;
  taxonomy: Taxonomy;
  peers: readonly PeerPolicy[];
  prevalence: ReadonlyMap<string, GroupPrevalence>;
  clauseTypes: ReadonlyMap<string, ClauseTypeDetail>;
}

const FIELD_LABEL: Record<EditableField | 'audiences', string> = {
  school: 'School',
  title: 'Title',
  approved: 'Approved',
  last_reviewed: 'Last reviewed',
  next_review: 'Next review due',
  review_cycle_months: 'Review cycle (months)',
  approving_body: 'Approved by',
  audiences: 'Applies to',
};

const SEVERITY_RANK = { high: 0, medium: 1, low: 2 } as const;

const DATE_FIELDS: ReadonlySet<string> = new Set(['approved', 'last_reviewed', 'next_review']);

function metaValueOf(
  meta: PolicyMetadata,
  field: EditableField | 'audiences',
): MetaValue<string | number | string[]> | null {
  switch (field) {
    case 'school':
      return meta.school;
    case 'title':
      return meta.title;
    case 'approved':
      return meta.approved;
    case 'last_reviewed':
      return meta.lastReviewed;
    case 'next_review':
      return meta.nextReview;
    case 'review_cycle_months':
      return meta.reviewCycleMonths;
    case 'approving_body':
      return meta.approvingBody;
    case 'audiences':
      return meta.audiences;
  }
}

/** Applies the governor's corrections with the same validation as content/overrides.yaml; bad ones are reported. */
export function correctedMetadata(
  meta: PolicyMetadata,
  edits: Edits,
): { meta: PolicyMetadata; errors: Map<string, string> } {
  let current = meta;
  const errors = new Map<string, string>();
  for (const field of EDITABLE_FIELDS) {
    const value = edits[field]?.trim();
    if (!value) continue;
    const r = applyMetadataOverride(current, { policy: CHECKED_POLICY_ID, field, value });
    if (r.ok) current = r.meta;
    else errors.set(field, r.error.replace(`override for ${CHECKED_POLICY_ID} ${field}: `, ''));
  }
  return { meta: current, errors };
}

function sourceText(source: string): string {
  switch (source) {
    case 'reviewer':
      return 'Corrected by you';
    case 'derived':
      return 'Worked out from other details';
    case 'front-matter':
      return 'From the document properties';
    case 'email-domain':
      return 'Guessed from an e-mail address';
    case 'url':
      return 'Guessed from a web address';
    case 'file-name':
      return 'Guessed from the file name';
    default:
      return 'Read from the text';
  }
}

function metaRows(meta: PolicyMetadata, edits: Edits, errors: Map<string, string>): MetaRow[] {
  return [...EDITABLE_FIELDS, 'audiences' as const].map((field) => {
    const v = metaValueOf(meta, field);
    const value = v?.value;
    let display: string | null = null;
    let raw = '';
    if (Array.isArray(value)) {
      display = value.join(', ');
      raw = display;
    } else if (typeof value === 'number') {
      display = `${value} months`;
      raw = String(value);
    } else if (typeof value === 'string') {
      display = DATE_FIELDS.has(field) ? partialDate(value) : value;
      raw = value;
    }
    const editable = field !== 'audiences';
    const typed = editable ? edits[field as EditableField] : undefined;
    return {
      field,
      label: FIELD_LABEL[field],
      display,
      // A rejected correction stays in the box so it can be fixed.
      raw: typed && errors.has(field) ? typed : raw,
      quote: v?.evidence?.quote ?? null,
      source: v ? sourceText(v.source) : 'Not stated',
      error: errors.get(field) ?? null,
      editable,
    };
  });
}

function categoryRows(
  inputs: ReportInputs,
  covered: ReadonlySet<string>,
  groupPeers: readonly PeerPolicy[] | null,
): CategoryRow[] {
  const { taxonomy } = inputs.dataset;
  const shareIn = (has: (typeId: string) => boolean, typeIds: readonly string[]) =>
    typeIds.length === 0 ? 0 : typeIds.filter(has).length / typeIds.length;
  const coveredBy = (p: PeerPolicy) => new Set(p.coverage.filter((c) => c.status !== 'absent').map((c) => c.typeId));
  const peerSets = inputs.peers.map((p) => ({ p, set: coveredBy(p) }));
  const groupSets = groupPeers ? peerSets.filter((x) => groupPeers.includes(x.p)) : null;
  return taxonomy.categories.map((cat) => {
    const typeIds = taxonomy.types.filter((t) => t.category === cat.id).map((t) => t.id);
    return {
      id: cat.id,
      title: cat.title,
      types: typeIds.length,
      own: shareIn((id) => covered.has(id), typeIds),
      corpusMedian: median(peerSets.map(({ set }) => shareIn((id) => set.has(id), typeIds))),
      groupMedian: groupSets ? median(groupSets.map(({ set }) => shareIn((id) => set.has(id), typeIds))) : null,
    };
  });
}

export function buildReport(inputs: ReportInputs): CheckReport {
  const { dataset, taxonomy } = inputs;
  // A template's advice to its adopters ("schools may wish to…") is not the school's rule: it covers nothing.
  const a = { ...inputs.analysis, coverage: withoutGuidanceToSchools(inputs.analysis.coverage, inputs.analysis.document.clauses) };
  const audience = documentAudience(a.document.text);
  const { meta, errors } = correctedMetadata(a.metadata, inputs.edits);
  const approved = meta.approved?.value ?? null;
  const lastReviewed = meta.lastReviewed?.value ?? null;
  const review = reviewStatus(meta, inputs.asOf, DUE_SOON_MONTHS);
  const missing = missingModernTopics(
    a.coverage,
    taxonomy.types.map((t) => ({ id: t.id, title: t.title, expected_since: t.expectedSince })),
    approved,
  );
  const grade = stalenessGrade({ review, references: a.outdated, missing, dates: { approved, lastReviewed, asOf: inputs.asOf } });

  const corpusRef = groupRefFor({ kind: 'corpus', name: '' }, inputs.prevalence);
  const chosenRef = groupRefFor(inputs.peer, inputs.prevalence);
  const groups = inputs.peer.kind === 'corpus' ? [corpusRef] : [corpusRef, chosenRef];
  const corpusEntry = inputs.prevalence.get(groupKey(corpusRef));
  const groupEntry = inputs.peer.kind === 'corpus' ? null : (inputs.prevalence.get(groupKey(chosenRef)) ?? null);
  const groupPeers = inputs.peer.kind === 'corpus' ? null : inputs.peers.filter((p) => inGroup(p, chosenRef));

  const guidance = new Map(dataset.taxonomy.types.map((t) => [t.id, t]));
  const titleOf = (typeId: string): string =>
    guidance.get(typeId)?.title ?? taxonomy.types.find((t) => t.id === typeId)?.title ?? typeId;
  const clauseById = new Map(a.document.clauses.map((c) => [c.id, c]));
  const staleClauses = new Set(a.outdated.filter((h) => !h.historical).map((h) => h.clauseId));

  const coverage: CoverageRow[] = a.coverage.map((cell) => {
    const t = guidance.get(cell.typeId);
    return {
      typeId: cell.typeId,
      title: titleOf(cell.typeId),
      category: t?.category ?? '',
      level: t?.level ?? 'optional',
      status: cell.status,
      stale: cell.status !== 'absent' && cell.evidence.some((e) => staleClauses.has(e.clauseId)),
      confidence: cell.confidence,
      evidence: cell.evidence.map((e) => ({
        clauseId: e.clauseId,
        label: clauseById.get(e.clauseId)?.label ?? null,
        quote: e.quote,
      })),
      corpusShare: corpusEntry ? shareOf(corpusEntry, cell.typeId) : 0,
      groupShare: groupEntry ? shareOf(groupEntry, cell.typeId) : null,
    };
  });
  const covered = new Set(coverage.filter((c) => c.status !== 'absent').map((c) => c.typeId));

  const gaps = findGaps({ coverage: a.coverage, approved, lastReviewed }, taxonomy.types, inputs.prevalence, groups, {
    selfIncluded: false,
    nation: null,
  }).map((g) => {
    const t = guidance.get(g.typeId);
    return {
      typeId: g.typeId,
      title: titleOf(g.typeId),
      basis: g.basis,
      severity: g.severity,
      group: g.group
        ? g.group.kind === 'corpus'
          ? peerLabel({ kind: 'corpus', name: '' })
          : peerLabel({ kind: g.group.kind, name: g.group.name })
        : null,
      peerShare: g.peerShare ?? null,
      peerCount: g.peerCount ?? null,
      whyItMatters: t?.whyItMatters ?? null,
      whatToAsk: t?.whatToAsk ?? null,
      expectedSince: g.expectedSince ?? null,
      predatesGuidance: g.predatesGuidance ?? null,
      suggestedWording: referenceWording(inputs.clauseTypes.get(g.typeId)),
    };
  });

  const schoolName = meta.school?.value ?? null;
  return {
    schemaVersion: 1,
    tool: dataset.meta.tool,
    fileName: inputs.fileName,
    format: a.document.format,
    pages: a.document.pages ?? null,
    clauseCount: a.document.clauses.length,
    asOf: inputs.asOf,
    dataAsOf: dataset.meta.asOf,
    taxonomyVersion: dataset.meta.taxonomyVersion,
    referencesVersion: dataset.meta.referencesVersion,
    kind: documentKind(meta.title?.value ?? null, inputs.fileName),
    metadata: metaRows(meta, inputs.edits, errors),
    metadataWarnings: meta.warnings,
    documentWarnings: a.document.warnings,
    documentNotes: audience.reasons,
    review: { status: review.status, dueDate: review.dueDate, explanation: review.explanation },
    grade: {
      grade: grade.grade,
      points: grade.points,
      breakdown: grade.breakdown.map((b) => ({ reason: b.label, points: b.points })),
    },
    gradeFormula: gradeFormula(),
    peer: {
      kind: inputs.peer.kind,
      name: inputs.peer.name,
      label: peerLabel(inputs.peer),
      size: (groupEntry ?? corpusEntry)?.size ?? 0,
    },
    corpusSize: corpusEntry?.size ?? 0,
    categories: categoryRows(inputs, covered, groupPeers),
    coverage,
    gaps,
    // What needs changing first: current problems before ones the policy already notes, then by severity.
    outdated: [...a.outdated]
      .sort(
        (x, y) =>
          Number(x.historical) - Number(y.historical) ||
          SEVERITY_RANK[x.entry.severity] - SEVERITY_RANK[y.entry.severity],
      )
      .map((h) => ({
        referenceId: h.entryId,
        label: h.entry.label,
        kind: h.entry.kind,
        replacedBy: h.entry.replaced_by,
        since: h.entry.since,
        source: plainSource(h.entry.source) ?? '',
        severity: h.entry.severity,
        count: h.count,
        quote: h.evidence.quote,
        clauseId: h.clauseId,
        historical: h.historical,
      })),
    missingModern: missing.map((m) => ({
      typeId: m.typeId,
      title: titleOf(m.typeId),
      expectedSince: m.expectedSince,
      expectedAtApproval: m.expectedAtApproval,
    })),
    stances: a.stances.map((s) => ({ dimension: s.dimensionTitle, value: s.valueLabel, quote: s.evidence.quote })),
    residue: a.residue.map((r) => ({ quote: r.evidence.quote, reason: r.message })),
    wordings: closestWordings(a.coverage, a.document.clauses, inputs.clauseTypes, titleOf, schoolName),
    hasAcknowledgementForm: a.document.hasAcknowledgementForm,
  };
}
