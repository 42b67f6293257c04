/**
 * The sentence-level units the learned model reads and evidence quotes cite: each clause split at sentence
 * boundaries (a bullet or a short clause is one unit). A rule is usually one sentence, and a reader should see
 * the sentence that carries a label, not the first lines of a long paragraph.
 */
import type { Clause, Span } from '../types.ts';
import { sentenceStarts } from '../structure/sentences.ts';
import { leadInIndex } from './lead-in.ts';

export interface SentenceUnit extends Span {
  /** Index of the clause in the document's clause list. */
  clause: number;
  /** The sentence itself: `documentText.slice(start, end)`. */
  text: string;
}

/** Pieces shorter than this are joined to the sentence before them ("Yes.", "(a)"). */
const MIN_UNIT = 12;

/** Sentences of one clause, with exact offsets into the document text. */
export function clauseSentences(clause: Clause, index: number): SentenceUnit[] {
  const cuts = sentenceStarts(clause.text).filter((s) => s >= MIN_UNIT && clause.text.length - s >= MIN_UNIT);
  const bounds = [0, ...cuts, clause.text.length];
  const units: SentenceUnit[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const from = bounds[k] as number;
    const to = bounds[k + 1] as number;
    const raw = clause.text.slice(from, to);
    const text = raw.trim();
    if (text === '') continue;
    const start = clause.start + from + (raw.length - raw.trimStart().length);
    units.push({ clause: index, start, end: start + text.length, text });
  }
  return units;
}

/** Every clause's sentences, in document order. */
export function sentenceUnits(clauses: readonly Clause[]): SentenceUnit[] {
  return clauses.flatMap((c, i) => clauseSentences(c, i));
}

/** The lead-in text ("You must not:") for each clause, or null; indexes follow `clauses`. */
export function leadIns(clauses: readonly Clause[]): (string | null)[] {
  return clauses.map((_, i) => {
    const at = leadInIndex(clauses, i);
    return at >= 0 ? (clauses[at]?.text ?? null) : null;
  });
}

/**
 * The sentence of a multi-sentence clause that contains `phrase` (a cue's match), so evidence can point at it;
 * null for a one-sentence clause (the clause is the sentence) or when no single sentence holds the phrase.
 */
export function sentenceWith(units: readonly SentenceUnit[], phrase: string | null): Span | null {
  if (phrase === null || units.length < 2) return null;
  const unit = units.find((u) => u.text.includes(phrase));
  return unit ? { start: unit.start, end: unit.end } : null;
}
