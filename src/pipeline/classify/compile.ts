/**
 * Turns a taxonomy's cue sources into regular expressions once, cached per taxonomy object, plus an index that
 * keeps throughput high: most cues start with a keyword (`\b(?:password|passcode)…`), so each cue is filed under
 * the first letters of its possible opening words. A clause then runs only the cues whose opening word stems
 * occur in it (typically a few dozen of ~600) instead of every cue. Cues that open with something else (an
 * optional group, punctuation) are "unindexed" and always run. The index only skips cues that cannot match, so
 * results are identical to running every cue.
 */
import type { Cue, Taxonomy } from '../taxonomy/load.ts';
import { LiteralScreen, requiredLiterals, type LiteralFilter } from '../structure/required-literals.ts';

export interface CompiledCue {
  /** Index of the type in taxonomy.types. */
  type: number;
  re: RegExp;
  weight: number;
  kind: Cue['kind'];
  /** Literals the cue cannot match without (see structure/required-literals.ts). */
  filter: LiteralFilter;
}

/**
 * The stem index as a trie over lowercase ASCII codes, so a word is looked up without slicing strings: node `n`'s
 * child for code `c` is `next[n * 128 + c]` (0 when absent; the root is node 0 and never a child).
 */
interface StemTrie {
  next: Int32Array;
  /** By node: cues filed under its path as a word prefix (two letters or more). */
  prefix: (number[] | null)[];
  /** By node: cues filed under its path as a whole short word ("=in"). */
  exact: (number[] | null)[];
}

/** Per-call bookkeeping, kept between calls so a clause costs no allocation; stamped with a call number. */
interface Scratch {
  call: number;
  /** Call number at which a cue matched. */
  foundAt: Uint32Array;
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
  /** `byStem` as a trie. */
  stems: StemTrie;
  /** Every cue's literal filter, by cue index: one pass over a text says which cues are worth running. */
  literals: LiteralScreen;
  scratch: Scratch;
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
      const flags = stems ? 'iy' : 'i';
      cues.push({ type: typeIndex, re: new RegExp(c.source, flags), weight: c.weight, kind: c.kind, filter: requiredLiterals(c.source, flags) });
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
  const scratch: Scratch = {
    call: 0,
    foundAt: new Uint32Array(cues.length),
  };
  const compiled = { types, cues, byStem, unindexed, stems: stemTrie(byStem),
    literals: new LiteralScreen(cues.map((c) => c.filter)),
    scratch,
  };
  cache.set(taxonomy, compiled);
  return compiled;
}

function stemTrie(byStem: ReadonlyMap<string, number[]>): StemTrie {
  const edges = new Map<number, number>();
  const prefix: (number[] | null)[] = [null];
  const exact: (number[] | null)[] = [null];
  for (const [key, list] of byStem) {
    const whole = key.startsWith('=');
    let node = 0;
    for (const ch of whole ? key.slice(1) : key) {
      const edge = node * 128 + ch.charCodeAt(0);
      let child = edges.get(edge);
      if (child === undefined) {
        child = prefix.length;
        prefix.push(null);
        exact.push(null);
        edges.set(edge, child);
      }
      node = child;
    }
    if (whole) exact[node] = list;
    else prefix[node] = list;
  }
  const next = new Int32Array(prefix.length * 128);
  for (const [edge, child] of edges) next[edge] = child;
  return { next, prefix, exact };
}

/** ASCII letter or digit: what `/[a-z0-9]/i` matches (without `u`, no other character folds onto these). */
function isWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

/**
 * Runs the cues that can match `text`: indexed cues anchored at the word starts carrying their stems, unindexed
 * cues over the whole text, each only if the text holds its required literals. Returns the first match of each
 * matching cue, in cue order.
 */
export function matchCues(compiled: CompiledTaxonomy, text: string): { cue: number; text: string }[] {
  const { cues, scratch } = compiled;
  if (scratch.call === 0xffffffff) {
    scratch.call = 0;
    scratch.foundAt.fill(0);
  }
  const call = ++scratch.call;
  const found: { cue: number; text: string }[] = [];
  const { literals } = compiled;
  literals.scan(text);
  const run = (list: readonly number[], at: number): void => {
    for (const i of list) {
      if (scratch.foundAt[i] === call) continue;
      const cue = cues[i] as CompiledCue;
      if (!literals.passes(i)) continue;
      cue.re.lastIndex = at;
      const hit = cue.re.exec(text);
      if (hit) {
        scratch.foundAt[i] = call;
        found.push({ cue: i, text: hit[0] });
      }
    }
  };
  // Words are runs of ASCII letters and digits. Each is looked up whole when short ("=in") and by its 2–4 letter
  // prefixes; the order of the lookups within a word does not matter, as every cue runs anchored at its start.
  const { next, prefix, exact } = compiled.stems;
  const n = text.length;
  let at = 0;
  while (at < n) {
    if (!isWordCode(text.charCodeAt(at))) {
      at++;
      continue;
    }
    let end = at;
    let node = 0;
    while (end < n) {
      const c = text.charCodeAt(end);
      if (!isWordCode(c)) break;
      const depth = end - at + 1;
      if (depth <= STEM && (depth === 1 || node !== 0)) {
        node = next[node * 128 + (c >= 65 && c <= 90 ? c + 32 : c)] as number;
        const list = depth >= 2 && node !== 0 ? prefix[node] : null;
        if (list) run(list, at);
      }
      end++;
    }
    const list = end - at < STEM && node !== 0 ? exact[node] : null;
    if (list) run(list, at);
    at = end;
  }
  for (const i of compiled.unindexed) {
    if (scratch.foundAt[i] === call) continue;
    if (!literals.passes(i)) continue;
    const hit = (cues[i] as CompiledCue).re.exec(text);
    if (hit) {
      scratch.foundAt[i] = call;
      found.push({ cue: i, text: hit[0] });
    }
  }
  return found.sort((a, b) => a.cue - b.cue);
}
