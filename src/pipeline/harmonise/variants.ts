/**
 * A member school's wording of one clause type (its "passage") and the grouping of passages into variants:
 * passages whose word sets overlap strongly (Dice ≥ threshold, after folding case, punctuation and the school's
 * own name into "the school") are one variant, so twelve copies of the same template read as one choice.
 */
import type { PolicyDetail } from '../dataset.ts';
import { collapseWhitespace, diceOfSets, genericiseSchoolName, wordTokens } from '../analyse/diff/normalise.ts';

/** Default similarity for two passages to count as the same variant. */
export const VARIANT_THRESHOLD = 0.6;
/** Evidence clauses scoring below this share of the type's best clause are left out of the passage. */
const WEAK_EVIDENCE = 0.75;
/** Most list items taken after a lead-in clause. */
const MAX_LIST_ITEMS = 25;

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
  /** Evidence clauses in document order. */
  clauses: PassageClause[];
  /** Clause texts joined by blank lines. */
  text: string;
}

/**
 * The clauses a policy uses for a type: the coverage cell's evidence clauses (the classifier's best few, not
 * every passing mention), in document order, with their full text. Null when the policy does not cover the type.
 */
export function passageFor(
  detail: Pick<PolicyDetail, 'clauses' | 'coverage'>,
  typeId: string,
  ids: { schoolId: string; policyId: string; date: string | null; schoolName: string | null },
): Passage | null {
  const cell = detail.coverage.find((c) => c.typeId === typeId);
  if (!cell || cell.status === 'absent' || cell.evidence.length === 0) return null;
  const index = new Map(detail.clauses.map((c, i) => [c.id, i]));
  const confidence = (clauseId: string): number =>
    detail.clauses[index.get(clauseId) ?? -1]?.labels.find((l) => l.typeId === typeId)?.confidence ?? cell.confidence;
  const best = Math.max(...cell.evidence.map((e) => confidence(e.clauseId)));
  const seen = new Set<string>();
  const clauses: PassageClause[] = [];
  const add = (clauseId: string, fallback: { quote: string; start: number; end: number } | null): void => {
    if (seen.has(clauseId)) return;
    seen.add(clauseId);
    const c = detail.clauses[index.get(clauseId) ?? -1];
    // Datasets published without full text still carry the evidence quote.
    const raw = c && c.text.trim() !== '' ? c.text : (fallback?.quote ?? '');
    const text = collapseWhitespace(genericiseSchoolName(raw, ids.schoolName));
    if (text === '') return;
    clauses.push({ clauseId, label: c?.label ?? null, start: c?.start ?? fallback?.start ?? 0, end: c?.end ?? fallback?.end ?? 0, text });
  };
  for (const ev of cell.evidence) {
    // A much weaker second or third clause is usually a passing mention that belongs to another type.
    if (confidence(ev.clauseId) < WEAK_EVIDENCE * best) continue;
    add(ev.clauseId, ev);
    // A lead-in ("Staff must not:") means nothing without the list it introduces.
    const at = index.get(ev.clauseId);
    const lead = at === undefined ? undefined : detail.clauses[at];
    if (at !== undefined && lead && /:\s*$/.test(lead.text)) {
      for (let i = at + 1; i < detail.clauses.length && i <= at + MAX_LIST_ITEMS; i++) {
        const item = detail.clauses[i];
        if (!item || item.kind !== 'list-item') break;
        add(item.id, null);
      }
    }
  }
  if (clauses.length === 0) return null;
  clauses.sort((a, b) => a.start - b.start || (a.clauseId < b.clauseId ? -1 : 1));
  return {
    schoolId: ids.schoolId,
    policyId: ids.policyId,
    date: ids.date,
    partial: cell.status === 'partial',
    clauses,
    text: clauses.map((c) => c.text).join('\n\n'),
  };
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
