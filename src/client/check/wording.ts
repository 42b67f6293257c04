/**
 * For each clause type the checked policy covers, the published wording closest to its own clause, with a word
 * diff: "this is how others put it, and this is what yours changes". Uses the pipeline's word tokens, school-name
 * genericising and `wordDiff`, so the comparison matches the clause-type pages.
 */
import type { ClauseTypeDetail } from '../../pipeline/dataset.ts';
import type { Clause, CoverageCell } from '../../pipeline/types.ts';
import { wordingItemsFromCoverage } from '../../pipeline/analyse/wording/index.ts';
import { diceOfSets, genericiseSchoolName, wordTokens } from '../../pipeline/analyse/diff/normalise.ts';
import { wordDiff } from '../../pipeline/analyse/diff/word-diff.ts';
import type { WordingRow } from './protocol.ts';

/** Clauses longer than this (characters) are compared but not diffed word by word: the diff would not help. */
const MAX_DIFF_CHARS = 4000;

export function closestWordings(
  coverage: readonly CoverageCell[],
  clauses: readonly Clause[],
  details: ReadonlyMap<string, ClauseTypeDetail>,
  titleOf: (typeId: string) => string,
  schoolName: string | null,
): WordingRow[] {
  const clauseById = new Map(clauses.map((c) => [c.id, c]));
  const byType = new Map<string, { clauseId: string; text: string }[]>();
  for (const item of wordingItemsFromCoverage(coverage, clauses)) {
    const list = byType.get(item.typeId) ?? [];
    list.push(item);
    byType.set(item.typeId, list);
  }
  const rows: WordingRow[] = [];
  for (const cell of coverage) {
    const items = byType.get(cell.typeId);
    const detail = details.get(cell.typeId);
    if (!items?.length || !detail?.wordings.length) continue;
    let best: {
      item: (typeof items)[number];
      own: string;
      wording: ClauseTypeDetail['wordings'][number];
      score: number;
    } | null = null;
    for (const item of items) {
      const own = genericiseSchoolName(item.text, schoolName);
      const ownWords = new Set(wordTokens(own));
      for (const wording of detail.wordings) {
        const score = diceOfSets(ownWords, new Set(wordTokens(wording.text)));
        // Ties go to the more common wording, then the reference one: the most useful to read against.
        if (
          !best ||
          score > best.score ||
          (score === best.score &&
            (wording.count > best.wording.count || (wording.isReference && !best.wording.isReference)))
        ) {
          best = { item, own, wording, score };
        }
      }
    }
    if (!best) continue;
    const clause = clauseById.get(best.item.clauseId);
    const tooLong = best.own.length + best.wording.text.length > MAX_DIFF_CHARS;
    const diff = tooLong ? { rewritten: true as const } : wordDiff(best.wording.text, best.own);
    rows.push({
      typeId: cell.typeId,
      title: titleOf(cell.typeId),
      clauseId: best.item.clauseId,
      clauseLabel: clause?.label ?? null,
      own: best.item.text,
      published: best.wording.text,
      publishedCount: best.wording.count,
      isReference: best.wording.isReference,
      similarity: best.score,
      diff: diff.rewritten ? null : diff.ops.map((o) => ({ op: o.op, text: o.text })),
    });
  }
  return rows;
}

/** The published reference wording of a type (the most common), as a starting point for a gap. */
export function referenceWording(detail: ClauseTypeDetail | undefined): string | null {
  if (!detail) return null;
  return (detail.wordings.find((w) => w.isReference) ?? detail.wordings[0])?.text ?? null;
}
