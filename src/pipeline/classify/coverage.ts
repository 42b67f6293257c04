/**
 * Coverage: one cell per clause type (all of them, in taxonomy order) saying whether a policy covers it.
 *   present — some clause carries the type with confidence ≥ `present` (or a reviewer confirmed/added it);
 *   partial — the best clause only touches the type weakly (confidence in [`partial`, `present`));
 *   absent  — nothing reaches `partial`. Unsure is absent: a gap report must not invent coverage; the closest
 *             sentence, when one came near (a "near miss"), is kept as `candidate` for a person to check.
 * Evidence is the verbatim sentence that carries each label (the whole clause when it is one sentence),
 * strongest first.
 */
import type { ClassifiedClause, Clause, CoverageCell, CoverageEvidence, Span } from '../types.ts';
import type { Taxonomy } from '../taxonomy/load.ts';

export interface CoverageOptions {
  /** Minimum confidence of the best clause for `present`. */
  present?: number;
  /** Minimum confidence of the best clause for `partial`. */
  partial?: number;
  /** Most evidence quotes kept per cell. */
  maxEvidence?: number;
}

export const DEFAULT_COVERAGE = { present: 0.6, partial: 0.45, maxEvidence: 3 } as const;

export function computeCoverage(
  classified: ClassifiedClause[],
  clauses: Clause[],
  taxonomy: Taxonomy,
  options: CoverageOptions = {},
): CoverageCell[] {
  const present = options.present ?? DEFAULT_COVERAGE.present;
  const partial = options.partial ?? DEFAULT_COVERAGE.partial;
  const maxEvidence = options.maxEvidence ?? DEFAULT_COVERAGE.maxEvidence;
  const byId = new Map(clauses.map((c) => [c.id, c]));

  const hits = new Map<string, Hit[]>();
  const misses = new Map<string, Hit>();
  for (const cc of classified) {
    const clause = byId.get(cc.clauseId);
    if (!clause) continue;
    for (const label of cc.labels) {
      const list = hits.get(label.typeId) ?? [];
      list.push({ clause, span: label.sentence ?? clause, confidence: label.source === 'reviewer' ? 1 : label.confidence, reviewer: label.source === 'reviewer' });
      hits.set(label.typeId, list);
    }
    for (const miss of cc.nearMisses ?? []) {
      const best = misses.get(miss.typeId);
      if (!best || miss.confidence > best.confidence) misses.set(miss.typeId, { clause, span: miss.sentence ?? clause, confidence: miss.confidence, reviewer: false });
    }
  }

  return taxonomy.types.map((type): CoverageCell => {
    const list = (hits.get(type.id) ?? []).sort(
      (a, b) => Number(b.reviewer) - Number(a.reviewer) || b.confidence - a.confidence || a.clause.start - b.clause.start,
    );
    const best = list[0];
    const verified = best?.reviewer ?? false;
    const labelled = best?.confidence ?? 0;
    const status = verified || labelled >= present ? 'present' : labelled >= partial ? 'partial' : 'absent';
    if (status === 'absent') {
      // Nothing reached "partial": the closest sentence, if any came near, is offered for a person to check.
      const near = [best, misses.get(type.id)].filter((h): h is Hit => h !== undefined).sort((a, b) => b.confidence - a.confidence)[0];
      const cell: CoverageCell = { typeId: type.id, status, confidence: near?.confidence ?? 0, evidence: [], verified };
      if (near) cell.candidate = evidenceOf(near);
      return cell;
    }
    const evidence = list
      .filter((h) => h.reviewer || h.confidence >= partial)
      .slice(0, maxEvidence)
      .map(evidenceOf);
    return { typeId: type.id, status, confidence: labelled, evidence, verified };
  });
}

interface Hit {
  clause: Clause;
  /** The sentence carrying the label, or the whole clause. */
  span: Span;
  confidence: number;
  reviewer: boolean;
}

/** The sentence that carries the label, quoted from its clause, so a reader sees why and not a paragraph's start. */
function evidenceOf(h: Hit): CoverageEvidence {
  const { clause, span } = h;
  return { clauseId: clause.id, quote: clause.text.slice(span.start - clause.start, span.end - clause.start), start: span.start, end: span.end };
}
