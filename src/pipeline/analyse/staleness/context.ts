/** Widening a matched span to a readable quote, staying inside the line it sits on. */
import type { Evidence, Span } from '../../types.ts';

/**
 * The span plus up to `words` words either side, never crossing a line break (a list item or paragraph
 * boundary), so the quote stays verbatim: `quote === text.slice(start, end)`.
 */
export function withContext(text: string, span: Span, words = 6): Evidence {
  const lineStart = text.lastIndexOf('\n', span.start - 1) + 1;
  const newline = text.indexOf('\n', span.end);
  const lineEnd = newline === -1 ? text.length : newline;
  const left = text.slice(lineStart, span.start);
  const right = text.slice(span.end, lineEnd);
  const rightMatch = new RegExp(`^(?:[^\\S\\n]+\\S+){0,${words}}`, 'u').exec(right);
  const start = span.start - trailingWordsLength(left, words);
  const end = span.end + (rightMatch?.[0].length ?? 0);
  return { start, end, quote: text.slice(start, end) };
}

const SPACE = /\s/u;

/**
 * What `/(?:\S+[^\S\n]+){0,words}$/u` matches in `left` (text without line breaks), found by stepping back word
 * by word instead of trying the pattern at every position of a long line. The words must end in a space: a span
 * that starts mid-word ("(RIPA)") gets no left context, as before.
 */
function trailingWordsLength(left: string, words: number): number {
  let i = left.length;
  if (i === 0 || !SPACE.test(left[i - 1] as string)) return 0;
  for (let n = 0; n < words; n += 1) {
    let j = i;
    while (j > 0 && SPACE.test(left[j - 1] as string)) j -= 1;
    if (j === 0) break;
    while (j > 0 && !SPACE.test(left[j - 1] as string)) j -= 1;
    i = j;
  }
  return left.length - i;
}

/** The sentence around a span: bounded by a full stop, semicolon, colon or line break. */
export function sentenceAround(text: string, span: Span): Span {
  let start = span.start;
  while (start > 0 && !/[\n;:]/.test(text[start - 1] ?? '') && !/[.!?]\s/.test(text.slice(start - 2, start))) start -= 1;
  let end = span.end;
  while (end < text.length && !/[\n;]/.test(text[end] ?? '') && !/[.!?](?:\s|$)/.test(text.slice(end, end + 2))) end += 1;
  if (end < text.length && /[.!?]/.test(text[end] ?? '')) end += 1;
  while (start < end && /\s/.test(text[start] ?? '')) start += 1;
  while (end > start && /\s/.test(text[end - 1] ?? '')) end -= 1;
  return { start, end };
}
