/**
 * Dates and review cycles stated in prose about the policy itself: "This policy was implemented April 2016",
 * "…and was last reviewed on 19th January 2015", "This policy will be reviewed every three years", "Governors will
 * review this policy and its application every two years". The subject must be the policy (this/the policy,
 * agreement, code, document), so "the filtering policy will be reviewed annually" and "based on the Model Policy,
 * Issued October 2011" are not read as this policy's facts.
 */
import { findCycle } from './cycle.ts';
import { scanDates, type DateMatch, type DateOrder, type ImpossibleDate } from '../dates/index.ts';

export type StatementKind = 'approved' | 'created' | 'last' | 'next';

export interface DateStatement {
  kind: StatementKind;
  date: DateMatch | null;
  impossible: ImpossibleDate | null;
  /** The whole statement, subject to date, for evidence. */
  start: number;
  end: number;
}

export interface CycleStatement {
  months: number;
  /** From the subject to the end of the cycle phrase. */
  start: number;
  end: number;
  /** True when the sentence names this document ("this policy"), not just "the policy". */
  explicit: boolean;
}

const DOC_NOUN = '(?:policy|agreement|document|code(?:\\s+of\\s+(?:conduct|practice))?|guidance|guidelines|procedures?|statement|AUP|AUA|protocol|charter)';
/** "This policy", "the ICT Use Policy", "This Online Safety Policy": the document talking about itself. */
const SUBJECT = new RegExp(`\\b(this|the|our)\\s+(?:[\\w-]+\\s+){0,5}?${DOC_NOUN}\\b`, 'gi');
/** "This policy", "our AUP": the document itself, even when a longer "the … policy" match would swallow it. */
const OWN_SUBJECT = new RegExp(`\\b(?:this|our)\\s+(?:[\\w-]+\\s+){0,5}?${DOC_NOUN}\\b`, 'gi');
const PROVENANCE = /\b(?:based\s+on|adapted\s+from|taken\s+from|derived\s+from|model\s+policy|template|guidance\s+from)\b/i;

const VERB =
  /\b(?<aux>was|were|has\s+been|had\s+been|(?:will|shall|is\s+to)\s+next\s+be|will\s+be|shall\s+be|is\s+(?:due\s+)?to\s+be|is\s+due\s+(?:for|to\s+be)|is\s+due|are)?\s*(?<adv>last|next|first|originally|formally|fully|initially)?\s*(?<verb>reviewed|revised|updated|amended|approved|ratified|adopted|agreed|implemented|introduced|issued|written|created|published|review|effective)\b/gi;
/** What may sit between the verb and the date: "by the Governing Body on", "in", "from". */
const GAP = /^(?:\s+(?:by|at)\s+[^.;!?\d\n]{1,60}?)?\s*,?\s*(?:on|in|from|during|at|as\s+of|by|before|dated)?\s*(?:the\s+)?$/i;

/**
 * A line break inside a sentence: PDF text wraps lines, sometimes with a blank line between ("…and was last" /
 * "" / "reviewed on 19th January 2015"). From the start of a run of white space, returns where the sentence goes
 * on (the next non-space character) when the text before does not end in punctuation and the next line starts in
 * lower case; otherwise -1.
 */
function wrapEnd(text: string, at: number): number {
  if (at === 0 || !/[\p{L}\d,]/u.test(text[at - 1]!)) return -1;
  let after = at;
  let breaks = 0;
  while (after < text.length && /\s/.test(text[after]!)) if (text[after++] === '\n') breaks++;
  return breaks >= 1 && breaks <= 2 && /\p{Ll}/u.test(text[after] ?? '') ? after : -1;
}

function sentenceBounds(text: string, at: number): { start: number; end: number } {
  let s = at;
  for (;;) {
    while (s > 0 && !/[.!?\n]/.test(text[s - 1]!)) s--;
    if (s === 0 || text[s - 1] !== '\n') break;
    let ws = s - 1;
    while (ws > 0 && /\s/.test(text[ws - 1]!)) ws--;
    if (wrapEnd(text, ws) < s) break;
    s = ws;
  }
  let e = at;
  for (;;) {
    while (e < text.length && !/[!?\n]/.test(text[e]!) && !(text[e] === '.' && /\s/.test(text[e + 1] ?? ' '))) e++;
    if (text[e] !== '\n') break;
    let ws = e;
    while (ws > 0 && /[ \t]/.test(text[ws - 1]!)) ws--;
    const next = wrapEnd(text, ws);
    if (next < 0) break;
    e = next;
  }
  return { start: s, end: e };
}

function classify(aux: string | undefined, adv: string | undefined, verb: string): StatementKind | null {
  const a = (aux ?? '').toLowerCase().replace(/\s+/g, ' ');
  const v = verb.toLowerCase();
  const future = /\bwill\b|\bshall\b|to be|due/.test(a) || adv?.toLowerCase() === 'next';
  if (future) return /^review/.test(v) ? 'next' : null;
  if (v === 'review') return null;
  if (/^(reviewed|revised|updated|amended)$/.test(v)) return 'last';
  if (/^(approved|ratified|adopted|agreed)$/.test(v)) return 'approved';
  return 'created';
}

/** Dated statements about the policy, in document order. */
export function findDateStatements(text: string, order: DateOrder = 'day-first'): DateStatement[] {
  const out: DateStatement[] = [];
  const seen = new Set<number>();
  for (const subj of text.matchAll(SUBJECT)) {
    const sent = sentenceBounds(text, subj.index);
    const afterSubject = subj.index + subj[0].length;
    if (PROVENANCE.test(text.slice(sent.start, afterSubject + 40))) continue;
    VERB.lastIndex = afterSubject;
    const region = text.slice(0, Math.min(sent.end, afterSubject + 160));
    for (let m = VERB.exec(region); m; m = VERB.exec(region)) {
      const verbEnd = m.index + m[0].length;
      if (PROVENANCE.test(text.slice(afterSubject, m.index))) break;
      const after = text.slice(verbEnd, Math.min(sent.end + 1, verbEnd + 100));
      const { dates, impossible } = scanDates(after, { bareYears: true, order });
      const first = [...dates, ...impossible].sort((a, b) => a.start - b.start)[0];
      if (!first || !GAP.test(after.slice(0, first.start))) continue;
      const kind = classify(m.groups?.aux, m.groups?.adv, m.groups!.verb!);
      if (!kind) continue;
      const abs = verbEnd + first.start;
      if (seen.has(abs)) continue;
      seen.add(abs);
      const isDate = dates[0] !== undefined && dates[0].start === first.start;
      const shift = <T extends { start: number; end: number }>(d: T): T => ({ ...d, start: d.start + verbEnd, end: d.end + verbEnd });
      out.push({
        kind,
        date: isDate ? shift(dates[0]!) : null,
        impossible: isDate ? null : shift(impossible[0]!),
        start: subj.index,
        end: verbEnd + first.end,
      });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

const REVIEW_WORD = /\breview(?:ed)?\b/gi;
const PRONOUN = /^\s*(?:It|This)\s+(?:will|shall|is|must|should|has|was)\b/;

/** "It" opening a sentence that follows, in the same paragraph, a sentence whose subject is this policy. */
function pronounSubject(text: string, sentStart: number, sentence: string): RegExpExecArray | null {
  const p = PRONOUN.exec(sentence);
  if (!p) return null;
  // Walk back over up to two more "It …" sentences: "Our policy has been written… It has been agreed… It will be
  // reviewed annually."
  let k = sentStart;
  for (let back = 0; back < 3; back++) {
    while (k > 0 && /[ \t]/.test(text[k - 1]!)) k--;
    if (k === 0 || !/[.!?]/.test(text[k - 1]!)) return null;
    const prev = sentenceBounds(text, k - 1);
    const previous = text.slice(prev.start, prev.end);
    if (/\b(?:this|our)\s+(?:[\w-]+\s+){0,5}?(?:policy|agreement|AUP|code)\b/i.test(previous)) return p;
    if (!PRONOUN.test(previous)) return null;
    k = prev.start;
  }
  return null;
}

/**
 * Review cycles stated about the policy: the sentence must have the policy as subject or object and put a cycle
 * phrase within a few words of "review(ed)".
 */
export function findCycleStatements(text: string): CycleStatement[] {
  const out: CycleStatement[] = [];
  for (const r of text.matchAll(REVIEW_WORD)) {
    const sent = sentenceBounds(text, r.index);
    const sentence = text.slice(sent.start, sent.end);
    SUBJECT.lastIndex = 0;
    OWN_SUBJECT.lastIndex = 0;
    const subjects = [
      ...sentence.matchAll(OWN_SUBJECT),
      ...[...sentence.matchAll(SUBJECT)].filter((s) => !/\bthe\s+\w+[\w\s-]*\s+policy/i.test(s[0])),
    ].sort((a, b) => a.index - b.index);
    // "This policy is reviewed annually", "review this policy and its application every two years", or "It will be
    // reviewed annually" straight after a sentence about the policy.
    const subject = subjects[0] ?? pronounSubject(text, sent.start, sentence);
    if (!subject) continue;
    const after = text.slice(r.index, Math.min(sent.end, r.index + 110));
    const c = findCycle(after);
    if (!c) continue;
    // "annual review" reads the other way round.
    out.push({
      months: c.months,
      start: sent.start + subject.index,
      end: r.index + c.end,
      explicit: /^(this|our)\b/i.test(subject[0]),
    });
  }
  for (const m of text.matchAll(/\bannual\s+review\b/gi)) {
    const sent = sentenceBounds(text, m.index);
    const sentence = text.slice(sent.start, sent.end);
    SUBJECT.lastIndex = 0;
    // A stand-alone "Annual review" line in a header, a sentence about this policy's annual review, or a cover
    // field such as "Change Forecast: Changes are expected at each annual review" (near the start, and not the
    // annual review of something else: "the annual review of a pupil's plan").
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 40);
    const cover =
      m.index < Math.max(4000, text.length * 0.1) &&
      /\b(?:each|every|its|at\s+the|subject\s+to|an)\s+$/i.test(text.slice(Math.max(0, m.index - 15), m.index)) &&
      !/^\s+(?:of|for|meeting)\b/i.test(after);
    if (sentence.trim().length <= 20 || cover || /\bthis\s+(?:[\w-]+\s+){0,5}?policy\b/i.test(sentence)) {
      out.push({ months: 12, start: m.index, end: m.index + m[0].length, explicit: true });
    }
  }
  const uniq = new Map<number, CycleStatement>();
  for (const c of out.sort((a, b) => a.start - b.start)) if (!uniq.has(c.start)) uniq.set(c.start, c);
  return [...uniq.values()];
}
