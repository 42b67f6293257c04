/**
 * Lines and table cells of the document text, with offsets. Word and PDF tables reach us either as one line with
 * tab- or pipe-separated cells, or as one cell per line; both are read as cells here so a label such as
 * "Next review due by:" is recognised wherever its cell starts.
 */

export interface Cell {
  /** Offset of the cell's first non-space character in the document text. */
  start: number;
  end: number;
  text: string;
  /**
   * Column number in a tab- or pipe-separated row, counting empty cells (`a\t\tc` puts `c` in column 2), so a
   * value row lines up with its header even when a cell is blank. Null in rows laid out with runs of spaces.
   */
  col: number | null;
}

export interface Line {
  index: number;
  start: number;
  end: number;
  text: string;
  cells: Cell[];
}

/** Table-cell separators: a tab, a Markdown/plain-text pipe, or a run of 3+ spaces from fixed-width layouts. */
const CELL_SEP = /\t+|\s*\|\s*|\s{3,}/g;

function trimmedCell(text: string, from: number, to: number, col: number | null): Cell | null {
  let s = from;
  let e = to;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  return s < e ? { start: s, end: e, text: text.slice(s, e), col } : null;
}

/** How many column boundaries a separator crosses: each tab or pipe is one; a run of spaces is not counted. */
function boundaries(sep: string): number {
  return (sep.match(/[\t|]/g) ?? []).length;
}

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  let index = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const raw = text.slice(start, end);
    const cells: Cell[] = [];
    let from = 0;
    // Markdown rows start with a pipe that opens column 0 rather than closing one.
    let col = /^\s*\|/.test(raw) ? -1 : 0;
    const columned = /[\t|]/.test(raw);
    for (const m of raw.matchAll(CELL_SEP)) {
      const c = trimmedCell(text, start + from, start + m.index, columned ? Math.max(0, col) : null);
      if (c) cells.push(c);
      col += Math.max(1, boundaries(m[0]));
      from = m.index + m[0].length;
    }
    const last = trimmedCell(text, start + from, end, columned ? Math.max(0, col) : null);
    if (last) cells.push(last);
    lines.push({ index, start, end, text: raw, cells });
    index++;
    start = end + 1;
  }
  return lines;
}

/** Non-blank lines only, in order. */
export function contentLines(lines: Line[]): Line[] {
  return lines.filter((l) => l.cells.length > 0);
}
