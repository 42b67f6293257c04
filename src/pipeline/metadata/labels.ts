/**
 * Labelled metadata: "Approved by: Governors  Date: 25/11/24", "Next review due by: Nov 2027", "Review Cycle: 2
 * Years". Labels are only read where a cell starts (or straight after another label's value on the same cell), so
 * a date in running text ("based on the Model Policy, Issued October 2011") is never taken for the policy's own.
 */
import { findCycle } from './cycle.ts';
import { scanDates, type DateMatch, type ImpossibleDate } from './dates.ts';
import type { Cell, Line } from './lines.ts';

/**
 * What a label says its value is. `created` gives the approval date only when nothing stronger does; `review-date`
 * ("Review date") normally means the next review but is the last review when a separate next-review label exists.
 */
export type LabelKind = 'approved' | 'created' | 'last' | 'next' | 'review-date' | 'date' | 'cycle';

const LABELS: ReadonlyArray<readonly [LabelKind, string]> = [
  ['next', 'date\\s+of\\s+(?:the\\s+)?next\\s+(?:policy\\s+)?review(?:\\s+date)?(?:\\s+and\\s+by\\s+whom)?'],
  ['next', '(?:date\\s+(?:of\\s+|for\\s+)?)?next\\s+(?:policy\\s+)?review(?:\\s+(?:date|due(?:\\s+(?:date|by|on|in))?|by|on|in))?'],
  ['next', '(?:date\\s+)?(?:\\d(?:st|nd|rd|th)\\s+)?(?:policy\\s+)?review\\s+due(?:\\s+(?:date|by|on|in))?'],
  ['next', '(?:date\\s+)?(?:policy\\s+)?(?:to\\s+be|due\\s+to\\s+be)\\s+reviewed(?:\\s+(?:by|on|in|before))?'],
  ['next', '(?:date\\s+)?due\\s+for\\s+review(?:\\s+(?:by|on|in))?'],
  ['next', '(?:date\\s+for\\s+review|renewal\\s+date|review\\s+by)'],
  ['last', 'date\\s+(?:this\\s+)?policy\\s+was\\s+(?:last\\s+)?(?:reviewed|updated|revised|amended)(?:\\s+and\\s+by\\s+whom)?'],
  ['last', 'date\\s+of\\s+(?:last\\s+|latest\\s+|most\\s+recent\\s+)?(?:policy\\s+)?(?:review|revision|amendment|update)'],
  ['last', '(?:date\\s+)?(?:policy\\s+)?last\\s+(?:reviewed|review(?:\\s+date)?|updated|update|revised|revision|amended)(?:\\s+(?:on|in|date))?'],
  ['last', '(?:date\\s+)?(?:policy\\s+)?(?:reviewed|updated|revised|amended)(?:\\s+and\\s+(?:updated|amended|approved))?(?:\\s+(?:on|in|date))?'],
  ['last', '(?:revision|amendment|update)\\s+date'],
  ['cycle', '(?:status\\s*(?:&|and)\\s*)?review\\s+(?:cycle|frequency|period|interval|schedule)'],
  ['cycle', 'frequency\\s+of\\s+review'],
  ['review-date', '(?:policy\\s+)?review(?:\\s+date)?'],
  ['approved', 'date\\s+(?:of\\s+)?(?:approval|ratification|adoption)'],
  ['approved', '(?:approval|ratification|adoption)(?:\\s+date)?'],
  ['approved', '(?:date\\s+)?(?:policy\\s+)?(?:approved|ratified|adopted|agreed|authori[sz]ed|endorsed|signed\\s+off)'],
  ['created', 'date\\s+(?:of\\s+)?(?:policy|issue|publication|implementation|creation)'],
  ['created', '(?:issue|creation|implementation|publication|policy)\\s+date'],
  ['created', 'effective(?:\\s+date)?(?:\\s+of\\s+(?:the\\s+)?policy)?(?:\\s+from)?'],
  ['created', '(?:date\\s+)?(?:policy\\s+)?(?:created|implemented|issued|written|published|introduced)(?:\\s+(?:on|in))?'],
  ['date', 'date(?:d)?'],
];

/** Bullets, numbering, Markdown/reST markup that may precede a label in its cell. */
const DECORATION = /^(?:[-*•▪●◦#>:_]+\s*|\d+(?:\.\d+)*[.)]?\s+)*\**/;
const LABEL_END = '(?=\\s*[:\\-–—.,)(]|\\s|$)';

const LABEL_RES: ReadonlyArray<readonly [LabelKind, RegExp]> = LABELS.map(([k, src]) => [k, new RegExp(`(?:${src})${LABEL_END}`, 'iy')]);

/** Any label, anywhere, for finding the next label after a value on the same cell. */
const ANY_LABEL = new RegExp(`(?<![\\p{L}])(?:${LABELS.map(([, s]) => `(?:${s})`).join('|')})${LABEL_END}`, 'giu');

export interface LabelHit {
  kind: LabelKind;
  /** Offsets of the label words in the document text. */
  start: number;
  end: number;
  label: string;
}

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
}

function labelAt(text: string, pos: number): LabelHit | null {
  let best: LabelHit | null = null;
  for (const [kind, re] of LABEL_RES) {
    re.lastIndex = pos;
    const m = re.exec(text);
    if (!m) continue;
    // A real label starts with a capital ("Reviewed: …"); a lower-case word at a line start is usually a PDF line
    // wrapped mid-sentence ("reviewed, at least annually, by the E-Safety Committee").
    if (!/^[A-Z]/.test(m[0])) continue;
    if (!best || m[0].length > best.end - best.start) best = { kind, start: pos, end: pos + m[0].length, label: m[0] };
  }
  return best;
}

/** Labels that start `cell` and any chained after them ("Issued: May 2020 Review: May 2022"). */
function labelsInCell(text: string, cell: Cell): LabelHit[] {
  const deco = DECORATION.exec(cell.text)?.[0].length ?? 0;
  const first = labelAt(text, cell.start + deco);
  if (!first) return [];
  const hits = [first];
  ANY_LABEL.lastIndex = first.end;
  const tail = text.slice(0, cell.end);
  for (;;) {
    ANY_LABEL.lastIndex = Math.max(ANY_LABEL.lastIndex, hits[hits.length - 1]!.end);
    const m = ANY_LABEL.exec(tail);
    if (!m) break;
    const prev = hits[hits.length - 1]!;
    // A chained label follows its predecessor's short value; further on, it is prose, not a label.
    if (m.index - prev.end > 60) break;
    const hit = labelAt(text, m.index);
    if (!hit) continue;
    // Only chain after a value that held a date or after a short run of words ("Approved by Governors Date: …").
    hits.push(hit);
    ANY_LABEL.lastIndex = hit.end;
  }
  return hits;
}

const VALUE_LEAD = /^[\s:\-–—.,]*/;
/** Text allowed between a label and its date: "by the governing body", "on", "and by whom". */
const BETWEEN_OK = /^[^.;!?\d]{0,60}$/;

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

function readValue(text: string, hit: LabelHit, valueEnd: number, lineIndex: number): LabelledValue {
  const lead = VALUE_LEAD.exec(text.slice(hit.end, valueEnd))?.[0].length ?? 0;
  const from = hit.end + lead;
  const segment = text.slice(from, valueEnd);
  const { dates: found, impossible: badFound } = scanDates(segment, { bareYears: true });
  const shift = <T extends { start: number; end: number }>(d: T): T => ({ ...d, start: d.start + from, end: d.end + from });
  const dates = found.map(shift);
  const impossible = badFound.map(shift);
  let date: DateMatch | null = null;
  let between: LabelledValue['between'] = null;
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
    dates: date ? dates.filter((d) => d.start - (date?.end ?? 0) < 60) : [],
    impossible: firstBad && firstBad.start === firstAt ? [firstBad] : [],
    cycle,
    between,
    lineIndex,
  };
}

/** A cell that is just a date (perhaps with "or before"), read as the value of a label in an earlier cell. */
function dateCell(cell: Cell): { date: DateMatch | null; impossible: ImpossibleDate[] } | null {
  const { dates, impossible } = scanDates(cell.text, { bareYears: true });
  const first = [...dates, ...impossible].sort((a, b) => a.start - b.start)[0];
  if (!first || first.start > 2 || cell.text.length - first.end > 30) return null;
  const shift = <T extends { start: number; end: number }>(d: T): T => ({ ...d, start: d.start + cell.start, end: d.end + cell.start });
  const d = dates[0] && dates[0].start === first.start ? shift(dates[0]) : null;
  return { date: d, impossible: d ? [] : impossible.slice(0, 1).map(shift) };
}

/**
 * Every labelled value in the given lines. A label whose own cell holds no value takes the next cell when that
 * cell is a date (Word tables: "Last reviewed on: | 25/11/2024", or one cell per line in PDFs). A bare "Date:"
 * inherits the label before it on the same or the previous two lines ("Approved by: | Governors | Date: 25/11/24").
 */
/**
 * A table whose header row is all labels and whose next rows hold the values column by column: "Date Created |
 * Date Reviewed | Next Review Due" over "Dec 2023 | Dec 2025 | Dec 2026", or a version log.
 */
function columnTables(text: string, lines: Line[]): { values: LabelledValue[]; consumed: Set<number> } {
  const values: LabelledValue[] = [];
  const consumed = new Set<number>();
  const content = lines.filter((l) => l.cells.length > 0);
  for (let i = 0; i < content.length; i++) {
    const head = content[i]!;
    if (head.cells.length < 2) continue;
    const heads = head.cells.map((c) => {
      const hits = labelsInCell(text, c);
      return hits.length === 1 && text.slice(hits[0]!.end, c.end).replace(/[\s:]/g, '') === '' ? hits[0]! : null;
    });
    if (heads.filter(Boolean).length < 2) continue;
    let rows = 0;
    for (let j = i + 1; j < content.length; j++) {
      const row = content[j]!;
      if (row.cells.length !== head.cells.length) break;
      const dated = row.cells.map((c) => dateCell(c));
      if (!dated.some((d) => d?.date)) break;
      row.cells.forEach((_, k) => {
        const hit = heads[k];
        const d = dated[k];
        if (!hit || !d) return;
        values.push({
          kind: hit.kind === 'date' ? 'created' : hit.kind,
          label: hit,
          date: d.date,
          dates: d.date ? [d.date] : [],
          impossible: d.impossible,
          cycle: null,
          between: null,
          lineIndex: row.index,
        });
      });
      consumed.add(row.index);
      rows++;
    }
    if (rows) consumed.add(head.index);
  }
  return { values, consumed };
}

export function readLabels(text: string, lines: Line[]): LabelledValue[] {
  const tables = columnTables(text, lines);
  const out: LabelledValue[] = [...tables.values];
  const flat: Array<{ cell: Cell; line: Line }> = [];
  for (const line of lines) if (!tables.consumed.has(line.index)) for (const cell of line.cells) flat.push({ cell, line });

  let recent = null as { kind: LabelKind; lineIndex: number; hasDate: boolean } | null;
  for (let i = 0; i < flat.length; i++) {
    const { cell, line } = flat[i]!;
    const hits = labelsInCell(text, cell);
    for (let h = 0; h < hits.length; h++) {
      const hit = hits[h]!;
      const valueEnd = hits[h + 1]?.start ?? cell.end;
      const v = readValue(text, hit, valueEnd, line.index);
      if (hit.kind === 'date') {
        const inherit: LabelKind | null = recent && !recent.hasDate && line.index - recent.lineIndex <= 2 ? recent.kind : null;
        if (inherit && inherit !== 'date' && inherit !== 'cycle') v.kind = inherit;
      }
      // Nothing after the label in its own cell: look at the next cells for a date or the approving body.
      if (!v.date && !v.cycle && v.impossible.length === 0 && h === hits.length - 1) {
        for (let j = i + 1; j < Math.min(flat.length, i + 3); j++) {
          const next = flat[j]!;
          if (next.line.index - line.index > 2 || labelsInCell(text, next.cell).length) break;
          const dc = dateCell(next.cell);
          if (dc) {
            v.date = dc.date;
            v.dates = dc.date ? [dc.date] : [];
            v.impossible = dc.impossible;
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
  return out;
}
