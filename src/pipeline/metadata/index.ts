/**
 * Metadata stage: school, title, approval / review dates, review cycle, approving body and audiences, each with the
 * text it was read from. Works from `doc.text` (and YAML front matter) alone, so it does not depend on headings or
 * clauses being found.
 *
 * Dates are read from labels ("Ratified: 19 October 2012"), from prose about the policy ("This policy was
 * implemented April 2016") and from front matter. When several candidates exist for a field, the strongest kind of
 * evidence wins (an "Approved" label beats a "Created" label beats a bare date under the title); among equals the
 * latest date wins, since a document's header and its revision table both name the current version last.
 */
import type { Evidence, MetaValue, PartialDate, PolicyDocument, PolicyMetadata } from '../types.ts';
import { canonicalBody, bodyFromProse, extractAudiences } from './parties.ts';
import {
  checkDate,
  compareDates,
  dateOrderFor,
  findDates,
  monthsBetween,
  precisionOf,
  type DateMatch,
  type DateOrder,
  type ImpossibleDate,
  type OrderDecision,
} from '../dates/index.ts';
import { readLabels, type LabelledValue } from './pairs.ts';
import { contentLines, splitLines, type Line } from './lines.ts';
import { extractSchool } from './school.ts';
import { findCycleStatements, findDateStatements } from './sentences.ts';
import { extractTitle } from './title.ts';

export { parseDate, checkDate, findDates, scanDates, addMonthsTo, compareDates, monthsBetween, precisionOf } from '../dates/index.ts';
export type { DateMatch, DatePrecision, DateForm, ImpossibleDate } from '../dates/index.ts';
export {
  applyMetadataOverrides,
  applyMetadataOverride,
  validateMetadataOverride,
  metadataOverrideSchema,
  METADATA_FIELDS,
} from './overrides.ts';
export type { MetadataOverride, MetadataField, OverrideResult } from './overrides.ts';

export interface MetadataContext {
  /** The source file's name; used only in messages. */
  fileName: string;
  /** "Today" for future-date warnings, as YYYY-MM-DD. Without it no date is called "in the future". */
  asOf?: string;
  /**
   * The school's nation from content/schools.csv ("England", "United States"), when known. Decides whether numeric
   * dates are day first or month first; without it the document decides.
   */
  nation?: string | null;
}

type DateField = 'approved' | 'lastReviewed' | 'nextReview';

interface Candidate {
  field: DateField;
  value: PartialDate;
  /** Strength of the evidence: 4 front matter, 3 explicit label, 2 weaker label or prose, 1 generic, 0 guess. */
  tier: number;
  evidence: Evidence | null;
  source: MetaValue<string>['source'];
  at: number;
  /** Read from a numeric date that means another day the other way round (04/12/2024). */
  ambiguous?: boolean;
  /** From an unqualified "Review date" label, which may mean the last review or the next. */
  reviewDate?: boolean;
}

/** How many non-blank lines count as the top of the document (title block, header table). */
const TOP_LINES = 20;
const PROVENANCE = /\b(?:based\s+on|adapted\s+from|taken\s+from|model\s+policy|template)\b/i;

function slice(text: string, start: number, end: number): Evidence {
  return { start, end, quote: text.slice(start, end) };
}

function topOf(lines: Line[]): Line[] {
  const out: Line[] = [];
  for (const l of contentLines(lines)) {
    if (out.length >= TOP_LINES || l.text.trim().length > 250) break;
    out.push(l);
  }
  return out;
}

function latest(dates: DateMatch[]): DateMatch | undefined {
  return [...dates].sort((a, b) => compareDates(b.value, a.value))[0];
}

/** Front-matter keys that carry policy dates (Markdown policy repositories, Jekyll/Hugo sites). */
const FRONT_MATTER_DATES: ReadonlyArray<readonly [RegExp, DateField]> = [
  [/^(?:date[-_ ]?)?(?:adoption|adopted|approved|approval|ratified|ratification)(?:[-_ ]?date)?$|^date$/i, 'approved'],
  [/^(?:date[-_ ]?)?(?:last[-_ ]?)?(?:reviewed|revised|updated|revision)(?:[-_ ]?date)?$/i, 'lastReviewed'],
  [/^(?:date[-_ ]?)?next[-_ ]?review(?:[-_ ]?date)?$|^review[-_ ]?(?:date|due)$/i, 'nextReview'],
];

function frontMatterValue(v: unknown): string | null {
  if (v instanceof Date && !Number.isNaN(v.getTime())) return v.toISOString().slice(0, 10);
  if (typeof v === 'number' && Number.isInteger(v)) return String(v);
  return typeof v === 'string' && v.trim() ? v.trim() : null;
}

function frontMatterCandidates(text: string, fm: Record<string, unknown> | undefined, warnings: string[]): Candidate[] {
  if (!fm) return [];
  const out: Candidate[] = [];
  for (const [key, raw] of Object.entries(fm)) {
    const field = FRONT_MATTER_DATES.find(([re]) => re.test(key))?.[1];
    const s = frontMatterValue(raw);
    if (!field || s === null) continue;
    const r = checkDate(s);
    if (!r.ok) {
      if (/\d/.test(s)) warnings.push(`front matter "${key}: ${s}" is not a date this tool can read`);
      continue;
    }
    const at = text.indexOf(`${key}: ${s}`);
    out.push({
      field,
      value: r.date.value,
      tier: 4,
      evidence: at >= 0 ? slice(text, at, at + key.length + 2 + s.length) : null,
      source: 'front-matter',
      at: at >= 0 ? at : -1,
    });
  }
  return out;
}

function describeImpossible(text: string, bad: ImpossibleDate, contextStart: number): string {
  const ctx = text.slice(contextStart, bad.end).replace(/\s+/g, ' ').trim();
  return `impossible date "${bad.quote}" in "${ctx}" (${bad.reason}); ignored`;
}

/** The label and its value as one quote when they are close (same line, next line, a small table); else the value. */
function labelEvidence(text: string, v: LabelledValue, date: DateMatch): Evidence {
  return date.end - v.label.start <= 300 && date.start >= v.label.start ? slice(text, v.label.start, date.end) : slice(text, date.start, date.end);
}

const APPROVAL_WORD = /\b(?:approved|ratified|adopted)\b/i;
const REVIEW_WORD = /\b(?:reviewed|updated|revised|amended)\b/i;

function labelCandidates(text: string, values: LabelledValue[], top: Line[], warnings: string[]): Candidate[] {
  const topEnd = top[top.length - 1]?.index ?? -1;
  const out: Candidate[] = [];
  for (const v of values) {
    const lineStart = text.lastIndexOf('\n', v.label.start - 1) + 1;
    if (PROVENANCE.test(text.slice(lineStart, v.label.start))) continue;
    for (const bad of v.impossible) warnings.push(describeImpossible(text, bad, v.label.start));
    if (!v.date) continue;
    const date = v.kind === 'approved' ? (latest(v.dates) ?? v.date) : v.date;
    const ev = labelEvidence(text, v, date);
    const push = (field: DateField, tier: number) =>
      out.push({ field, value: date.value, tier, evidence: ev, source: 'text', at: v.label.start, ...(date.ambiguous ? { ambiguous: true } : {}) });
    // "Date for approval", "To be ratified": a plan, not the approval.
    if (v.tentative && (v.kind === 'approved' || v.kind === 'created' || v.kind === 'date')) continue;
    switch (v.kind) {
      case 'approved':
        push('approved', 3);
        // "Approved and reviewed: …" is both on one date.
        if (REVIEW_WORD.test(v.label.label)) push('lastReviewed', 3);
        break;
      case 'created':
      case 'version':
        push('approved', 2);
        break;
      case 'last':
        push('lastReviewed', 3);
        if (APPROVAL_WORD.test(v.label.label)) push('approved', 3);
        break;
      case 'next':
        push('nextReview', 3);
        break;
      case 'review-date':
        // Resolved against the other candidates once all are known (see resolveReviewDates).
        out.push({ field: 'nextReview', value: date.value, tier: -3, evidence: ev, source: 'text', at: v.label.start, reviewDate: true, ...(date.ambiguous ? { ambiguous: true } : {}) });
        break;
      case 'date':
        // A lone "Date:" in the header block is the policy's date; elsewhere it is a form field or a log entry.
        if (v.lineIndex <= topEnd && date.precision !== 'year') push('approved', 1);
        break;
      case 'cycle':
      case 'status':
      case 'other':
        break;
    }
  }
  return out;
}

/**
 * "Review date" means the next review, unless a separate next-review label gives a later date, in which case it is
 * the review just done ("Review Date: September 2020 / To be Reviewed: September 2021").
 */
function resolveReviewDates(cands: Candidate[]): Candidate[] {
  const nexts = cands.filter((c) => c.field === 'nextReview' && c.tier > 0);
  return cands.map((c) => {
    if (c.tier !== -3) return c;
    const later = nexts.some((n) => compareDates(n.value, c.value) > 0 && n.value !== c.value);
    return later ? { ...c, field: 'lastReviewed', tier: 2 } : { ...c, tier: 3 };
  });
}

/**
 * A "review date" that is the very date the header gives the policy ("January 2018" under the title, "DATE OF
 * REVIEW: January 2018") records the review that produced this version, not the next one.
 */
function reviewOnHeaderDate(cands: Candidate[], bare: Candidate | null): Candidate[] {
  if (!bare) return cands;
  return cands.map((c) => (c.field === 'nextReview' && c.reviewDate && c.value === bare.value ? { ...c, field: 'lastReviewed' } : c));
}

/** Words that name the document in a title line: "Online Safety Policy September 2023". */
const TITLE_NOUN = /\b(?:policy|AUP|AUA|agreement|code\s+of\s+conduct|guidance|guidelines|procedures?|handbook|protocol|charter|statement)\b/i;
/** A contents heading run into a cover date by the PDF layout: "August 2014 Contents". */
const CONTENTS = /^(?:table\s+of\s+)?contents?\b|^index\b/i;

/**
 * The policy's date when the header gives it without a label, as a last resort for approval: a date alone on a
 * line under the title ("ICT USER POLICY / September 2017"), a date ending the title line ("Online Safety Policy
 * – September 2023"), or a cover date run into the contents heading ("August 2014 Contents").
 */
function bareTopDate(text: string, top: Line[], cands: Candidate[], order: DateOrder): Candidate | null {
  for (const line of top) {
    if (line.cells.length !== 1) continue;
    const cell = line.cells[0]!;
    const inner = cell.text.replace(/^[#*_\s]+|[*_\s]+$/g, '');
    const ds = findDates(inner, { order });
    const d = ds[0];
    if (!d || d.precision === 'year' || ds.length > 1) continue;
    const before = inner.slice(0, d.start).replace(/[\s\-–—:,(]+$/, '');
    const after = inner.slice(d.end).replace(/^[\s)\-–—:,.]+/, '');
    const alone = before === '' && after === '';
    // A title, not a sentence that happens to end in a date ("The law stated in this guidance is that in force on …").
    const titled =
      after === '' && !/[.;]$/.test(inner) && TITLE_NOUN.test(before) && before.split(/\s+/).length <= 10 && !/\b(?:is|are|was|were|be|been|will|shall|has|have)\b/i.test(before);
    const contents = before === '' && CONTENTS.test(after) && after.length <= 20;
    if (!alone && !titled && !contents) continue;
    if (cands.some((c) => c.value === d.value && c.field !== 'approved')) return null;
    const start = cell.start + cell.text.indexOf(inner) + d.start;
    return { field: 'approved', value: d.value, tier: 0, evidence: slice(text, start, start + d.quote.length), source: 'text', at: start, ...(d.ambiguous ? { ambiguous: true } : {}) };
  }
  return null;
}

function choose(cands: Candidate[], field: DateField): Candidate | null {
  const mine = cands.filter((c) => c.field === field && c.tier >= 0);
  if (!mine.length) return null;
  const top = Math.max(...mine.map((c) => c.tier));
  return mine.filter((c) => c.tier === top).sort((a, b) => compareDates(b.value, a.value) || a.at - b.at)[0] ?? null;
}

/**
 * A numeric date that reads as another day the other way round (04/12/2024), in a document that does not show
 * which way round it writes dates: kept day first, and said so.
 */
function orderWarnings(order: OrderDecision, chosen: ReadonlyArray<Candidate | null>): string[] {
  if (order.basis !== 'default') return [];
  return chosen
    .filter((c): c is Candidate => c !== null && c.ambiguous === true)
    .map((c) => `date "${c.evidence?.quote.replace(/\s+/g, ' ') ?? c.value}" read day first as ${c.value}; ${order.reason}, and month first it would be another day`);
}

function toMeta(c: Candidate | null): MetaValue<PartialDate> | null {
  return c ? { value: c.value, evidence: c.evidence, source: c.source } : null;
}

function chooseCycle(
  text: string,
  labels: LabelledValue[],
  approved: Candidate | null,
  last: Candidate | null,
  next: Candidate | null,
  cands: Candidate[],
): MetaValue<number> | null {
  const labelled = labels.find((v) => v.cycle && (v.kind === 'cycle' || (!v.date && (v.kind === 'last' || v.kind === 'review-date'))));
  if (labelled?.cycle) return { value: labelled.cycle.months, evidence: slice(text, labelled.label.start, labelled.cycle.end), source: 'text' };

  const statements = findCycleStatements(text);
  // Statements in the last part of a long document are usually about an appended policy (a filtering or search
  // policy in an appendix), so they rank below a cycle derived from the policy's own dates.
  const mainEnd = text.length > 20_000 ? text.length * 0.6 : text.length;
  const main = statements.find((s) => s.start < mainEnd);
  if (main) return { value: main.months, evidence: slice(text, main.start, main.end), source: 'text' };

  if (next && precisionOf(next.value) !== 'year') {
    // The latest stated date first; an earlier stated date still gives the cycle when a later one is off-cycle
    // ("approved 04 July 2024, reviewed 04/12/2024, next review 04 July 2025"; "approved 13 July 2022, applicable
    // from 01 September 2022, review date September 2025").
    const stated = cands.filter((c) => c.tier >= 0 && c.field !== 'nextReview' && c.evidence !== null);
    const bases = [...new Set([last, approved, ...stated])]
      .filter((c): c is Candidate => c !== null && precisionOf(c.value) !== 'year' && compareDates(c.value, next.value) < 0)
      .sort((a, b) => compareDates(b.value, a.value) || b.at - a.at);
    for (const base of bases) {
      const m = monthsBetween(base.value, next.value);
      // Only a gap that looks like a cycle (6 months or whole years, give or take a month) is one; "June 2018 →
      // January 2020" is a one-off date, not a 19-month cycle.
      const years = Math.round(m / 12);
      if (m === 6) return { value: 6, evidence: null, source: 'derived' };
      if (years >= 1 && years <= 5 && Math.abs(m - years * 12) <= 1) return { value: years * 12, evidence: null, source: 'derived' };
    }
  }
  const late = statements[0];
  return late ? { value: late.months, evidence: slice(text, late.start, late.end), source: 'text' } : null;
}

export function extractMetadata(
  doc: Pick<PolicyDocument, 'text' | 'frontMatter' | 'headings' | 'clauses'>,
  context: MetadataContext,
): PolicyMetadata {
  const text = doc.text;
  const warnings: string[] = [];
  const lines = splitLines(text);
  const top = topOf(lines);

  const title = extractTitle(text, top, doc.frontMatter);
  const school = extractSchool(text, top, title?.evidence ?? null);
  warnings.push(...school.warnings);

  const order = dateOrderFor(text, context.nation);
  const labels = readLabels(text, lines, order.order);
  let cands: Candidate[] = [...frontMatterCandidates(text, doc.frontMatter, warnings), ...labelCandidates(text, labels, top, warnings)];
  for (const s of findDateStatements(text, order.order)) {
    if (s.impossible) {
      warnings.push(describeImpossible(text, s.impossible, s.start));
      continue;
    }
    if (!s.date) continue;
    const field: DateField = s.kind === 'last' ? 'lastReviewed' : s.kind === 'next' ? 'nextReview' : 'approved';
    const tier = s.kind === 'approved' ? 3 : 2;
    cands.push({ field, value: s.date.value, tier, evidence: slice(text, s.start, s.end), source: 'text', at: s.start, ...(s.date.ambiguous ? { ambiguous: true } : {}) });
  }
  cands = resolveReviewDates(cands);
  if (!cands.some((c) => c.field === 'approved' && c.tier >= 0)) {
    const bare = bareTopDate(text, top, cands.filter((c) => !c.reviewDate), order.order);
    cands = reviewOnHeaderDate(cands, bare);
    if (bare && !cands.some((c) => c.value === bare.value && c.field !== 'approved')) cands.push(bare);
  }

  const approved = choose(cands, 'approved');
  const last = choose(cands, 'lastReviewed');
  const next = choose(cands, 'nextReview');
  const cycle = chooseCycle(text, labels, approved, last, next, cands);
  warnings.push(...orderWarnings(order, [approved, last, next]));

  // Approving body: the words next to the approval date, then prose about approval.
  let approvingBody: MetaValue<string> | null = null;
  for (const v of labels) {
    if (v.kind !== 'approved') continue;
    // The body sits between label and date ("Approved by the governing body: May 2018") or after the date
    // ("DATE APPROVED: JUNE 2018, CFC COMMITTEE MEETING", "Authorised by: Exec 6/10/16 and Full Governors 26/11/16").
    const lineEnd = text.indexOf('\n', v.label.end);
    const rest = { start: v.label.end, end: lineEnd < 0 ? text.length : lineEnd };
    for (const span of [v.between, rest]) {
      const name = span ? canonicalBody(text.slice(span.start, span.end)) : null;
      if (span && name) {
        approvingBody = { value: name, evidence: slice(text, span.start, span.end), source: 'text' };
        break;
      }
    }
    if (approvingBody) break;
  }
  approvingBody ??= bodyFromProse(text);

  if (context.asOf) {
    const asOf = checkDate(context.asOf);
    if (!asOf.ok) warnings.push(`as-of date ignored: ${asOf.error}`);
    else {
      for (const [name, c] of [['approval', approved], ['last review', last]] as const) {
        if (c && compareDates(c.value, asOf.date.value) > 0) {
          warnings.push(`${name} date ${c.value} is in the future (as of ${asOf.date.value})${c.evidence ? `: "${c.evidence.quote.replace(/\s+/g, ' ')}"` : ''}`);
        }
      }
    }
  }
  if (approved && next && compareDates(next.value, approved.value) < 0) {
    warnings.push(`next review date ${next.value} is before the approval date ${approved.value}`);
  }
  if (!approved && !last && !next) warnings.push('no dates stated');
  if (!school.school) warnings.push(`school name not found in ${context.fileName}`);

  return {
    school: school.school,
    schoolIsPlaceholder: school.placeholder,
    title,
    approved: toMeta(approved),
    lastReviewed: toMeta(last),
    nextReview: toMeta(next),
    reviewCycleMonths: cycle,
    approvingBody,
    audiences: extractAudiences(text),
    warnings,
  };
}
