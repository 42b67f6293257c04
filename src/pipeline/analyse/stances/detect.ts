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
  const push = (from: number, to: number): void => {
    let s = from;
    let e = to;
    while (s < e && /\s/u.test(text[s] ?? '')) s += 1;
    while (e > s && /\s/u.test(text[e - 1] ?? '')) e -= 1;
    if (e > s) spans.push({ start: s, end: e });
  };
  for (const m of text.matchAll(/([.!?]["'”’)*_]*)[^\S\n]+(?=["'“‘(*_]*[A-Z0-9])|\n+/gu)) {
    const end = m[1] === undefined ? m.index : m.index + m[1].length;
    push(start, end);
    start = m.index + m[0].length;
  }
  push(start, text.length);
  return spans;
}

/** Emphasis markup blanked out with spaces, so cues match across `**own**` while offsets stay the same. */
const blankMarkup = (text: string): string => text.replace(/[*_]/gu, ' ');

const endsWithColon = (text: string): boolean => /[:–-]\s*$/u.test(text);

function leadInFor(clauses: readonly StanceClause[], index: number): StanceClause | null {
  const clause = clauses[index];
  if (clause === undefined) return null;
  if (clause.kind === undefined) {
    const previous = clauses[index - 1];
    return previous !== undefined && endsWithColon(previous.text) ? previous : null;
  }
  if (clause.kind === 'paragraph') return null;
  const depth = clause.depth ?? 0;
  for (let j = index - 1; j >= 0 && index - j <= 40; j -= 1) {
    const candidate = clauses[j] as StanceClause;
    const isParent = candidate.kind === 'paragraph' || candidate.kind === undefined || (candidate.depth ?? 0) < depth;
    if (isParent) return endsWithColon(candidate.text) ? candidate : null;
  }
  return null;
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

function candidatesFor(dimension: CompiledStanceDimension, clauses: readonly StanceClause[], labels: Map<string, Set<string>> | null): Candidate[] {
  const out: Candidate[] = [];
  clauses.forEach((clause, index) => {
    const leadIn = leadInFor(clauses, index);
    const leadInText = leadIn === null ? null : blankMarkup(leadIn.text);
    const labelled = labels?.get(clause.id) !== undefined && dimension.relatedTypes.some((t) => labels.get(clause.id)?.has(t) === true);
    const plain = blankMarkup(clause.text);
    for (const sentence of splitSentences(clause.text)) {
      const text = plain.slice(sentence.start, sentence.end);
      if (dimension.exclude?.test(text) === true) continue;
      if (dimension.subject !== null && !dimension.subject.test(text) && !(leadInText !== null && dimension.subject.test(leadInText))) continue;
      found: for (const [valueIndex, value] of dimension.values.entries()) {
        for (const [cueIndex, cue] of value.cues.entries()) {
          if (cue.leadIn !== null && (leadInText === null || !cue.leadIn.test(leadInText))) continue;
          const m = cue.re.exec(text);
          if (m === null) continue;
          const usedLeadIn = cue.leadIn !== null || (dimension.subject !== null && !dimension.subject.test(text));
          out.push({
            valueIndex,
            cueIndex,
            labelled,
            clause,
            sentence,
            pattern: cue.source,
            matched: clause.text.slice(sentence.start + m.index, sentence.start + m.index + m[0].length),
            leadIn: usedLeadIn && leadIn !== null ? leadIn.text : null,
          });
          break found;
        }
      }
    }
  });
  return out;
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
  const index = labelIndex(isDefs(labelsOrDefs) ? undefined : labelsOrDefs);
  const findings: StanceFinding[] = [];
  for (const dimension of defs.dimensions) {
    const candidates = candidatesFor(dimension, clauses, index);
    if (candidates.length === 0) continue;
    const best = [...candidates].sort(
      (a, b) =>
        a.valueIndex - b.valueIndex ||
        Number(b.labelled) - Number(a.labelled) ||
        a.cueIndex - b.cueIndex ||
        a.clause.start + a.sentence.start - (b.clause.start + b.sentence.start),
    )[0] as Candidate;
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
