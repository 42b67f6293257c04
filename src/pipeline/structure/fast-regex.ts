/**
 * Case-insensitive Unicode patterns (`iu`) are three to four times slower in V8 than the same pattern without
 * `u`, because every character is case-folded through Unicode tables. For an ASCII pattern the two flags give
 * exactly the same matches on any text without astral characters (surrogates), LATIN SMALL LETTER LONG S
 * (U+017F) or KELVIN SIGN (U+212A): those are the only characters Unicode case folding maps onto ASCII letters
 * (and into `\w`, hence `\b`). So each pattern is compiled both ways and the fast one is used on text that
 * cannot tell them apart. The results are identical, only quicker.
 */

/** Characters on which `iu` and `i` can disagree for an ASCII pattern. */
const UNICODE_SENSITIVE = /[\u017F\u212A\uD800-\uDFFF]/;

/** True when `fast` patterns give the same matches as their Unicode originals on this text. */
export function fastSafe(text: string): boolean {
  return !UNICODE_SENSITIVE.test(text);
}

/**
 * Pattern sources whose meaning is the same with and without `u`: ASCII, plus caseless punctuation (curly quotes,
 * dashes; checked against every BMP character). Escapes that only `u` understands (`\u{…}`, `\p{…}`) and ranges
 * that could reach past ASCII are refused, and then the pattern just keeps its Unicode flags.
 */
function sameWithoutU(source: string): boolean {
  if (/\\[upPxc]/u.test(source)) return false;
  if (/[^\u0000-\u007F\u00A0-\u00BF\u2010-\u205E]/u.test(source)) return false;
  // A range with a non-ASCII end ("[ -–]") could span cased letters; a dash first or last in a class is literal.
  return !/[^[]-[^\u0000-\u007F]|[^\u0000-\u007F]-[^\]]/u.test(source);
}

export interface DualRegExp {
  /** As written, with its Unicode flag. */
  full: RegExp;
  /** The same pattern without `u` when that changes nothing on safe text, else `full` itself. */
  fast: RegExp;
}

export function dualRegExp(source: string, flags: string): DualRegExp {
  const full = new RegExp(source, flags);
  if (!flags.includes('u') || flags.includes('v') || !sameWithoutU(source)) return { full, fast: full };
  try {
    return { full, fast: new RegExp(source, flags.replace('u', '')) };
  } catch {
    return { full, fast: full };
  }
}

/** The same RegExp with the fast twin when it has one: for patterns built elsewhere (stances.yaml cues). */
export function dualOf(re: RegExp): DualRegExp {
  return dualRegExp(re.source, re.flags);
}

/** Numbered back-references and named groups would be renumbered or clash once patterns are joined. */
const NOT_JOINABLE = /\\[1-9k]|\(\?<(?![=!])/u;

/**
 * Many patterns asked one question, "which of you match somewhere in this text?", with one scan instead of one
 * per pattern: a joined pattern finds the next position where any member matches, each member not yet seen is
 * tried at exactly that position (sticky), and the scan resumes one character on. Every position is visited, so
 * the answer is exact, not a guess; the members found are then run in full as before.
 */
export interface PatternScreen {
  /** All joinable members as one alternation (global). */
  any: RegExp;
  /** Each member, sticky, by index; null for members that could not be joined (always reported). */
  at: (RegExp | null)[];
}

/**
 * @param sources the members' pattern sources (null for a member with no pattern: reported, for the caller to skip)
 * @param flags   their common flags (`g` and `y` are added as needed), e.g. `iu`
 * @returns null when nothing can be joined
 */
export function patternScreen(sources: readonly (string | null)[], flags: string): PatternScreen | null {
  const base = flags.replace(/[gy]/gu, '');
  const joinable = (s: string | null): s is string => s !== null && !NOT_JOINABLE.test(s);
  const members = sources.filter(joinable);
  if (members.length === 0) return null;
  try {
    return {
      any: dualRegExp(members.map((s) => `(?:${s})`).join('|'), `g${base}`).fast,
      at: sources.map((s) => (joinable(s) ? dualRegExp(s, `y${base}`).fast : null)),
    };
  } catch {
    return null;
  }
}

/**
 * Indices of the members that match somewhere in `text`. Only for text where `fastSafe(text)` holds (the screen
 * uses the fast patterns); callers run every member in full otherwise.
 */
export function screenText(screen: PatternScreen, text: string): Set<number> {
  const found = new Set<number>();
  screen.at.forEach((re, i) => {
    if (re === null) found.add(i);
  });
  const any = new RegExp(screen.any);
  let m: RegExpExecArray | null;
  while ((m = any.exec(text)) !== null) {
    for (let i = 0; i < screen.at.length; i++) {
      const re = screen.at[i];
      if (re === null || re === undefined || found.has(i)) continue;
      re.lastIndex = m.index;
      if (re.test(text)) found.add(i);
    }
    if (found.size === screen.at.length) break;
    any.lastIndex = m.index + 1;
  }
  return found;
}
