/**
 * Label/value pairs of a cover sheet, wherever the value sits:
 * - in the same cell, after the label ("Ratified: 19 October 2012", "Approved by the governing body: May 2018");
 * - in the next cell of the row or the next line ("Last reviewed on: | 25/11/2024", a label line over a value line);
 * - split over two lines ("Date approved: 4th" / "July 2024");
 * - under a label that itself wraps onto the next line ("Date this policy was  October 2020" / "reviewed and by whom");
 * - in the rows of a table headed by labels (tables.ts).
 * Every value keeps the offsets of its label and of its value, so a field can cite both.
 */
import { findCycle } from './cycle.ts';
import { dateHeadAt, scanDates, type DateMatch, type DateOrder, type ImpossibleDate } from '../dates/index.ts';
import { DATE_KINDS, inlineLabels, labelsInCell, wholeLabelKind, type LabelHit, type LabelKind } from './labels.ts';
import type { Cell, Line } from './lines.ts';
import { columnTables, dateCell } from './tables.ts';

/** A labelled value read from the text. */
export interface LabelledValue {
  kind: LabelKind;
  label: LabelHit;
  /** The date the label points at, when there is one. */
  date: DateMatch | null;
  /** All dates in the value (an approval line may name two meetings: "Exec 6/10/16 and Full Governors 26/11/16"). */
  dates: DateMatch[];
  impossible: ImpossibleDate[];
  cycle: { months: number; start: number; end: number } | null;
  /** Words between the label and its date, e.g. the approving body in "Approved by the governing body: May 2018". */
  between: { start: number; end: number; text: string } | null;
  lineIndex: number;
  /** The value is a plan, not a fact: "Date for approval", "to be ratified", "draft". */
  tentative: boolean;
  /** The value's own cell when it is not in the label's cell (a table cell or the next line). */
  valueCell: { start: number; end: number } | null;
}

const VALUE_LEAD = /^[\s:\-–—.,]*/;
/** Text allowed between a label and its date: "by the governing body", "on", "and by whom". */
const BETWEEN_OK = /^[^.;!?\d]{0,60}$/;
/** A label qualified as a plan rather than a fact. */
const TENTATIVE = /\b(?:for\s+(?:approval|ratification|adoption|consultation|sign[-\s]?off)|to\s+be\s+(?:approved|ratified|adopted|agreed)|draft|proposed|pending|tbc|tba)\b/i;
/** The words of a value without its connectives: "by the governing body:" → "governing body". */
function cleanBetween(text: string, from: number, to: number): LabelledValue['between'] {
  let s = from;
  let e = to;
  const lead = /^(?:\s|[:\-–—,]|\b(?:by|on|in|at|the|and by whom)\b)+/i.exec(text.slice(s, e));
  if (lead) s += lead[0].length;
  const trail = /(?:\s|[:\-–—,(]|\b(?:on|in|at|dated?)\b)+$/i.exec(text.slice(s, e));
  if (trail) e -= trail[0].length;
  return e > s ? { start: s, end: e, text: text.slice(s, e) } : null;
}

/**
 * A date whose first part ends the value and whose rest starts the next non-blank line. Newlines are read as
 * spaces, which keeps every offset the same as in the text.
 */
function splitDate(text: string, from: number, valueEnd: number, order: DateOrder): DateMatch | null {
  const at = dateHeadAt(text.slice(from, valueEnd));
  if (at < 0) return null;
  const headAt = from + at;
  let next = valueEnd;
  while (next < text.length && /\s/.test(text[next]!)) next++;
  if (!text.slice(valueEnd, next).includes('\n')) return null;
  const nextEnd = text.indexOf('\n', next);
  const joined = text.slice(headAt, nextEnd < 0 ? text.length : nextEnd).replace(/\n/g, ' ');
  const d = scanDates(joined, { bareYears: false, order }).dates[0];
  if (!d || d.start !== 0 || headAt + d.end <= next) return null;
  return { ...d, start: headAt, end: headAt + d.end, quote: text.slice(headAt, headAt + d.end) };
}

/**
 * The dates of one value that name the same event: "Exec 6/10/16 and Full Governors 26/11/16" (two meetings
 * approving it), but not "October 2020, and will next be reviewed in October 2022".
 */
function sameEvent(text: string, dates: DateMatch[], first: DateMatch): DateMatch[] {
  const out = [first];
  for (const d of dates) {
    const prev = out[out.length - 1]!;
    if (d.start <= prev.start) continue;
    const gap = text.slice(prev.end, d.start);
    if (d.start - first.end >= 60 || /\b(?:review\w*|next|until|expir\w*|due|valid|applicable|effective|renew\w*)\b|[.;]/i.test(gap)) break;
    out.push(d);
  }
  return out;
}

function readValue(text: string, hit: LabelHit, valueEnd: number, lineIndex: number, order: DateOrder): LabelledValue {
  const lead = VALUE_LEAD.exec(text.slice(hit.end, valueEnd))?.[0].length ?? 0;
  const from = hit.end + lead;
  const segment = text.slice(from, valueEnd);
  const { dates: found, impossible: badFound } = scanDates(segment, { bareYears: true, order });
  const shift = <T extends { start: number; end: number }>(d: T): T => ({ ...d, start: d.start + from, end: d.end + from });
  const dates = found.map(shift);
  const impossible = badFound.map(shift);
  let date: DateMatch | null = null;
  let between: LabelledValue['between'] = null;
  const split = dates.length === 0 && impossible.length === 0 ? splitDate(text, from, valueEnd, order) : null;
  if (split) dates.push(split);
  const firstDate = dates[0];
  const firstBad = impossible[0];
  const firstAt = Math.min(firstDate?.start ?? Infinity, firstBad?.start ?? Infinity);
  if (firstAt !== Infinity && BETWEEN_OK.test(text.slice(from, firstAt))) {
    if (firstDate && firstDate.start === firstAt) date = firstDate;
    between = cleanBetween(text, from, firstAt);
  } else if (firstAt === Infinity) {
    between = cleanBetween(text, from, valueEnd);
  }
  const c = findCycle(segment);
  const cycle = c && c.start < 40 ? { months: c.months, start: c.start + from, end: c.end + from } : null;
  return {
    kind: hit.kind,
    label: hit,
    date,
    dates: date ? sameEvent(text, dates, date) : [],
    impossible: firstBad && firstBad.start === firstAt ? [firstBad] : [],
    cycle,
    between,
    lineIndex,
    tentative: TENTATIVE.test(hit.label) || (between !== null && TENTATIVE.test(between.text)),
    valueCell: split ? { start: split.start, end: split.end } : null,
  };
}

/**
 * A label wrapped onto the next line: the value sits after the first part ("Date this policy was  October 2020")
 * and the rest of the label is the next line's first cell ("reviewed and by whom"). Returns the kind the whole
 * label names, when that is a more specific kind than the first part alone.
 */
function wrappedKind(text: string, v: LabelledValue, cell: Cell, next: Line | undefined): LabelKind | null {
  const cont = next?.cells[0];
  if (!cont || !/^[a-z]/.test(cont.text) || cont.text.length > 40 || scanDates(cont.text).dates.length) return null;
  const upTo = v.date?.start ?? cell.end;
  const kind = wholeLabelKind(`${text.slice(v.label.start, upTo)} ${cont.text}`);
  return kind && kind !== v.kind && kind !== 'date' ? kind : null;
}

export function readLabels(text: string, lines: Line[], order: DateOrder = 'day-first'): LabelledValue[] {
  const tables = columnTables(text, lines, order);
  const out: LabelledValue[] = [...tables.values];
  const flat: Array<{ cell: Cell; line: Line }> = [];
  for (const line of lines) if (!tables.consumed.has(line.index)) for (const cell of line.cells) flat.push({ cell, line });
  const nextContent = (index: number): Line | undefined => {
    for (let k = index + 1; k < lines.length && k <= index + 2; k++) if (lines[k]!.cells.length) return lines[k];
    return undefined;
  };

  let recent = null as { kind: LabelKind; lineIndex: number; hasDate: boolean } | null;
  for (let i = 0; i < flat.length; i++) {
    const { cell, line } = flat[i]!;
    // A page of text with no line breaks (some PDFs): only "Label: date" pairs count there.
    const hits = cell.text.length > 400 ? inlineLabels(text, cell) : labelsInCell(text, cell);
    for (let h = 0; h < hits.length; h++) {
      const hit = hits[h]!;
      const valueEnd = hits[h + 1]?.start ?? cell.end;
      const v = readValue(text, hit, valueEnd, line.index, order);
      if (hit.kind === 'date') {
        const inherit: LabelKind | null = recent && !recent.hasDate && line.index - recent.lineIndex <= 2 ? recent.kind : null;
        if (inherit && DATE_KINDS.has(inherit) && inherit !== 'date') v.kind = inherit;
      }
      if (h === hits.length - 1 && (hit.kind === 'date' || v.date)) {
        const wrapped = wrappedKind(text, v, cell, nextContent(line.index));
        if (wrapped) v.kind = wrapped;
      }
      // Nothing after the label in its own cell: look at the next cells for a date or the approving body.
      if (!v.date && !v.cycle && v.impossible.length === 0 && h === hits.length - 1) {
        for (let j = i + 1; j < Math.min(flat.length, i + 3); j++) {
          const next = flat[j]!;
          if (next.line.index - line.index > 2 || labelsInCell(text, next.cell).length) break;
          const dc = dateCell(next.cell, order);
          if (dc) {
            v.date = dc.date;
            v.dates = dc.date ? [dc.date] : [];
            v.impossible = dc.impossible;
            v.valueCell = { start: next.cell.start, end: next.cell.end };
            break;
          }
          const c = findCycle(next.cell.text);
          if (c && c.start < 3 && (v.kind === 'cycle' || v.kind === 'last' || v.kind === 'review-date')) {
            v.cycle = { months: c.months, start: c.start + next.cell.start, end: c.end + next.cell.start };
            break;
          }
          if (v.between === null && next.cell.text.length <= 60) {
            v.between = { start: next.cell.start, end: next.cell.end, text: next.cell.text };
          } else break;
        }
      }
      recent = { kind: v.kind, lineIndex: line.index, hasDate: v.date !== null };
      out.push(v);
    }
  }
  pairLabelRuns(text, flat, out, order);
  return out;
}

/**
 * A column of labels followed by a column of values, flattened by a PDF into lines: "This policy was adopted on" /
 * "Date for review" / … / "September 2019" / "September 2020". Date-only lines that no label took are given, in
 * order, to the date labels above them that found no value.
 */
function pairLabelRuns(text: string, flat: Array<{ cell: Cell; line: Line }>, values: LabelledValue[], order: DateOrder): void {
  const lineOf = (pos: number) => flat.find((f) => f.cell.start <= pos && pos < f.cell.end)?.line.index ?? -1;
  const restOfLine = (v: LabelledValue) => text.slice(v.label.end, text.indexOf('\n', v.label.end) < 0 ? text.length : text.indexOf('\n', v.label.end));
  // Labels alone on their line whose value, if any, came from a later line.
  const labels = values
    .filter((v) => DATE_KINDS.has(v.kind) && v.kind !== 'date' && !v.cycle && restOfLine(v).replace(/[\s:.\-–—]/g, '') === '')
    .filter((v) => !v.date || (v.valueCell !== null && lineOf(v.valueCell.start) > v.lineIndex))
    .sort((a, b) => a.label.start - b.label.start);
  // A run needs two labels; reading every one-cell line for a date is the dear part, so it waits for them.
  if (labels.length < 2) return;
  const dateLines = flat.filter(({ cell, line }) => {
    if (line.cells.length !== 1) return false;
    const dc = dateCell(cell, order);
    return dc?.date !== null && dc !== null && dc.date.end - dc.date.start >= cell.text.length - 2;
  });
  let i = 0;
  while (i < labels.length) {
    // A run: labels, then date lines straight after the last of them (blank or short lines allowed between).
    const run = [labels[i]!];
    while (i + run.length < labels.length && labels[i + run.length]!.lineIndex - run[run.length - 1]!.lineIndex <= 8) run.push(labels[i + run.length]!);
    const lastLabel = run[run.length - 1]!;
    const dates = dateLines.filter((d) => d.line.index > lastLabel.lineIndex && d.line.index - lastLabel.lineIndex <= 12);
    const consecutive = dates.slice(0, run.length).every((d, k, all) => k === 0 || d.line.index - all[k - 1]!.line.index <= 2);
    if (run.length >= 2 && dates.length >= run.length && consecutive) {
      run.forEach((v, k) => {
        const d = dateCell(dates[k]!.cell, order)!.date!;
        v.date = d;
        v.dates = [d];
        v.impossible = [];
        v.valueCell = { start: dates[k]!.cell.start, end: dates[k]!.cell.end };
      });
    }
    i += run.length;
  }
}
