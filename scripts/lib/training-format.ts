import type { LabelledSentence } from '../../src/pipeline/classify/training.ts';

/** One line of a training file, keys in a fixed order so a rewrite changes only what changed. */
export function formatSentence(s: LabelledSentence): string {
  return `${JSON.stringify({ u: s.u, headings: s.headings, leadIn: s.leadIn, text: s.text, types: s.types })}\n`;
}
