/**
 * Reads a policy's stance on each dimension of content/stances.yaml: at most one value per dimension, with the
 * sentence that shows it and the cue that fired, or nothing when the policy is silent.
 *
 * Choice rule, so results are explainable: every sentence gets the first value (in the order the YAML lists them)
 * whose cue matches; across the policy the value listed first wins, then a sentence from a clause labelled with one
 * of the dimension's related types, then the cue listed first (the stronger phrasing), then the earliest sentence. The other values found are kept as `alsoSeen`.
 */
import type { ClassifiedClause, ClauseKind, CoverageCell, Evidence, Span } from '../../types.ts';
import type { CompiledStanceDimension, StanceDefs } from './load.ts';
import { dualOf, fastSafe } from '../../structure/fast-regex.ts';
import { LiteralScreen, requiredLiterals } from '../../structure/required-literals.ts';

export interface StanceClause extends Span {
  id: string;
  /** `text === documentText.slice(start, end)`. */
  text: string;
  /** When given, list items look back to their lead-in ("You must not:"); otherwise only the previous clause. */
  kind?: ClauseKind;
  depth?: number;
}

/** Clause labels by clause id, or the classifier's output, or coverage cells (their evidence names the clauses). */
export type StanceLabels = ReadonlyMap<string, readonly string[]> | readonly ClassifiedClause[] | readonly CoverageCell[];

export interface StanceEvidence extends Evidence {
  clauseId: string;
}

export interface StanceFinding {
  dimensionId: string;
  dimensionTitle: string;
  valueId: string;
  /** Same as `valueId` (the name the dataset uses). */
  value: string;
  valueLabel: string;
  /** The sentence showing the stance, verbatim, with offsets into the document text. */
  evidence: StanceEvidence;
  /** The cue that fired, as written in stances.yaml. */
  cue: string;
  /** The words the cue matched, inside the evidence quote. */
  matched: string;
  /** The list lead-in ("You must not:") the match relied on (for its cue or its subject), when it did. */
  leadIn: string | null;
  /** Other values the policy also shows (a sign of internal inconsistency), in the YAML's order. */
  alsoSeen: { valueId: string; valueLabel: string; clauseId: string }[];
}

interface Candidate {
  valueIndex: number;
  cueIndex: number;
  labelled: boolean;
  clause: StanceClause;
  sentence: Span;
  pattern: string;
  matched: string;
  leadIn: string | null;
}

/** Sentence spans within a clause: split after . ! ? before a capital, digit or opening quote, and at line breaks. */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  for (const m of text.matchAll(SENTENCE_BREAK)) {
    const end = m[1] === undefined ? m.index : m.index + m[1].length;
    pushTrimmed(spans, text, start, end);
    start = m.index + m[0].length;
  }
  pushTrimmed(spans, text, start, text.length);
  return spans;
}

const SENTENCE_BREAK = /([.!?]["'”’)*_]*)[^\S\n]+(?=["'“‘(*_]*[A-Z0-9])|\n+/gu;
const SPACE = /\s/u;

function pushTrimmed(spans: Span[], text: string, from: number, to: number): void {
  let s = from;
  let e = to;
  while (s < e && SPACE.test(text[s] ?? '')) s += 1;
  while (e > s && SPACE.test(text[e - 1] ?? '')) e -= 1;
  if (e > s) spans.push({ start: s, end: e });
}

/** Emphasis markup blanked out with spaces, so cues match across `**own**` while offsets stay the same. */
const blankMarkup = (text: string): string => text.replace(/[*_]/gu, ' ');

const endsWithColon = (text: string): boolean => /[:–-]\s*$/u.test(text);

function leadInIndex(clauses: readonly StanceClause[], index: number): number {
  const clause = clauses[index];
  if (clause === undefined) return -1;
  if (clause.kind === undefined) {
    const previous = clauses[index - 1];
    return previous !== undefined && endsWithColon(previous.text) ? index - 1 : -1;
  }
  if (clause.kind === 'paragraph') return -1;
  const depth = clause.depth ?? 0;
  for (let j = index - 1; j >= 0 && index - j <= 40; j -= 1) {
    const candidate = clauses[j] as StanceClause;
    const isParent = candidate.kind === 'paragraph' || candidate.kind === undefined || (candidate.depth ?? 0) < depth;
    if (isParent) return endsWithColon(candidate.text) ? j : -1;
  }
  return -1;
}

function labelIndex(labels: StanceLabels | undefined): Map<string, Set<string>> | null {
  if (labels === undefined) return null;
  const index = new Map<string, Set<string>>();
  const add = (clauseId: string, typeId: string): void => {
    const set = index.get(clauseId) ?? new Set<string>();
    set.add(typeId);
    index.set(clauseId, set);
  };
  if (labels instanceof Map) {
    for (const [clauseId, typeIds] of labels) for (const typeId of typeIds) add(clauseId, typeId);
    return index;
  }
  for (const item of labels as readonly (ClassifiedClause | CoverageCell)[]) {
    if ('clauseId' in item) for (const label of item.labels) add(item.clauseId, label.typeId);
    else if (item.status !== 'absent') for (const evidence of item.evidence) add(evidence.clauseId, item.typeId);
  }
  return index;
}

interface PreparedSentence extends Span {
  /** The sentence with emphasis markup blanked, as the cues see it. */
  text: string;
}

/** A clause split and blanked once, then read by every dimension. */
interface PreparedClause {
  clause: StanceClause;
  /** The clause with emphasis markup blanked, as the cues see it. */
  text: string;
  /**
   * Per cue of every dimension (numbered as in `cueScreen`), whether the clause holds the words it cannot match
   * without; null when the clause is not fastSafe and every cue runs.
   */
  mayMatch: Uint8Array | null;
  leadIn: StanceClause | null;
  leadInText: string | null;
  labels: Set<string> | undefined;
  sentences: PreparedSentence[];
  /** The clause and its lead-in can use the fast (non-Unicode) patterns with the same result. */
  fastSafe: boolean;
}

function prepareClauses(clauses: readonly StanceClause[], labels: Map<string, Set<string>> | null): PreparedClause[] {
  const plain = clauses.map((c) => blankMarkup(c.text));
  return clauses.map((clause, index) => {
    const lead = leadInIndex(clauses, index);
    const text = plain[index] as string;
    return {
      clause,
      text,
      mayMatch: null,
      leadIn: lead < 0 ? null : (clauses[lead] as StanceClause),
      leadInText: lead < 0 ? null : (plain[lead] as string),
      labels: labels?.get(clause.id),
      fastSafe: fastSafe(clause.text) && (lead < 0 || fastSafe((clauses[lead] as StanceClause).text)),
      sentences: splitSentences(clause.text).map((s) => ({ start: s.start, end: s.end, text: text.slice(s.start, s.end) })),
    };
  });
}

/** A dimension's patterns, in one of their two compiled forms (see structure/fast-regex.ts). */
interface Matchers {
  subject: RegExp | null;
  exclude: RegExp | null;
  /** Matches wherever any cue of the dimension matches, or null when the cues cannot be joined safely. */
  anyCue: RegExp | null;
  /** By value, then cue, in the YAML's order. */
  cues: { re: RegExp; leadIn: RegExp | null }[][];
}

/**
 * One pattern for all of a dimension's cues lets a sentence that no cue fits be passed over in one scan instead
 * of one per cue. Cues with numbered or named groups are not joined (the groups would be renumbered or clash).
 */
function joinCues(cues: readonly RegExp[]): RegExp | null {
  const flags = cues[0]?.flags ?? '';
  if (cues.length < 2 || !cues.every((re) => re.flags === flags && !/\\[1-9k]|\(\?<(?![=!])/u.test(re.source))) return null;
  try {
    return new RegExp(cues.map((re) => `(?:${re.source})`).join('|'), flags.replace(/[gy]/gu, ''));
  } catch {
    return null;
  }
}

function matchersOf(dimension: CompiledStanceDimension, form: 'full' | 'fast'): Matchers {
  const pick = (re: RegExp | null): RegExp | null => (re === null ? null : dualOf(re)[form]);
  const cues = dimension.values.map((v) => v.cues.map((c) => ({ re: pick(c.re) as RegExp, leadIn: pick(c.leadIn) })));
  return {
    subject: pick(dimension.subject),
    exclude: pick(dimension.exclude),
    anyCue: joinCues(cues.flat().map((c) => c.re)),
    cues,
  };
}

/** Compiled once per loaded definition set, whoever loaded it. */
const matchersCache = new WeakMap<CompiledStanceDimension, { full: Matchers; fast: Matchers }>();

function matchersFor(dimension: CompiledStanceDimension): { full: Matchers; fast: Matchers } {
  let m = matchersCache.get(dimension);
  if (m === undefined) {
    m = { full: matchersOf(dimension, 'full'), fast: matchersOf(dimension, 'fast') };
    matchersCache.set(dimension, m);
  }
  return m;
}

/**
 * Every cue of every dimension numbered, with the words it cannot match without (structure/required-literals.ts,
 * the screen classification uses): one pass over a clause rules out the cues it cannot hold, and a dimension none
 * of whose cues can match is passed over without running its subject or exclusion patterns.
 */
interface CueScreen {
  screen: LiteralScreen;
  count: number;
  /** By dimension: its cues' numbers by value, then cue, in the YAML's order. */
  ids: Map<CompiledStanceDimension, number[][]>;
}

const cueScreens = new WeakMap<StanceDefs, CueScreen>();

function cueScreen(defs: StanceDefs): CueScreen {
  let screen = cueScreens.get(defs);
  if (screen === undefined) {
    const filters: ReturnType<typeof requiredLiterals>[] = [];
    const ids = new Map<CompiledStanceDimension, number[][]>();
    for (const dimension of defs.dimensions) {
      ids.set(
        dimension,
        dimension.values.map((v) => v.cues.map((c) => filters.push(requiredLiterals(c.re.source, c.re.flags)) - 1)),
      );
    }
    screen = { screen: new LiteralScreen(filters), count: filters.length, ids };
    cueScreens.set(defs, screen);
  }
  return screen;
}

/**
 * For every cue of every dimension (dimension, value and cue in the YAML's order), whether `text` holds the words it
 * cannot match without: 0 means it cannot match. For tests and diagnostics; detection uses the same screen.
 */
export function cuesThatMayMatch(defs: StanceDefs, text: string): Uint8Array {
  const cues = cueScreen(defs);
  cues.screen.scan(text);
  return Uint8Array.from({ length: cues.count }, (_, i) => (cues.screen.passes(i) ? 1 : 0));
}

/** Which cues each clause may match, read with one pass over the clause (only where the screen is exact). */
function screenClauses(prepared: PreparedClause[], cues: CueScreen): void {
  for (const p of prepared) {
    if (!p.fastSafe) continue;
    cues.screen.scan(p.text);
    const mayMatch = new Uint8Array(cues.count);
    for (let i = 0; i < cues.count; i++) mayMatch[i] = cues.screen.passes(i) ? 1 : 0;
    p.mayMatch = mayMatch;
  }
}

function candidatesFor(dimension: CompiledStanceDimension, prepared: readonly PreparedClause[], cueIds: readonly (readonly number[])[]): Candidate[] {
  const out: Candidate[] = [];
  const both = matchersFor(dimension);
  for (const p of prepared) {
    const { clause, leadIn, leadInText, mayMatch } = p;
    // A sentence is part of its clause: a cue the clause cannot match, no sentence of it can.
    if (mayMatch !== null && !cueIds.some((value) => value.some((id) => mayMatch[id] === 1))) continue;
    const { subject, exclude, anyCue, cues } = p.fastSafe ? both.fast : both.full;
    const labelled = p.labels !== undefined && dimension.relatedTypes.some((t) => p.labels?.has(t) === true);
    // Whether the lead-in names the subject is the same for every sentence of the clause: tested at most once.
    let leadInSubject: boolean | undefined;
    for (const sentence of p.sentences) {
      const { text } = sentence;
      if (exclude?.test(text) === true) continue;
      let subjectFromLeadIn = false;
      if (subject !== null && !subject.test(text)) {
        if (leadInText === null) continue;
        leadInSubject ??= subject.test(leadInText);
        if (!leadInSubject) continue;
        subjectFromLeadIn = true;
      }
      if (anyCue !== null && !anyCue.test(text)) continue;
      found: for (const [valueIndex, valueCues] of cues.entries()) {
        for (const [cueIndex, cue] of valueCues.entries()) {
          if (mayMatch !== null && mayMatch[cueIds[valueIndex]?.[cueIndex] ?? -1] === 0) continue;
          if (cue.leadIn !== null && (leadInText === null || !cue.leadIn.test(leadInText))) continue;
          const m = cue.re.exec(text);
          if (m === null) continue;
          const usedLeadIn = cue.leadIn !== null || subjectFromLeadIn;
          out.push({
            valueIndex,
            cueIndex,
            labelled,
            clause,
            sentence,
            pattern: dimension.values[valueIndex]?.cues[cueIndex]?.source ?? '',
            matched: clause.text.slice(sentence.start + m.index, sentence.start + m.index + m[0].length),
            leadIn: usedLeadIn && leadIn !== null ? leadIn.text : null,
          });
          break found;
        }
      }
    }
  }
  return out;
}

/** The candidate the choice rule prefers (see the module comment); candidates arrive in document order. */
function preferred(a: Candidate, b: Candidate): number {
  return (
    a.valueIndex - b.valueIndex ||
    Number(b.labelled) - Number(a.labelled) ||
    a.cueIndex - b.cueIndex ||
    a.clause.start + a.sentence.start - (b.clause.start + b.sentence.start)
  );
}

const isDefs = (x: unknown): x is StanceDefs => x !== null && typeof x === 'object' && 'dimensions' in x && !(x instanceof Map);

/**
 * @param clauses the policy's clauses (a `Clause[]` fits), in document order
 * @param labels  optional clause labels, used only to prefer evidence from clauses of the related types
 * @param defs    the loaded stance definitions
 */
export function detectStances(clauses: readonly StanceClause[], defs: StanceDefs): StanceFinding[];
export function detectStances(clauses: readonly StanceClause[], labels: StanceLabels | undefined, defs: StanceDefs): StanceFinding[];
export function detectStances(
  clauses: readonly StanceClause[],
  labelsOrDefs: StanceLabels | StanceDefs | undefined,
  maybeDefs?: StanceDefs,
): StanceFinding[] {
  const defs = isDefs(labelsOrDefs) ? labelsOrDefs : maybeDefs;
  if (defs === undefined) throw new TypeError('detectStances needs the stance definitions (loadStanceDefs)');
  const prepared = prepareClauses(clauses, labelIndex(isDefs(labelsOrDefs) ? undefined : labelsOrDefs));
  const cues = cueScreen(defs);
  screenClauses(prepared, cues);
  const findings: StanceFinding[] = [];
  for (const dimension of defs.dimensions) {
    const candidates = candidatesFor(dimension, prepared, cues.ids.get(dimension) ?? []);
    if (candidates.length === 0) continue;
    // The first of the least under `preferred`, which is what a stable sort would put first.
    let best = candidates[0] as Candidate;
    for (const c of candidates) if (preferred(c, best) < 0) best = c;
    const value = dimension.values[best.valueIndex];
    if (value === undefined) continue;
    const others = new Map<number, string>();
    for (const c of candidates) if (c.valueIndex !== best.valueIndex && !others.has(c.valueIndex)) others.set(c.valueIndex, c.clause.id);
    findings.push({
      dimensionId: dimension.id,
      dimensionTitle: dimension.title,
      valueId: value.id,
      value: value.id,
      valueLabel: value.label,
      evidence: {
        clauseId: best.clause.id,
        start: best.clause.start + best.sentence.start,
        end: best.clause.start + best.sentence.end,
        quote: best.clause.text.slice(best.sentence.start, best.sentence.end),
      },
      cue: best.pattern,
      matched: best.matched,
      leadIn: best.leadIn,
      alsoSeen: [...others.entries()]
        .sort(([a], [b]) => a - b)
        .map(([valueIndex, clauseId]) => {
          const other = dimension.values[valueIndex];
          return { valueId: other?.id ?? '', valueLabel: other?.label ?? '', clauseId };
        }),
    });
  }
  return findings;
}
