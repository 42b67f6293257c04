import { normaliseText } from './normalise.ts';

/** The parts of a pdf.js text item this reader uses. */
export interface PdfTextItem {
  str: string;
  transform: number[];
  width: number;
}

/** One visual line of a PDF page, rebuilt from positioned text items. */
export interface PdfLine {
  text: string;
  page: number;
  /** Left edge and baseline, PDF units (y grows upwards). */
  x: number;
  y: number;
  /** Right edge of the last text item. */
  end: number;
  /** Font size of most of the line's characters. */
  size: number;
  /** Page height, for telling margins from body. */
  pageHeight: number;
  /** Whether the line ended with a soft hyphen (U+00AD), which always joins without a hyphen. */
  softHyphen: boolean;
}

interface Placed {
  str: string;
  x: number;
  y: number;
  end: number;
  size: number;
}

/** Private-use glyphs that Symbol / Wingdings fonts use for bullets (``, ``, ...). */
const PUA_BULLET = /^[\uf000-\uf0ff]/;

/**
 * Rebuilds lines from the text items of one page: items are grouped by baseline, ordered left to right, and
 * joined with a space where the gap is word-sized or a tab where it is column-sized (a contents entry's page
 * number, a table cell). Rotated text (table headers set sideways) is left out.
 */
export function itemsToLines(items: readonly PdfTextItem[], page: number, pageHeight: number): PdfLine[] {
  const placed: Placed[] = [];
  for (const it of items) {
    const t = it.transform;
    if (it.str.trim() === '' || t.length < 6) continue;
    if (Math.abs(t[1] ?? 0) > 0.01 || Math.abs(t[2] ?? 0) > 0.01) continue;
    const size = Math.abs(t[3] ?? 0);
    if (size < 1) continue;
    const x = t[4] ?? 0;
    placed.push({ str: it.str, x, y: t[5] ?? 0, end: x + it.width, size });
  }
  placed.sort((a, b) => b.y - a.y || a.x - b.x);

  const groups: Placed[][] = [];
  let current: Placed[] = [];
  let lineY = Number.NaN;
  let lineSize = 0;
  for (const p of placed) {
    if (current.length > 0 && Math.abs(p.y - lineY) <= 0.45 * Math.min(p.size, lineSize)) {
      current.push(p);
      continue;
    }
    if (current.length > 0) groups.push(current);
    current = [p];
    lineY = p.y;
    lineSize = p.size;
  }
  if (current.length > 0) groups.push(current);

  const lines: PdfLine[] = [];
  for (const g of groups) {
    g.sort((a, b) => a.x - b.x);
    let text = '';
    let prev: Placed | undefined;
    const sizes = new Map<number, number>();
    for (const p of g) {
      if (prev) {
        const gap = p.x - prev.end;
        const em = Math.max(prev.size, p.size);
        if (gap > 3 * em) text = text.replace(/ +$/, '') + '\t';
        else if (gap > 0.18 * em && !/\s$/.test(text) && !/^\s/.test(p.str)) text += ' ';
      }
      text += p.str;
      const key = Math.round(p.size * 2) / 2;
      sizes.set(key, (sizes.get(key) ?? 0) + p.str.length);
      prev = p;
    }
    const softHyphen = /\u00ad\s*$/.test(text);
    let clean = normaliseText(text).replace(/ {4,}/g, '\t').replace(/ {2,}/g, ' ').replace(/ *\t[\t ]*/g, '\t').trim();
    if (PUA_BULLET.test(clean)) clean = clean.replace(PUA_BULLET, '•');
    if (clean === '') continue;
    let size = 0;
    let best = -1;
    for (const [s, n] of sizes) if (n > best || (n === best && s > size)) [size, best] = [s, n];
    const end = g.reduce((m, p) => Math.max(m, p.end), 0);
    lines.push({ text: clean, page, x: g[0]?.x ?? 0, y: g[0]?.y ?? 0, end, size, pageHeight, softHyphen });
  }
  return lines;
}
