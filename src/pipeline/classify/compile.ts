/**
 * Turns a taxonomy's cue sources into regular expressions once, cached per taxonomy object, plus an index that
 * keeps throughput high: most cues start with a keyword (`\b(?:password|passcode)…`), so each cue is filed under
 * the first letters of its possible opening words. A clause then runs only the cues whose opening word stems
 * occur in it (typically a few dozen of ~600) instead of every cue. Cues that open with something else (an
 * optional group, punctuation) are "unindexed" and always run. The index only skips cues that cannot match, so
 * results are identical to running every cue.
 */
import type { Cue, Taxonomy } from '../taxonomy/load.ts';

export interface CompiledCue {
  /** Index of the type in taxonomy.types. */
  type: number;
  re: RegExp;
  weight: number;
  kind: Cue['kind'];
}

export interface CompiledType {
  id: string;
  /** Counter-cues, tested one by one (there are few). */
  negative: { re: RegExp; weight: number }[];
  headings: { re: RegExp; weight: number; kind: Cue['kind'] }[];
  minConfidence: number | null;
}

export interface CompiledTaxonomy {
  types: CompiledType[];
  /** Positive text cues of all types. */
  cues: CompiledCue[];
  /** Word stem (2–4 leading letters) → indexes into `cues` of the cues that may open with it. */
  byStem: Map<string, number[]>;
  /** Cues with no indexable opening word: run on every clause. */
  unindexed: number[];
}

const STEM = 4;
const cache = new WeakMap<Taxonomy, CompiledTaxonomy>();

/** Splits `body` at top-level `|`. */
function topLevelAlternatives(body: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let inClass = false;
  let last = 0;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      continue;
    }
    if (ch === '[') inClass = true;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === '|' && depth === 0) {
      parts.push(body.slice(last, i));
      last = i + 1;
    }
  }
  parts.push(body.slice(last));
  return parts;
}

/** Index of the `)` closing the group that opens at `open`, or -1. */
function closingParen(source: string, open: number): number {
  let depth = 0;
  let inClass = false;
  for (let i = open; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      continue;
    }
    if (ch === '[') inClass = true;
    else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return i;
  }
  return -1;
}

/** An optional separator between two letter runs: `-?`, `[- ]?`, `\s*`, `\s?`, `\W?`. */
const OPTIONAL_SEPARATOR = /^(?:-\?|\[- \]\?|\[ -\]\?|\\s\*|\\s\?|\\W\?)/;

/**
 * Stems a regex fragment may open with (it must match from a word start), or null when it cannot be indexed.
 * Stems are the first 2–4 letters of the opening word, or a whole one-letter word ("I", the "e" of "e-mail").
 */
export function openingStems(fragment: string, follow = ''): string[] | null {
  const alternatives = topLevelAlternatives(fragment);
  if (alternatives.length > 1) {
    const all: string[] = [];
    for (const alt of alternatives) {
      const stems = openingStems(alt, follow);
      if (stems === null) return null;
      all.push(...stems);
    }
    return all;
  }
  let s = fragment.startsWith('\\b') ? fragment.slice(2) : fragment;
  if (s.startsWith('(?:')) {
    const close = closingParen(s, 0);
    if (close < 0) return null;
    const rest0 = s.slice(close + 1);
    const inner = openingStems(s.slice(3, close), /^[?*{]/.test(rest0) ? '' : rest0);
    if (inner === null) return null;
    const rest = s.slice(close + 1);
    const quantifier = /^(?:\?|\*|\{0(?:,\d*)?\})\??/.exec(rest);
    if (!quantifier) return inner;
    // An optional group: the match may also open with whatever follows it.
    const after = openingStems(rest.slice(quantifier[0].length), follow);
    return after === null ? null : [...inner, ...after];
  }
  const m = /^[a-z0-9]+/i.exec(s);
  if (!m) return null;
  let run = m[0];
  s = s.slice(run.length);
  // A quantifier after the run makes its last letter optional ("dsls?" may match "dsl").
  let open = false;
  if (/^[?*{]/.test(s)) {
    run = run.slice(0, -1);
    open = true;
  } else if (s === '') {
    s = follow;
  }
  if (run.length >= STEM) return [run.slice(0, STEM).toLowerCase()];
  if (run.length === 0) return null;
  const lower = run.toLowerCase();
  const sep = OPTIONAL_SEPARATOR.exec(s);
  const next = sep ? /^[a-z0-9]+/i.exec(s.slice(sep[0].length)) : null;
  // "e-?mail", "co-?ordinator": the word is either the short run alone or joined to what follows.
  if (!open && sep && next) return [`=${lower}`, (run + next[0]).slice(0, STEM).toLowerCase()];
  // A short whole word ("in", "the", "I") is filed as an exact word, so "internet" does not try "in" cues.
  if (!open && /^(?:\\s|\\W|\\b|\s)/.test(s)) return [`=${lower}`];
  // Otherwise the run may be the start of a longer word: file it as a prefix (two letters at least).
  return run.length >= 2 ? [lower] : null;
}

export function compileTaxonomy(taxonomy: Taxonomy): CompiledTaxonomy {
  const hit = cache.get(taxonomy);
  if (hit) return hit;
  const cues: CompiledCue[] = [];
  const byStem = new Map<string, number[]>();
  const unindexed: number[] = [];
  const types = taxonomy.types.map((t, typeIndex): CompiledType => {
    for (const c of t.textCues) {
      if (c.weight <= 0) continue;
      const index = cues.length;
      const stems = c.source.startsWith('\\b') ? openingStems(c.source) : null;
      // Indexed cues run anchored (sticky) at the word starts that carry one of their stems.
      cues.push({ type: typeIndex, re: new RegExp(c.source, stems ? 'iy' : 'i'), weight: c.weight, kind: c.kind });
      if (stems === null) unindexed.push(index);
      else
        for (const s of new Set(stems)) {
          const list = byStem.get(s) ?? [];
          list.push(index);
          byStem.set(s, list);
        }
    }
    return {
      id: t.id,
      negative: t.textCues.filter((c) => c.weight < 0).map((c) => ({ re: new RegExp(c.source, 'i'), weight: c.weight })),
      headings: t.headingCues.map((c) => ({ re: new RegExp(c.source, 'i'), weight: c.weight, kind: c.kind })),
      minConfidence: t.minConfidence,
    };
  });
  const compiled = { types, cues, byStem, unindexed };
  cache.set(taxonomy, compiled);
  return compiled;
}

const WORD = /[a-z0-9]+/gi;

/**
 * Runs the cues that can match `text`: indexed cues anchored at the word starts carrying their stems, unindexed
 * cues over the whole text. Returns the first match of each matching cue, in cue order.
 */
export function matchCues(compiled: CompiledTaxonomy, text: string): { cue: number; text: string }[] {
  const found = new Map<number, string>();
  WORD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WORD.exec(text)) !== null) {
    const w = m[0].toLowerCase();
    const at = m.index;
    const max = Math.min(STEM, w.length);
    for (let len = w.length < STEM ? 1 : 2; len <= max; len++) {
      // Short words are looked up whole ("=in"); every word also by its 2–4 letter prefixes.
      const key = len === 1 ? `=${w}` : w.slice(0, len);
      const list = compiled.byStem.get(key);
      if (!list) continue;
      for (const i of list) {
        if (found.has(i)) continue;
        const cue = compiled.cues[i] as CompiledCue;
        cue.re.lastIndex = at;
        const hit = cue.re.exec(text);
        if (hit) found.set(i, hit[0]);
      }
    }
  }
  for (const i of compiled.unindexed) {
    const hit = (compiled.cues[i] as CompiledCue).re.exec(text);
    if (hit) found.set(i, hit[0]);
  }
  return [...found.entries()].sort((a, b) => a[0] - b[0]).map(([cue, t]) => ({ cue, text: t }));
}
