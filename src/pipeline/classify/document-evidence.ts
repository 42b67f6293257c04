/**
 * Coverage that a document shows outside its clauses. A review date or cycle is usually on a cover sheet or in a
 * version table, which structure keeps out of the clause list, and a signature form is excluded as a form; both
 * are still the document stating "gov-review-status" and "gov-acknowledgement". The metadata stage and the
 * structure stage have already found them, with their words, so a cell the clauses left absent takes them.
 */
import type { CoverageCell, Evidence, PolicyDocument, PolicyMetadata } from '../types.ts';

/** As sure as a strong cue: the field was read with its label. */
const CONFIDENCE = 0.9;

function anchorClause(document: PolicyDocument, at: number): string {
  const clauses = document.clauses;
  const inside = clauses.find((c) => c.start <= at && at < c.end);
  return (inside ?? clauses.find((c) => c.start >= at) ?? clauses[clauses.length - 1])?.id ?? '';
}

function fill(cells: CoverageCell[], typeId: string, evidence: Evidence, document: PolicyDocument): void {
  const cell = cells.find((c) => c.typeId === typeId);
  if (!cell || cell.status === 'present') return;
  cell.status = 'present';
  cell.confidence = Math.max(cell.confidence, CONFIDENCE);
  cell.evidence = [{ clauseId: anchorClause(document, evidence.start), ...evidence }, ...cell.evidence];
}

export function withDocumentEvidence(cells: CoverageCell[], document: PolicyDocument, metadata: PolicyMetadata): CoverageCell[] {
  const out = cells.map((c) => ({ ...c, evidence: [...c.evidence] }));
  const review = [metadata.nextReview, metadata.lastReviewed, metadata.reviewCycleMonths].find((v) => v?.evidence);
  if (review?.evidence) fill(out, 'gov-review-status', review.evidence, document);
  const form = document.excluded.find((e) => e.kind === 'signature-block');
  if (document.hasAcknowledgementForm && form) {
    const end = Math.min(form.end, form.start + 300);
    fill(out, 'gov-acknowledgement', { quote: document.text.slice(form.start, end), start: form.start, end }, document);
  }
  return out;
}
