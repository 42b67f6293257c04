/**
 * Finds mentions of superseded law, guidance, platforms, devices, terms and advice (content/references/*.yaml)
 * in a policy's text. One hit per reference entry, with its first mention quoted in context and a count.
 */
import type { ReferenceList } from '../../references/load.ts';
import type { ReferenceEntry } from '../../references/schema.ts';
import type { Evidence, Span } from '../../types.ts';
import { sentenceAround, withContext } from './context.ts';
import { dualRegExp, fastSafe, patternScreen, screenText, type DualRegExp, type PatternScreen } from '../../structure/fast-regex.ts';

export interface OutdatedReferenceHit {
  entryId: string;
  entry: ReferenceEntry;
  /** The exact text that matched, at its first (non-historical) mention. */
  match: Evidence;
  /** The same mention with a few words either side, for display. */
  evidence: Evidence;
  /** The clause holding that mention, when clauses were given and one contains it. */
  clauseId: string | null;
  /** How many separate mentions were found. */
  count: number;
  /** Every mention, in document order. */
  occurrences: Span[];
  /**
   * True when every mention sits in a sentence that itself says the reference was replaced or repealed
   * ("the Data Protection Act 1998 was replaced by …"): the policy is up to date on this point.
   */
  historical: boolean;
}

export interface ClauseSpan extends Span {
  id: string;
}

/** Words showing that a sentence mentions a reference only to say it is no longer current. */
const HISTORICAL = /\b(?:replac(?:ed|es|ing)|repeal(?:ed|s)?|supersed(?:ed|es)|formerly|previously\s+(?:known|called)|renamed|rebranded|no\s+longer\s+(?:in\s+force|exists?|available|applies))\b/iu;

interface CompiledReferences {
  /** Each entry's patterns (global), with their index in the screen of the entry's flag set. */
  patterns: Map<ReferenceEntry, { re: DualRegExp; screen: PatternScreen | null; index: number }[]>;
}

/** Compiled once per loaded reference list. */
const compiledLists = new WeakMap<ReferenceList, CompiledReferences>();

function compile(refs: ReferenceList): CompiledReferences {
  const cached = compiledLists.get(refs);
  if (cached !== undefined) return cached;
  // One screen per flag set (case-insensitive, case-sensitive): a single scan of the text finds the few patterns
  // worth running in full, instead of one scan per pattern (there are over a hundred).
  const sourcesByFlags = new Map<string, string[]>();
  for (const entry of refs.entries) {
    const flags = entry.match_case ? 'u' : 'iu';
    sourcesByFlags.set(flags, [...(sourcesByFlags.get(flags) ?? []), ...entry.patterns]);
  }
  const screens = new Map([...sourcesByFlags].map(([flags, sources]) => [flags, patternScreen(sources, flags)] as const));
  const next = new Map<string, number>();
  const patterns: CompiledReferences['patterns'] = new Map();
  for (const entry of refs.entries) {
    const flags = entry.match_case ? 'u' : 'iu';
    patterns.set(
      entry,
      entry.patterns.map((source) => {
        const index = next.get(flags) ?? 0;
        next.set(flags, index + 1);
        return { re: dualRegExp(source, `g${flags}`), screen: screens.get(flags) ?? null, index };
      }),
    );
  }
  const result = { patterns };
  compiledLists.set(refs, result);
  return result;
}

function findSpans(text: string, patterns: readonly DualRegExp[], fast: boolean): Span[] {
  const spans: Span[] = [];
  for (const pattern of patterns) {
    // matchAll clones the pattern, so the shared global RegExp's lastIndex is never disturbed.
    for (const m of text.matchAll(fast ? pattern.fast : pattern.full)) {
      if (m[0].length === 0) continue;
      spans.push({ start: m.index, end: m.index + m[0].length });
    }
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  // Two patterns of one entry can match the same words ("Regulation of Investigatory Powers Act 2000 (RIPA)"):
  // overlapping spans are one mention.
  const merged: Span[] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last !== undefined && span.start < last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

function clauseFor(clauses: readonly ClauseSpan[] | undefined, span: Span): string | null {
  if (clauses === undefined) return null;
  const hit = clauses.find((c) => c.start <= span.start && span.start < c.end);
  return hit?.id ?? null;
}

/**
 * @param text    the normalised policy text (offsets point into it)
 * @param refs    the loaded reference lists
 * @param clauses the policy's clauses, to say which clause each hit sits in
 */
export function findOutdatedReferences(text: string, refs: ReferenceList, clauses?: readonly ClauseSpan[]): OutdatedReferenceHit[] {
  const hits: OutdatedReferenceHit[] = [];
  // Emphasis markup left in plain text ("**must not**") is blanked for matching only; offsets are unchanged.
  const plain = text.replace(/[*_]/gu, ' ');
  const compiled = compile(refs);
  // On text with astral characters (or the two letters Unicode folds onto ASCII) every pattern runs as written.
  const fast = fastSafe(plain);
  const matching = new Map<PatternScreen, Set<number>>();
  const mayMatch = (p: { screen: PatternScreen | null; index: number }): boolean => {
    if (!fast || p.screen === null) return true;
    let found = matching.get(p.screen);
    if (found === undefined) {
      found = screenText(p.screen, plain);
      matching.set(p.screen, found);
    }
    return found.has(p.index);
  };
  for (const entry of refs.entries) {
    const candidates = (compiled.patterns.get(entry) ?? []).filter(mayMatch).map((p) => p.re);
    const spans = findSpans(plain, candidates, fast);
    if (spans.length === 0) continue;
    const isHistorical = (span: Span): boolean => {
      const sentence = sentenceAround(text, span);
      return HISTORICAL.test(text.slice(sentence.start, sentence.end));
    };
    const current = spans.find((s) => !isHistorical(s));
    const first = current ?? (spans[0] as Span);
    hits.push({
      entryId: entry.id,
      entry,
      match: { start: first.start, end: first.end, quote: text.slice(first.start, first.end) },
      evidence: withContext(text, first),
      clauseId: clauseFor(clauses, first),
      count: spans.length,
      occurrences: spans,
      historical: current === undefined,
    });
  }
  return hits.sort((a, b) => a.match.start - b.match.start || a.entryId.localeCompare(b.entryId));
}
