import { parseLabel, type ParsedLabel } from './labels.ts';
import { contentOf, type Unit } from './units.ts';

export interface HeadingDecision {
  /** Level from the reader or the numbering; null for an unnumbered plain-text heading (levelled by position). */
  level: number | null;
  label: ParsedLabel | null;
  /** Where the heading text starts (after its label). */
  textStart: number;
}

const YEAR = /\b(?:19|20)\d\d\b/;
/** A line opening with a person ("I have read…", "You must…") is a sentence, however short. */
const PERSONAL = /^(?:I|We|You|Our|My|Your|They|He|She|It|Please)\s+\p{Ll}/u;

/** "Term – what it means": one entry of a glossary, where a short entry looks like a title. */
const DEFINITION = /^\p{Lu}[^–—\n]{1,40}?\s[–—-]\s+\S/u;

/** Share of the line's letters (from `from`) inside its emphasised spans. */
function emphasisedShare(u: Unit, from: number): number {
  const letters = (a: number, b: number): number => u.text.slice(a - u.start, b - u.start).replace(/[^\p{L}]/gu, '').length;
  const total = letters(from, u.end);
  if (total === 0) return 0;
  let inside = 0;
  for (const s of u.emphasisSpans ?? []) {
    const a = Math.max(s.start, from);
    if (s.end > a) inside += letters(a, s.end);
  }
  return inside / total;
}

function titleLike(text: string, maxWords: number): boolean {
  const words = text.split(/\s+/).length;
  return text.length <= 100 && words <= maxWords && /^[\p{Lu}\p{N}'‘“"]/u.test(text) && !/[.;,]$/.test(text);
}

function isAllCaps(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 4 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

/**
 * Decides whether a line is a heading. Strong signs count anywhere: the reader said so (Word style, `<h2>`, `#`,
 * a bigger PDF font), the whole line is bold, it is in capitals, or it is a short numbered title ("4. Policy
 * rules") that is not one of a run of numbered items. A short title-like line standing alone between blank
 * lines is a heading only in plain text and Markdown, where nothing else marks headings.
 */
export function headingDecision(u: Unit, prev: Unit | undefined, next: Unit | undefined): HeadingDecision | null {
  if (u.bullet !== null) return null;
  // Every rule below wants a short line; long ones are settled before any regex runs.
  if (u.role !== 'heading' && u.text.length > 130) return null;
  const label = parseLabel(u.text, null, true);
  const textStart = u.start + (label ? label.length : 0);
  const rest = u.text.slice(textStart - u.start);
  if (u.role === 'heading') {
    return rest.trim() === '' ? { level: u.level, label: null, textStart: u.start } : { level: u.level, label, textStart };
  }
  if (u.role === 'list-item' || rest.trim() === '' || /[:]$/.test(rest) && !isAllCaps(rest)) return null;
  if (label && label.kind !== 'decimal' && label.kind !== 'section') return null;
  const level = label?.kind === 'decimal' ? Math.min(6, label.parts.length) : null;

  // Bold or capitals: a heading when it is short and does not read as a sentence.
  if (titleLike(rest, 14) && (emphasisedShare(u, textStart) >= 0.9 || isAllCaps(rest))) {
    return { level: level ?? (isAllCaps(rest) && !label ? 1 : null), label, textStart };
  }
  if (label?.kind === 'section' && titleLike(rest, 14)) return { level: 1, label, textStart };
  // "4. Policy rules": numbered and short, unless its neighbours are numbered siblings (a numbered list).
  if (label?.kind === 'decimal' && titleLike(rest, 12) && !YEAR.test(rest)) {
    const sibling = (v: Unit | undefined): boolean => {
      if (!v || v.role === 'heading') return false;
      const l = parseLabel(contentOf(v));
      return l?.kind === 'decimal' && l.parts.length === label.parts.length && Math.abs(l.ordinal - label.ordinal) === 1;
    };
    const inRun = sibling(next) || sibling(prev);
    if (!inRun) return { level, label, textStart };
    return null;
  }
  if (label) return null;
  // Plain text and Markdown: a short title-like line on its own, unless it is one of a run of "Term – meaning" lines.
  const definition = (v: Unit | undefined): boolean => v !== undefined && v.role !== 'heading' && DEFINITION.test(contentOf(v));
  if (DEFINITION.test(rest) && (definition(next) || definition(prev))) return null;
  if (u.role === 'unknown' && u.alone && /\p{L}{2}/u.test(rest) && titleLike(rest, 12) && !YEAR.test(rest) && !/:\s/.test(rest) && !/^["'‘“(]/.test(rest) && !PERSONAL.test(rest)) {
    return { level: null, label: null, textStart };
  }
  return null;
}
