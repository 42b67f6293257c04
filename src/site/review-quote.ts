/**
 * The words a reviewer decision is pinned to (an overrides entry's `quote`): the sentence that carries a label, cut
 * to a readable length at a word boundary. Published text may have personal data masked ("[staff name]"), which
 * the policy itself does not contain, so the quote is the longest stretch without a mask: the build matches quotes
 * against the unmasked text. Also runs in the browser (a selection made with "It is here").
 */
/** A placeholder that masking put in the published text (src/pipeline/analyse/redact/mask.ts). */
export const MASK = /\[(?:staff name|email|phone)\]/;
const MAX = 120;

/** A quote the clause text is sure to contain, or null when there are fewer than 3 usable characters. */
export function pinQuote(words: string): string | null {
  const parts = words.split(MASK).map((p) => p.replace(/\s+/g, ' ').trim());
  let best = parts.reduce((a, b) => (b.length > a.length ? b : a), '');
  if (best.length > MAX) {
    const cut = best.lastIndexOf(' ', MAX);
    best = best.slice(0, cut > 40 ? cut : MAX).trim();
  }
  return best.length >= 3 ? best : null;
}

interface ClauseLike {
  text: string;
  start: number;
  end: number;
}

/** The quote for a label on a clause: its sentence when the published text lines up with the offsets, else the clause. */
export function labelQuote(clause: ClauseLike, sentence: { start: number; end: number } | undefined): string | null {
  const aligned = clause.text.length === clause.end - clause.start;
  const words = sentence && aligned ? clause.text.slice(sentence.start - clause.start, sentence.end - clause.start) : clause.text;
  return pinQuote(words) ?? pinQuote(clause.text);
}
