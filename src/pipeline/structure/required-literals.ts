/**
 * Words a pattern cannot match without, read from its source, so that one `includes` on the lowercased text can
 * rule a pattern out before it is run. `\bchang(?:e|ed)\s+passwords?` cannot match a text that lacks "password";
 * `\b(?:school|work)\s+e-?mail` one that has neither "school" nor "work". Most cues fail this way on most clauses,
 * and a substring search is far cheaper than entering the regex engine.
 *
 * The answer is a conjunction of alternatives: every group must have one of its literals in the text. It is only
 * ever a necessary condition: anything the reader does not understand (character classes, escapes it does not
 * know, back-references) just adds no requirement, so a pattern it cannot read is never ruled out.
 *
 * Literals are ASCII only: without the `u` flag, a case-insensitive ASCII letter matches only its own two cases,
 * which `toLowerCase` keeps as one contiguous lowercase run. With `iu`, Unicode folding also maps U+017F and
 * U+212A onto "s" and "k", so for such patterns the filter is exact only on text where `fastSafe` holds.
 */

/** Every inner array must have a member that occurs in the lowercased text. */
export type LiteralFilter = readonly (readonly string[])[];

interface Piece {
  /** The exact text this piece always consumes ("" for assertions such as `\b`), or null when it varies. */
  fixed: string | null;
  /** What any match of this piece must contain. */
  needs: string[][];
}

class Unreadable extends Error {}

/** Literals shorter than this are too common to rule anything out, and are dropped. */
const MIN_LITERAL = 3;

const ANY: Piece = { fixed: null, needs: [] };

/** The group most likely to rule a text out: longest shortest member, then fewest members. */
function score(group: readonly string[]): number {
  let shortest = Infinity;
  for (const s of group) shortest = Math.min(shortest, s.length);
  return shortest * 100 - group.length;
}

function best(needs: readonly string[][]): string[] | null {
  let top: string[] | null = null;
  for (const g of needs) if (top === null || score(g) > score(top)) top = g;
  return top;
}

class Reader {
  private i = 0;
  constructor(private readonly src: string) {}

  read(): Piece {
    const piece = this.alternation();
    if (this.i !== this.src.length) throw new Unreadable('unbalanced )');
    return piece;
  }

  private alternation(): Piece {
    const alternatives = [this.sequence()];
    while (this.src[this.i] === '|') {
      this.i++;
      alternatives.push(this.sequence());
    }
    if (alternatives.length === 1) return alternatives[0] as Piece;
    // A match takes one alternative, so it contains one of their requirements; one missing means none.
    const union: string[] = [];
    for (const alt of alternatives) {
      const group = best(alt.needs);
      if (group === null) return ANY;
      union.push(...group);
    }
    return { fixed: null, needs: [[...new Set(union)]] };
  }

  private sequence(): Piece {
    const needs: string[][] = [];
    let run = '';
    let whole: string | null = '';
    const flush = (): void => {
      if (run.length >= MIN_LITERAL) needs.push([run]);
      run = '';
    };
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') {
      const piece = this.quantified(this.atom());
      if (piece.fixed !== null) {
        run += piece.fixed;
        if (whole !== null) whole += piece.fixed;
      } else {
        flush();
        whole = null;
        needs.push(...piece.needs);
      }
    }
    flush();
    return { fixed: whole, needs };
  }

  private quantified(piece: Piece): Piece {
    const rest = this.src.slice(this.i);
    const q = /^(?:[?*+]|\{(\d+)(?:,\d*)?\})/.exec(rest);
    if (q === null) return piece;
    this.i += q[0].length;
    if (this.src[this.i] === '?') this.i++;
    const min = q[0] === '+' ? 1 : q[1] === undefined ? 0 : Number(q[1]);
    if (min === 0) return ANY;
    // Present at least once, but no longer a fixed run that neighbours can extend.
    const needs = [...piece.needs];
    if (piece.fixed !== null && piece.fixed.length >= MIN_LITERAL) needs.push([piece.fixed]);
    return { fixed: null, needs };
  }

  private atom(): Piece {
    const ch = this.src[this.i] as string;
    if (ch === '(') return this.group();
    if (ch === '[') {
      this.skipClass();
      return ANY;
    }
    if (ch === '\\') return this.escape();
    this.i++;
    if (ch === '^' || ch === '$') return { fixed: '', needs: [] };
    if (ch === '*' || ch === '+' || ch === '?') throw new Unreadable('nothing to repeat');
    if (ch === '.' || ch === '{' || ch === '}' || ch === ']') return ANY;
    const code = ch.charCodeAt(0);
    return code < 0x80 ? { fixed: ch.toLowerCase(), needs: [] } : ANY;
  }

  private group(): Piece {
    this.i++;
    const rest = this.src.slice(this.i);
    const look = /^\?<?[=!]/.exec(rest);
    let kind: 'look' | 'group' = 'group';
    if (look) {
      kind = 'look';
      this.i += look[0].length;
    } else if (rest.startsWith('?:')) this.i += 2;
    else if (rest.startsWith('?')) throw new Unreadable('named or modified group');
    const inner = this.alternation();
    if (this.src[this.i] !== ')') throw new Unreadable('unclosed group');
    this.i++;
    // A lookaround consumes nothing and may be negative: it neither extends a run nor requires anything.
    return kind === 'look' ? { fixed: '', needs: [] } : inner;
  }

  private skipClass(): void {
    this.i++;
    while (this.i < this.src.length && this.src[this.i] !== ']') this.i += this.src[this.i] === '\\' ? 2 : 1;
    if (this.i >= this.src.length) throw new Unreadable('unclosed class');
    this.i++;
  }

  private escape(): Piece {
    const next = this.src[this.i + 1];
    if (next === undefined) throw new Unreadable('trailing backslash');
    this.i += 2;
    if (next === 'b' || next === 'B') return { fixed: '', needs: [] };
    if ('cxupPk'.includes(next)) throw new Unreadable(`escape \\${next}`);
    // Punctuation escapes stand for themselves; letters and digits are classes, back-references or controls.
    return /[!-/:-@[-`{-~]/.test(next) ? { fixed: next, needs: [] } : ANY;
  }
}

/**
 * What every match of `source` (compiled with `flags`) must contain, at most `limit` groups (the most selective
 * first), or an empty filter when nothing can be said. See the module comment for when the filter is exact.
 */
export function requiredLiterals(source: string, flags: string, limit = 2): LiteralFilter {
  // `v` changes class syntax (nested classes, set operations) in ways the reader does not follow.
  if (flags.includes('v')) return [];
  let piece: Piece;
  try {
    piece = new Reader(source).read();
  } catch {
    return [];
  }
  return piece.needs
    .map((g, i) => ({ g, i }))
    .sort((a, b) => score(b.g) - score(a.g) || a.i - b.i)
    .slice(0, limit)
    .map(({ g }) => g);
}

/**
 * Many filters checked against one text with a single pass over it: an Aho–Corasick automaton over every literal
 * of every filter finds which literals occur (ASCII letters folded to lowercase, any other character matching
 * nothing, exactly as the filters assume), and each filter is then answered from that set without searching.
 */
export class LiteralScreen {
  /** Per filter, per group: the ids of its literals. */
  private readonly groups: Int32Array[][];
  /** Character code (below 128) → column of the transition table; 0 for characters no literal uses. */
  private readonly column = new Uint8Array(128);
  private readonly width: number;
  private readonly delta: Int32Array;
  /** By state: the literal ending there, or -1; and the nearest state down the suffix chain that ends one, or -1. */
  private readonly ends: Int32Array;
  private readonly nextEnd: Int32Array;
  /** `seen[id] === pass` when literal `id` occurred in the text of the latest scan. */
  private readonly seen: Uint32Array;
  private pass = 0;

  constructor(filters: readonly LiteralFilter[]) {
    const ids = new Map<string, number>();
    this.groups = filters.map((filter) =>
      filter.map((group) => Int32Array.from(group, (literal) => ids.get(literal) ?? (ids.set(literal, ids.size), ids.size - 1))),
    );
    let columns = 1;
    for (const literal of ids.keys())
      for (let k = 0; k < literal.length; k++) {
        const code = literal.charCodeAt(k);
        if (this.column[code] === 0) this.column[code] = columns++;
      }
    // Uppercase letters share their lowercase column (literals are lowercase ASCII).
    for (let c = 65; c <= 90; c++) this.column[c] = this.column[c + 32] as number;
    this.width = columns;

    // The trie of all literals, then failure links breadth first, folded into a full transition table.
    const goto: Map<number, number>[] = [new Map()];
    const ends: number[] = [-1];
    for (const [literal, id] of ids) {
      let state = 0;
      for (let k = 0; k < literal.length; k++) {
        const col = this.column[literal.charCodeAt(k)] as number;
        let next = (goto[state] as Map<number, number>).get(col);
        if (next === undefined) {
          next = goto.length;
          goto.push(new Map());
          ends.push(-1);
          (goto[state] as Map<number, number>).set(col, next);
        }
        state = next;
      }
      ends[state] = id;
    }
    const states = goto.length;
    this.delta = new Int32Array(states * columns);
    this.ends = Int32Array.from(ends);
    this.nextEnd = new Int32Array(states).fill(-1);
    const fail = new Int32Array(states);
    const queue: number[] = [];
    for (let col = 1; col < columns; col++) {
      const child = (goto[0] as Map<number, number>).get(col);
      if (child !== undefined) {
        this.delta[col] = child;
        queue.push(child);
      }
    }
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head] as number;
      const f = fail[state] as number;
      this.nextEnd[state] = (this.ends[f] as number) >= 0 ? f : (this.nextEnd[f] as number);
      for (let col = 1; col < columns; col++) {
        const child = (goto[state] as Map<number, number>).get(col);
        const viaFail = this.delta[f * columns + col] as number;
        if (child === undefined) this.delta[state * columns + col] = viaFail;
        else {
          fail[child] = viaFail;
          this.delta[state * columns + col] = child;
          queue.push(child);
        }
      }
    }
    this.seen = new Uint32Array(ids.size);
  }

  /** Reads `text` once; `passes` then answers for it. */
  scan(text: string): void {
    if (this.pass === 0xffffffff) {
      this.pass = 0;
      this.seen.fill(0);
    }
    const pass = ++this.pass;
    const { column, delta, width, ends, nextEnd, seen } = this;
    let state = 0;
    for (let k = 0; k < text.length; k++) {
      const code = text.charCodeAt(k);
      state = delta[state * width + (code < 128 ? (column[code] as number) : 0)] as number;
      for (let s = (ends[state] as number) >= 0 ? state : (nextEnd[state] as number); s >= 0; s = nextEnd[s] as number) {
        seen[ends[s] as number] = pass;
      }
    }
  }

  /** Whether filter `index` (in the order given) may match the text of the latest scan. */
  passes(index: number): boolean {
    const groups = this.groups[index];
    if (groups === undefined) return true;
    for (const group of groups) {
      let any = false;
      for (let k = 0; k < group.length; k++) {
        if (this.seen[group[k] as number] === this.pass) {
          any = true;
          break;
        }
      }
      if (!any) return false;
    }
    return true;
  }
}
