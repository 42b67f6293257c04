import { describe, expect, it } from 'vitest';
import { withContext } from '../../../src/pipeline/analyse/staleness/context.ts';
import { readSeed, SEEDS, type SeedName } from './seed-helpers.ts';

/** The definition the word-by-word scan replaced: up to `words` words before the span, within its line. */
function byRegExp(text: string, span: { start: number; end: number }, words = 6) {
  const lineStart = text.lastIndexOf('\n', span.start - 1) + 1;
  const newline = text.indexOf('\n', span.end);
  const left = text.slice(lineStart, span.start);
  const right = text.slice(span.end, newline === -1 ? text.length : newline);
  const start = span.start - (new RegExp(`(?:\\S+[^\\S\\n]+){0,${words}}$`, 'u').exec(left)?.[0].length ?? 0);
  const end = span.end + (new RegExp(`^(?:[^\\S\\n]+\\S+){0,${words}}`, 'u').exec(right)?.[0].length ?? 0);
  return { start, end, quote: text.slice(start, end) };
}

describe('withContext', () => {
  it('quotes a few words either side within the line', () => {
    const text = 'Staff must comply with the Data Protection Act 1998 at all times when using school systems.\nNext line';
    const start = text.indexOf('Data');
    expect(withContext(text, { start, end: start + 'Data Protection Act 1998'.length }, 3).quote).toBe(
      'comply with the Data Protection Act 1998 at all times',
    );
  });

  it('matches the pattern definition at every word of every seed, and mid-word and line-start spans', () => {
    for (const name of Object.keys(SEEDS) as SeedName[]) {
      const text = readSeed(name);
      for (const m of text.matchAll(/\S+/gu)) {
        for (const span of [
          { start: m.index, end: m.index + m[0].length },
          { start: m.index + 1, end: m.index + m[0].length },
        ]) {
          for (const words of [0, 1, 6]) expect(withContext(text, span, words)).toEqual(byRegExp(text, span, words));
        }
      }
    }
    for (const text of ['   leading spaces', 'tab\tseparated  words here', 'emoji 😀 then words', '']) {
      for (let start = 0; start <= text.length; start++) expect(withContext(text, { start, end: start })).toEqual(byRegExp(text, { start, end: start }));
    }
  });
});
