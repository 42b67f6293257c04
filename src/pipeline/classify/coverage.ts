/**
 * Coverage: one cell per clause type (all of them, in taxonomy order) saying whether a policy covers it.
 *   present — some clause carries the type with confidence ≥ `present` (or a reviewer confirmed/added it);
 *   partial — the best clause only touches the type weakly (confidence in [`partial`, `present`));
 *   absent  — nothing reaches `partial`. Unsure is absent: a gap report must not invent coverage.
 * Evidence is the verbatim text of the supporting clauses, strongest first.
 */
import type { ClassifiedClause, Clause, CoverageCell, CoverageEvidence } from '../types.ts';
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

  const hits = new Map<string, { clause: Clause; confidence: number; reviewer: boolean }[]>();
  for (const cc of classified) {
    const clause = byId.get(cc.clauseId);
    if (!clause) continue;
    for (const label of cc.labels) {
      const list = hits.get(label.typeId) ?? [];
      list.push({ clause, confidence: label.source === 'reviewer' ? 1 : label.confidence, reviewer: label.source === 'reviewer' });
      hits.set(label.typeId, list);
    }
  }

  return taxonomy.types.map((type): CoverageCell => {
    const list = (hits.get(type.id) ?? []).sort(
      (a, b) => Number(b.reviewer) - Number(a.reviewer) || b.confidence - a.confidence || a.clause.start - b.clause.start,
    );
    const best = list[0];
    const confidence = best?.confidence ?? 0;
    const verified = best?.reviewer ?? false;
    const status = verified || confidence >= present ? 'present' : confidence >= partial ? 'partial' : 'absent';
    const evidence: CoverageEvidence[] =
      status === 'absent'
        ? []
        : list
            .filter((h) => h.reviewer || h.confidence >= partial)
            .slice(0, maxEvidence)
            .map((h) => ({ clauseId: h.clause.id, quote: h.clause.text, start: h.clause.start, end: h.clause.end }));
    return { typeId: type.id, status, confidence, evidence, verified };
  });
}
