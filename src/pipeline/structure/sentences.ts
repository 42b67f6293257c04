import type { Span } from '../types.ts';

/** Abbreviations whose full stop does not end a sentence. */
const ABBREVIATIONS = new Set([
  'e.g', 'eg', 'i.e', 'ie', 'etc', 'mr', 'mrs', 'ms', 'dr', 'no', 'nos', 'st', 'vs', 'cf', 'incl', 'approx', 'fig',
  'p', 'pp', 'para', 'ref', 'tel', 'ext', 'dept', 'govt', 'inc', 'ltd', 'co', 'esp', 'viz', 'al', 'sec', 'min', 'max',
]);

const BOUNDARY = /[.!?]["'’”)\]]?\s+(?=["'‘“(]?[\p{Lu}\p{N}])/gu;

/** Offsets where a new sentence starts inside `text` (never 0). */
export function sentenceStarts(text: string): number[] {
  const starts: number[] = [];
  for (const m of text.matchAll(BOUNDARY)) {
    const dot = m.index;
    const word = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, dot - 12), dot))?.[1] ?? '';
    if (text[dot] === '.' && (ABBREVIATIONS.has(word.toLowerCase()) || /^\p{Lu}$/u.test(word))) continue;
    starts.push(dot + m[0].length);
  }
  return starts;
}

/**
 * Splits a long span of text at sentence boundaries into pieces of about `max` characters or fewer (a single
 * longer sentence stays whole). Offsets are exact: every piece is a slice of the original, trimmed.
 */
export function splitLong(text: string, base: number, max = 600): Span[] {
  if (text.length <= max) return [{ start: base, end: base + text.length }];
  const starts = sentenceStarts(text);
  const pieces: Span[] = [];
  let from = 0;
  let lastCut = 0;
  for (const s of starts) {
    if (s - from > max && lastCut > from) {
      pieces.push({ start: from, end: lastCut });
      from = lastCut;
    }
    lastCut = s;
  }
  if (text.length - from > max && lastCut > from) {
    pieces.push({ start: from, end: lastCut });
    from = lastCut;
  }
  pieces.push({ start: from, end: text.length });
  return pieces
    .map((p) => {
      const slice = text.slice(p.start, p.end);
      const lead = slice.length - slice.trimStart().length;
      return { start: base + p.start + lead, end: base + p.start + slice.trimEnd().length };
    })
    .filter((p) => p.end > p.start);
}
