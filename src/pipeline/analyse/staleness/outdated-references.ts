/**
 * Finds mentions of superseded law, guidance, platforms, devices, terms and advice (content/references/*.yaml)
 * in a policy's text. One hit per reference entry, with its first mention quoted in context and a count.
 */
import type { ReferenceList } from '../../references/load.ts';
import type { ReferenceEntry } from '../../references/schema.ts';
import type { Evidence, Span } from '../../types.ts';
import { sentenceAround, withContext } from './context.ts';
import { dualRegExp, fastSafe, type DualRegExp } from '../../structure/fast-regex.ts';
import { LiteralScreen, requiredLiterals } from '../../structure/required-literals.ts';

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
  /** Each entry's patterns (global), with their number in the literal screen. */
  patterns: Map<ReferenceEntry, { re: DualRegExp; index: number }[]>;
  /**
   * The words each pattern cannot match without (structure/required-literals.ts, the screen classification uses):
   * one pass over the text rules out the patterns it cannot hold, instead of one scan per pattern (there are over
   * a hundred, and most policies mention a handful of references).
   */
  screen: LiteralScreen;
}

/** Compiled once per loaded reference list. */
const compiledLists = new WeakMap<ReferenceList, CompiledReferences>();

function compile(refs: ReferenceList): CompiledReferences {
  const cached = compiledLists.get(refs);
  if (cached !== undefined) return cached;
  const filters: ReturnType<typeof requiredLiterals>[] = [];
  const patterns: CompiledReferences['patterns'] = new Map();
  for (const entry of refs.entries) {
    const flags = entry.match_case ? 'u' : 'iu';
    patterns.set(
      entry,
      entry.patterns.map((source) => ({ re: dualRegExp(source, `g${flags}`), index: filters.push(requiredLiterals(source, flags)) - 1 })),
    );
  }
  const result = { patterns, screen: new LiteralScreen(filters) };
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
  // On text with astral characters (or the two letters Unicode folds onto ASCII) every pattern runs as written:
  // the literal screen is exact only on fastSafe text.
  const fast = fastSafe(plain);
  if (fast) compiled.screen.scan(plain);
  const mayMatch = (p: { index: number }): boolean => !fast || compiled.screen.passes(p.index);
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
