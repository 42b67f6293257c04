/**
 * The rows of findings.csv for one policy, in a fixed order (review, cosmetic review, gaps, outdated references,
 * modern topics, stance conflicts, residue), each in plain English with its evidence. Built in two steps: what
 * the document alone decides (computed once per document and cached with its record's document part), then the
 * findings that need the corpus, interleaved in that order each run.
 */
import type { Finding, PolicyDetail } from '../dataset.ts';
import type { Masker } from './mask.ts';
import type { PolicyAnalysis } from './policy.ts';

/** The findings one document decides alone, with personal data already masked. */
export interface DocumentFindings {
  /** Null when the review is in date; dropped when a newer version replaced the document. */
  review: Finding | null;
  /** The metadata quotes a cosmetic-review finding cites, should the version comparison find one. */
  cosmeticEvidence: string;
  outdated: Finding[];
  modern: Finding[];
}

export interface CorpusFindingInputs {
  gaps: PolicyDetail['gaps'];
  residue: PolicyDetail['lineage']['residue'];
  /** Dimensions where this policy's stance differs from others in one of its groups. */
  conflicts?: { dimensionTitle: string; ownValue: string; others: { value: string; count: number }[]; group: string; evidence: string }[];
  /** Clause type titles by id. */
  titleOf: ReadonlyMap<string, string>;
  /** The change from the school's previous version of this document, when there is one. */
  version?: PolicyDetail['version'];
  /** The previous version's source file, for the plain-English detail. */
  previousFile?: string;
  /**
   * False when a newer version of the same document replaced this one: its review dates are history, so it gets
   * no review finding (the current version's count).
   */
  current?: boolean;
}

const percent = (share: number) => `${Math.round(share * 100)}%`;

/** The metadata the due date was worked out from, quoted as the evidence. */
function reviewEvidence(a: Pick<PolicyAnalysis, 'metadata' | 'review'>): string {
  const m = a.metadata;
  switch (a.review.basis) {
    case 'next-review':
      return m.nextReview?.evidence?.quote ?? '';
    case 'approval+cycle':
      return [m.approved?.evidence?.quote, m.reviewCycleMonths?.evidence?.quote].filter(Boolean).join(' … ');
    case 'last-review+cycle':
      return [m.lastReviewed?.evidence?.quote, m.reviewCycleMonths?.evidence?.quote].filter(Boolean).join(' … ');
    case 'none':
      return '';
  }
}

function reviewFinding(a: Pick<PolicyAnalysis, 'metadata' | 'review'>): Finding | null {
  const r = a.review;
  const evidence = reviewEvidence(a);
  switch (r.status) {
    case 'overdue':
      return {
        kind: 'review-overdue',
        clauseId: '',
        severity: (r.monthsOverdue ?? 0) >= 12 ? 'high' : 'medium',
        detail: r.explanation,
        evidence,
      };
    case 'due-soon':
      return { kind: 'review-due-soon', clauseId: '', severity: 'low', detail: r.explanation, evidence };
    case 'no-review-date':
      return { kind: 'no-review-date', clauseId: '', severity: 'medium', detail: r.explanation, evidence: '' };
    case 'in-date':
      return null;
  }
}

export function documentFindings(
  a: Pick<PolicyAnalysis, 'metadata' | 'review' | 'missingModern'>,
  outdatedReferences: PolicyDetail['outdatedReferences'],
  titleOf: ReadonlyMap<string, string>,
  mask: Masker,
): DocumentFindings {
  const review = reviewFinding(a);
  const m = a.metadata;
  return {
    review: review ? { ...review, evidence: mask(review.evidence, 0) } : null,
    cosmeticEvidence: mask([m.approved?.evidence?.quote, m.lastReviewed?.evidence?.quote, m.nextReview?.evidence?.quote].filter(Boolean).join(' … '), 0),
    outdated: outdatedReferences.map((r) => ({
      kind: 'outdated-reference',
      clauseId: '',
      severity: r.severity,
      detail: `Refers to ${r.label}${r.count > 1 ? ` (${r.count} times)` : ''}: ${r.replacedBy} (since ${r.since}).`,
      evidence: r.evidence.quote,
    })),
    modern: a.missingModern.map((t) => {
      const title = titleOf.get(t.typeId) ?? t.typeId;
      return {
        kind: 'missing-modern-topic',
        clauseId: t.typeId,
        severity: t.expectedAtApproval ? 'medium' : 'low',
        detail: t.expectedAtApproval
          ? `Nothing on "${title}", expected since ${t.expectedSince}: already expected when this policy was approved.`
          : `Nothing on "${title}", expected since ${t.expectedSince}: it became expected after this policy was approved.`,
        evidence: '',
      };
    }),
  };
}

/** Dates moved since the previous version but the text did not: the review may have been on paper only. */
function cosmeticReviewFinding(doc: DocumentFindings, inputs: CorpusFindingInputs): Finding | null {
  const v = inputs.version;
  if (!v?.reviewDateMovedTextUnchanged) return null;
  return {
    kind: 'cosmetic-review',
    clauseId: '',
    severity: 'medium',
    detail:
      `The review date moved but the text is unchanged since the previous version${inputs.previousFile ? ` (${inputs.previousFile})` : ''}: ` +
      `${v.unchanged} clauses unchanged, ${v.changed} changed, ${v.added} added, ${v.removed} removed. The review may have been on paper only.`,
    evidence: doc.cosmeticEvidence,
  };
}

export function policyFindings(doc: DocumentFindings, inputs: CorpusFindingInputs): Finding[] {
  const findings: Finding[] = [];
  const review = inputs.current === false ? null : doc.review;
  if (review) findings.push(review);
  const cosmetic = cosmeticReviewFinding(doc, inputs);
  if (cosmetic) findings.push(cosmetic);

  for (const g of inputs.gaps) {
    const title = inputs.titleOf.get(g.typeId) ?? g.typeId;
    const basis =
      g.basis === 'peers'
        ? `${percent(g.peerShare ?? 0)} of peer policies (${g.group ?? 'all policies'}) include it`
        : g.basis === 'guidance-core'
          ? 'current guidance expects it (core)'
          : 'current guidance recommends it';
    findings.push({
      kind: 'gap',
      clauseId: g.typeId,
      severity: g.severity,
      detail: `No clause on "${title}": ${basis}${g.note ? `; ${g.note}` : ''}${g.coveredElsewhere ? `; the school's ${g.coveredElsewhere} covers it` : ''}.`,
      evidence: '',
      ...(g.candidate ? { candidate: g.candidate.quote } : {}),
    });
  }

  findings.push(...doc.outdated, ...doc.modern);

  for (const c of inputs.conflicts ?? []) {
    const others = c.others.map((o) => `${o.count} say "${o.value}"`).join(', ');
    findings.push({
      kind: 'stance-conflict',
      clauseId: '',
      severity: 'low',
      detail: `${c.dimensionTitle}: this policy says "${c.ownValue}"; in ${c.group}, ${others}.`,
      evidence: c.evidence,
    });
  }

  for (const r of inputs.residue) {
    findings.push({ kind: 'template-residue', clauseId: '', severity: 'medium', detail: r.reason, evidence: r.quote });
  }
  return findings;
}
