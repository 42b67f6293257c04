/**
 * Tables whose header row is labels and whose next rows hold the values column by column: a cover table ("Date
 * Created | Date Reviewed | Next Review Due" over "Dec 2023 | Dec 2025 | Dec 2026") or a version-control / change
 * history / document-status log ("Version | Date | Author | Status | Review date", one row per version).
 *
 * A version log is read as a table, not as loose dates: the latest approved row is the current version, its date
 * the approval, and its own review cell the review date — a blank review cell means no review date, never the
 * review date of an older row. Cells are matched to their header by column number (tab and pipe tables keep blank
 * cells) or, in space-laid-out text, by horizontal position.
 */
import { compareDates, scanDates, type DateMatch, type DateOrder, type ImpossibleDate } from '../dates/index.ts';
import { DATE_KINDS, labelOnly, labelsInCell, type LabelHit, type LabelKind } from './labels.ts';
import type { Cell, Line } from './lines.ts';
import type { LabelledValue } from './pairs.ts';

/** A cell that is just a date (perhaps with "or before"), read as the value of a label in another cell. */
export function dateCell(cell: Cell, order: DateOrder): { date: DateMatch | null; impossible: ImpossibleDate[] } | null {
  const { dates, impossible } = scanDates(cell.text, { bareYears: true, order });
  const first = [...dates, ...impossible].sort((a, b) => a.start - b.start)[0];
  if (!first || first.start > 2 || cell.text.length - first.end > 30) return null;
  const shift = <T extends { start: number; end: number }>(d: T): T => ({ ...d, start: d.start + cell.start, end: d.end + cell.start });
  const d = dates[0] && dates[0].start === first.start ? shift(dates[0]) : null;
  return { date: d, impossible: d ? [] : impossible.slice(0, 1).map(shift) };
}

/** Rows whose status says they are not the adopted version. */
const NOT_ADOPTED = /\b(?:draft|superseded|withdrawn|proposed|for\s+(?:approval|consultation|ratification)|consultation|pending|archived)\b/i;

interface Column {
  hit: LabelHit | null;
  cell: Cell;
  /** Horizontal extent in its line, for space-laid-out tables. */
  x0: number;
  x1: number;
}

/** Which header column a value cell sits under. */
function columnOf(cols: Column[], head: Line, row: Line, cell: Cell, k: number): Column | undefined {
  const keyed = cols.every((c) => c.cell.col !== null) && cell.col !== null;
  if (keyed) return cols.find((c) => c.cell.col === cell.col);
  if (row.cells.length === head.cells.length) return cols[k];
  // Fixed-width text: the header whose span overlaps the cell, else the nearest one starting to its left.
  const x0 = cell.start - row.start;
  const x1 = cell.end - row.start;
  return cols.find((c) => c.x0 < x1 && x0 < c.x1) ?? [...cols].reverse().find((c) => c.x0 <= x0);
}

/** A log of changes rather than of approvals: its plain "Date" column dates revisions. */
const CHANGE_LOG = /\b(?:change|revision|amendment|version)\s+(?:history|log|record)\b|\bsummary\s+of\s+changes\b|^changes?$|^amendments?$|^description\s+of\s+changes?$/i;

function valueOf(hit: LabelHit, d: { date: DateMatch | null; impossible: ImpossibleDate[] }, lineIndex: number, cell: Cell, plainDate: LabelKind): LabelledValue {
  return {
    kind: hit.kind === 'date' ? plainDate : hit.kind,
    label: hit,
    date: d.date,
    dates: d.date ? [d.date] : [],
    impossible: d.impossible,
    cycle: null,
    between: null,
    lineIndex,
    tentative: false,
    valueCell: { start: cell.start, end: cell.end },
  };
}

export function columnTables(text: string, lines: Line[], order: DateOrder): { values: LabelledValue[]; consumed: Set<number> } {
  const values: LabelledValue[] = [];
  const consumed = new Set<number>();
  const content = lines.filter((l) => l.cells.length > 0);
  for (let i = 0; i < content.length; i++) {
    const head = content[i]!;
    if (head.cells.length < 2 || consumed.has(head.index)) continue;
    const cols: Column[] = head.cells.map((c) => ({ hit: labelOnly(text, c), cell: c, x0: c.start - head.start, x1: c.end - head.start }));
    const dateCols = cols.filter((c) => c.hit && DATE_KINDS.has(c.hit.kind));
    if (cols.filter((c) => c.hit).length < 2 || dateCols.length < 1) continue;
    // A header cell holding a label and its own value ("Approved by: Governors") is a key-value row, not a header.
    if (head.cells.some((c) => labelsInCell(text, c).length > 0 && !labelOnly(text, c))) continue;
    const statusCol = cols.find((c) => c.hit?.kind === 'status' || (c.hit?.kind === 'approved' && /\bby\b/i.test(c.hit.label)));
    const before = content[i - 1];
    const plainDate: LabelKind = cols.some((c) => CHANGE_LOG.test(c.cell.text)) || (before && CHANGE_LOG.test(before.text.trim())) ? 'last' : 'created';

    const rows: Array<{ line: Line; values: LabelledValue[]; adopted: boolean; latest: DateMatch | null }> = [];
    for (let j = i + 1; j < content.length; j++) {
      const row = content[j]!;
      // The rule under a Markdown header row.
      if (row.cells.every((c) => /^:?-{3,}:?$/.test(c.text))) {
        consumed.add(row.index);
        continue;
      }
      const dated = row.cells.map((c) => dateCell(c, order));
      // A row holding "Label: value" pairs starts something else; a lone word such as "Approved" is a status.
      const keyValue = row.cells.some((c) => labelsInCell(text, c).length > 0 && !labelOnly(text, c) && !dateCell(c, order));
      if (!dated.some((d) => d?.date) || keyValue) break;
      const rowValues: LabelledValue[] = [];
      let status: string | null = statusCol ? '' : null;
      row.cells.forEach((cell, k) => {
        const col = columnOf(cols, head, row, cell, k);
        if (!col) return;
        if (col === statusCol) status = cell.text;
        const d = dated[k];
        if (!col.hit || !d || !DATE_KINDS.has(col.hit.kind)) return;
        rowValues.push(valueOf(col.hit, d, row.index, cell, plainDate));
      });
      const ds = rowValues.flatMap((v) => v.dates);
      const latest = [...ds].sort((a, b) => compareDates(b.value, a.value))[0] ?? null;
      // With a status or "approved by" column, a row is adopted only when that cell is filled and not a draft.
      const adopted = status === null || (status !== '' && !NOT_ADOPTED.test(status));
      rows.push({ line: row, values: rowValues, adopted, latest });
      consumed.add(row.index);
    }
    if (!rows.length) continue;
    consumed.add(head.index);
    if (rows.length === 1) {
      values.push(...rows[0]!.values);
      continue;
    }
    // A log: the current version is the latest adopted row; earlier rows are history.
    const current = rows
      .filter((r) => r.adopted && r.latest)
      .sort((a, b) => compareDates(b.latest!.value, a.latest!.value) || b.line.index - a.line.index)[0];
    if (current) values.push(...current.values);
  }
  verticalTables(text, content, order, consumed, values);
  return { values, consumed };
}

/**
 * The same tables after a PDF has put every cell on its own line: a run of header labels, one per line ("Version",
 * "Authorised by", "Date", "Summary of Changes"), then the rows, one cell per line in the same order. A row is
 * accepted while its cell under a date column is a date.
 */
function verticalTables(text: string, content: Line[], order: DateOrder, consumed: Set<number>, values: LabelledValue[]): void {
  const single = (l: Line | undefined): Cell | null => (l && l.cells.length === 1 ? l.cells[0]! : null);
  for (let i = 0; i < content.length; i++) {
    const heads: Array<{ hit: LabelHit; cell: Cell }> = [];
    for (let j = i; j < content.length; j++) {
      const cell = single(content[j]);
      const hit = cell ? labelOnly(text, cell) : null;
      if (!cell || !hit || consumed.has(content[j]!.index)) break;
      heads.push({ hit, cell });
    }
    const k = heads.length;
    const plain = heads.findIndex((h) => h.hit.kind === 'date');
    const dateAt = plain >= 0 ? plain : heads.findIndex((h) => DATE_KINDS.has(h.hit.kind));
    if (k < 3 || dateAt < 0 || heads.every((h) => DATE_KINDS.has(h.hit.kind))) continue;
    const before = content[i - 1];
    const plainDate: LabelKind = heads.some((h) => CHANGE_LOG.test(h.cell.text)) || (before && CHANGE_LOG.test(before.text.trim())) ? 'last' : 'created';
    const rows: Array<{ values: LabelledValue[]; latest: DateMatch }> = [];
    let r = i + k;
    let skipped = 0;
    while (r + k <= content.length) {
      const cells = content.slice(r, r + k).map(single);
      const key = cells[dateAt] ? dateCell(cells[dateAt]!, order) : null;
      if (!key?.date || cells.some((c) => c === null || labelOnly(text, c))) {
        // The last cell of the previous row may wrap onto a line or two of its own ("Updated following feedback
        // from HR and Information" / "Governance Group"); skip them once to find the next row.
        if (rows.length && skipped < 2) {
          skipped++;
          r++;
          continue;
        }
        r -= skipped;
        break;
      }
      skipped = 0;
      const rowValues: LabelledValue[] = [];
      heads.forEach((h, c) => {
        const d = DATE_KINDS.has(h.hit.kind) ? dateCell(cells[c]!, order) : null;
        if (d?.date) rowValues.push(valueOf(h.hit, d, content[r + c]!.index, cells[c]!, plainDate));
      });
      rows.push({ values: rowValues, latest: key.date });
      r += k;
    }
    if (!rows.length) continue;
    for (let c = i; c < r; c++) consumed.add(content[c]!.index);
    const current = [...rows].sort((a, b) => compareDates(b.latest.value, a.latest.value))[0]!;
    values.push(...current.values);
    i = r - 1;
  }
}
