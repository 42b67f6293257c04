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

function trimmedCell(text: string, from: number, to: number): Cell | null {
  let s = from;
  let e = to;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  return s < e ? { start: s, end: e, text: text.slice(s, e) } : null;
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
    for (const m of raw.matchAll(CELL_SEP)) {
      const c = trimmedCell(text, start + from, start + m.index);
      if (c) cells.push(c);
      from = m.index + m[0].length;
    }
    const last = trimmedCell(text, start + from, end);
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
