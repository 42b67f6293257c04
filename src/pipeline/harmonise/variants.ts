/**
 * A member school's wording of one clause type (its "passage") and the grouping of passages into variants:
 * passages whose word sets overlap strongly (Dice ≥ threshold, after folding case, punctuation and the school's
 * own name into "the school") are one variant, so twelve copies of the same template read as one choice.
 */
import type { PolicyDetail } from '../dataset.ts';
import { diceOfSets, wordTokens } from '../analyse/diff/normalise.ts';
import { blocksToText, type Block } from './blocks.ts';
import { blocksFor, draftTextOf, placeClauses, type PlacedClause, type TypeIndex } from './placement.ts';

/** Default similarity for two passages to count as the same variant. */
export const VARIANT_THRESHOLD = 0.6;

export interface PassageClause {
  clauseId: string;
  /** The document's own number, e.g. "4.2". */
  label: string | null;
  start: number;
  end: number;
  /** The clause text with the school's own name replaced by "the school". */
  text: string;
}

export interface Passage {
  schoolId: string;
  policyId: string;
  /** The policy's approval or last review date (partial), for "most recent". */
  date: string | null;
  /** The type is only partly covered by these clauses. */
  partial: boolean;
  /** The clauses placed under the type (lead-ins shown with them are not listed), in document order. */
  clauses: PassageClause[];
  /** The wording as a reader needs it: items under their lead-ins. */
  blocks: Block[];
  /** The plain-text form of the blocks (blocks.ts). */
  text: string;
}

/**
 * A policy's passages, one per clause type it has clauses placed under (placement.ts): every clause in exactly one
 * passage, so no two types offer the same words of one school.
 */
export function passagesOf(
  detail: Pick<PolicyDetail, 'clauses' | 'coverage' | 'text'>,
  index: TypeIndex,
  ids: { schoolId: string; policyId: string; date: string | null; schoolName: string | null },
): Map<string, Passage> {
  const placed = placeClauses(detail, index);
  const byType = new Map<string, PlacedClause[]>();
  for (const p of placed) {
    if (!p.typeId || p.leadInOnly) continue;
    byType.set(p.typeId, [...(byType.get(p.typeId) ?? []), p]);
  }
  const out = new Map<string, Passage>();
  for (const [typeId, chosen] of byType) {
    const { blocks, clauseIds } = blocksFor(placed, chosen, ids.schoolName);
    if (blocks.length === 0) continue;
    const wanted = new Set(clauseIds);
    const clauses: PassageClause[] = chosen
      .filter((p) => wanted.has(p.clause.id))
      .map((p) => ({ clauseId: p.clause.id, label: p.clause.label, start: p.clause.start, end: p.clause.end, text: draftTextOf(p.clause, ids.schoolName) }));
    const cell = detail.coverage.find((c) => c.typeId === typeId);
    out.set(typeId, {
      schoolId: ids.schoolId,
      policyId: ids.policyId,
      date: ids.date,
      partial: cell?.status === 'partial',
      clauses,
      blocks,
      text: blocksToText(blocks),
    });
  }
  return out;
}

/** Word-set similarity of two passages (Dice), after normalising case and punctuation. */
export function passageSimilarity(a: string, b: string): number {
  return diceOfSets(new Set(wordTokens(a)), new Set(wordTokens(b)));
}

/**
 * Groups passages whose similarity reaches the threshold (single linkage, so the result does not depend on input
 * order). Groups come out largest first, then by their earliest member's position in the input.
 */
export function clusterPassages<P extends { text: string }>(passages: readonly P[], threshold = VARIANT_THRESHOLD): P[][] {
  const parent = passages.map((_, i) => i);
  const find = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r] ?? r;
    parent[i] = r;
    return r;
  };
  const sets = passages.map((p) => new Set(wordTokens(p.text)));
  for (let i = 0; i < passages.length; i++) {
    for (let j = i + 1; j < passages.length; j++) {
      const a = sets[i];
      const b = sets[j];
      if (a && b && diceOfSets(a, b) >= threshold) {
        const ri = find(i);
        const rj = find(j);
        if (ri !== rj) parent[Math.max(ri, rj)] = Math.min(ri, rj);
      }
    }
  }
  const groups = new Map<number, P[]>();
  passages.forEach((p, i) => {
    const r = find(i);
    groups.set(r, [...(groups.get(r) ?? []), p]);
  });
  return [...groups.entries()].sort(([ra, a], [rb, b]) => b.length - a.length || ra - rb).map(([, g]) => g);
}

/** The variant label for the n-th variant: A, B, … Z, AA, AB … */
export function variantLetter(n: number): string {
  let s = '';
  let i = n;
  do {
    s = String.fromCharCode(65 + (i % 26)) + s;
    i = Math.floor(i / 26) - 1;
  } while (i >= 0);
  return s;
}
