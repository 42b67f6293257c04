import type { PendingBlock } from './block-builder.ts';
import type { Furniture } from './pdf-furniture.ts';
import type { PdfLine } from './pdf-lines.ts';

/** A bullet glyph at the start of a line, with the gap after it. */
const BULLET = /^([•●○◦▪▫■□►▸‣⁃∙·◆◇❖➢➤✓✔→*o]|[-–—](?=\s))\s+/u;
/** A numbered or lettered label that starts a new item even without a bullet or a gap above. */
const LABEL_START = /^(?:\(?[a-z]{1,4}\)|\(?[ivx]{1,5}\)|\d{1,3}(?:\.\d{1,3})+\.?|\d{1,3}[.)])\s+\S/;
const TERMINAL = /[.!?:;]["'’”)]?$/;

interface Open {
  lines: PdfLine[];
  text: string;
  role: 'heading' | 'list-item' | 'paragraph';
  level: number;
  /** Left edge of the block's text (after any bullet): a line starting a label here begins a new item. */
  textX: number;
  size: number;
  tabular: boolean;
}

/**
 * Turns the body lines of all pages into paragraph, list-item and heading blocks. Lines of one paragraph are
 * joined with spaces (repairing words hyphenated at a line end), a paragraph that runs over a page break is kept
 * whole, and page furniture is emitted beside the text, between blocks, so no block is split by it.
 */
export function linesToBlocks(pages: readonly PdfLine[][], furniture: ReadonlyMap<PdfLine, Furniture>): PendingBlock[] {
  const body = pages.flat().filter((l) => !furniture.has(l));
  const bodySize = dominantSize(body);
  const vocabulary = buildVocabulary(body);
  const levelOf = headingLevels(body.filter((l) => isHeadingSize(l, bodySize)));
  const rightEdge = textRightEdge(body);

  const out: PendingBlock[] = [];
  const pending: PendingBlock[] = [];
  let open: Open | null = null;
  let bulletXs: number[] = [];

  const close = (): void => {
    if (open) out.push(toBlock(open));
    open = null;
    out.push(...pending.splice(0));
  };
  const furnitureBlock = (line: PdfLine, kind: Furniture): void => {
    const block: PendingBlock = { text: line.text, role: 'unknown', level: 0, page: line.page, furniture: kind };
    if (open) pending.push(block);
    else out.push(block);
  };

  for (const lines of pages) {
    let prev: PdfLine | null = null;
    for (const line of lines) {
      const kind = furniture.get(line);
      if (kind) {
        furnitureBlock(line, kind);
        continue;
      }
      if (isMarksOnly(line.text)) {
        // A row of table ticks ("x  (x)  X") sits between the wrapped lines of its row label: set it aside so the
        // label stays whole.
        const block: PendingBlock = { text: line.text, role: 'paragraph', level: 0, page: line.page };
        if (open) pending.push(block);
        else out.push(block);
        continue;
      }
      const bullet = BULLET.exec(line.text);
      const heading = !bullet && isHeadingSize(line, bodySize) && line.text.length <= 160;
      const tabular = line.text.includes('\t');
      const sameLevelGap = prev !== null && prev.y - line.y <= 1.55 * Math.max(prev.size, line.size);
      const newPage = prev === null;
      const current: Open | null = open;

      if (current && !bullet && !tabular && !current.tabular) {
        const continues = newPage
          ? continuesOverPage(current, line, heading, rightEdge)
          : sameLevelGap &&
            (heading ? current.role === 'heading' && headingWraps(current, line, rightEdge) : current.role !== 'heading') &&
            Math.abs(current.size - line.size) < 1.5 &&
            !(LABEL_START.test(line.text) && line.x <= current.textX + 2) &&
            !(current.role === 'list-item' && line.x < (current.lines[0]?.x ?? 0) - 4);
        if (continues) {
          current.text = joinLines(current.text, current.lines[current.lines.length - 1], line.text, vocabulary);
          current.lines.push(line);
          prev = line;
          continue;
        }
      }
      close();
      if (bullet) {
        const x = line.x;
        while (bulletXs.length > 0 && (bulletXs[bulletXs.length - 1] ?? 0) > x + 4) bulletXs.pop();
        if (bulletXs.length === 0 || x > (bulletXs[bulletXs.length - 1] ?? 0) + 4) bulletXs.push(x);
        const rest = line.text.slice(bullet[0].length);
        open = {
          lines: [line],
          text: rest,
          role: 'list-item',
          level: bulletXs.length - 1,
          // Continuation lines hang under the text, at least about an em right of the bullet.
          textX: x + line.size,
          size: line.size,
          tabular,
        };
      } else {
        if (heading || line.x <= (bulletXs[0] ?? Infinity) - 4) bulletXs = [];
        const level = heading ? levelOf(line.size) : 0;
        open = { lines: [line], text: line.text, role: heading ? 'heading' : 'paragraph', level, textX: line.x, size: line.size, tabular };
      }
      prev = line;
    }
  }
  close();
  return demoteHeadingRuns(out);
}

/**
 * Two big lines in a row are one wrapped heading only when the first clearly runs on: the next starts in lower
 * case, the first ends on a joining word, or the first fills the line and the next starts under it. A cover
 * page's centred "School name" above "Policy title" stays two headings.
 */
function headingWraps(open: Open, next: PdfLine, rightEdge: number): boolean {
  const last = open.lines[open.lines.length - 1];
  if (/^\p{Ll}/u.test(next.text) || /(?:[,–\-/&(]|\b(?:and|or|of|the|for|to|in|on|with|a|an))$/iu.test(tailOf(open.text))) return true;
  return last !== undefined && Math.abs(last.x - next.x) < 2 && last.end >= rightEdge - 6 * last.size;
}

/** Where body text lines end on the right: the widest lines' edge, ignoring a stray few. */
function textRightEdge(lines: readonly PdfLine[]): number {
  const ends = lines.map((l) => l.end).sort((a, b) => a - b);
  return ends[Math.floor(ends.length * 0.95)] ?? 0;
}

function toBlock(open: Open): PendingBlock {
  const first = open.lines[0];
  const block: PendingBlock = { text: open.text, role: open.role, level: open.level };
  if (first) block.page = first.page;
  return block;
}

/**
 * A block runs on to the next page when its sentence is unfinished and the new page starts mid-sentence, or when
 * its last line fills the measure (a paragraph's own last line is usually short) and the new page starts a plain
 * line at the same left edge in the same size.
 */
function continuesOverPage(open: Open, line: PdfLine, heading: boolean, rightEdge: number): boolean {
  if (open.role === 'heading' || heading || open.tabular) return false;
  if (LABEL_START.test(line.text)) return false;
  const last = open.lines[open.lines.length - 1];
  if (!last) return false;
  const end = tailOf(open.text);
  if (!TERMINAL.test(end) && (/^[\p{Ll}\d(,;]/u.test(line.text) || /[,\p{Ll}]$/u.test(end))) return true;
  const leftEdge = open.lines.length > 1 ? (open.lines[1]?.x ?? last.x) : last.x;
  return last.end >= rightEdge - 4 * last.size && Math.abs(line.x - leftEdge) < 2 && Math.abs(line.size - last.size) < 0.5;
}

/**
 * The last few hundred characters of a growing block. End-anchored tests run on this, not on the whole block:
 * on a paragraph that fills pages, testing the whole text at every joined line made reading quadratic.
 */
function tailOf(text: string): string {
  return text.length > TAIL ? text.slice(-TAIL) : text;
}
const TAIL = 300;

/** Joins a wrapped line to the text before it, undoing end-of-line hyphenation where the document allows. */
export function joinLines(before: string, last: PdfLine | undefined, next: string, vocabulary: ReadonlySet<string>): string {
  const end = tailOf(before);
  const head = before.slice(0, before.length - end.length);
  if (last?.softHyphen) return head + end.replace(/\u00ad?\s*$/, '') + next;
  const hyphen = /(\p{L}+)-$/u.exec(end);
  if (hyphen) {
    const first = hyphen[1] ?? '';
    const rest = /^\p{L}+/u.exec(next)?.[0] ?? '';
    // "inappro-/priate": join when the document spells the whole word elsewhere and never hyphenates it.
    if (
      rest !== '' &&
      /^\p{Ll}/u.test(rest) &&
      vocabulary.has((first + rest).toLowerCase()) &&
      !vocabulary.has(`${first}-${rest}`.toLowerCase())
    ) {
      return before.slice(0, -1) + next;
    }
    // Otherwise the hyphen is real ("work-/related", "Boost-/Hub"): keep it, add no space.
    return before + next;
  }
  // A URL broken at a slash or dot, or a slashed list ("pupils/parents/") broken after a slash, carries on.
  if (/(?:https?:\/\/|www\.)\S*[/._=?&#]$/.test(end) || /\S\/$/.test(end)) return before + next;
  return `${before} ${next}`;
}

function isHeadingSize(line: PdfLine, bodySize: number): boolean {
  return line.size >= bodySize * 1.12 && /\p{L}{2}/u.test(line.text);
}

/** Table ticks and crosses with no words. */
function isMarksOnly(text: string): boolean {
  return text.length <= 40 && !/\p{L}{2}/u.test(text) && !/\d/.test(text) && /[xX✓✔✗✘]/u.test(text);
}

/**
 * Heading levels from font sizes. Sizes used by only one or two lines (a cover title, a poster) rank above the
 * rest only as level 1; the sizes the document uses repeatedly for its sections get the following levels.
 */
function headingLevels(headings: readonly PdfLine[]): (size: number) => number {
  const counts = new Map<number, number>();
  for (const l of headings) counts.set(Math.round(l.size), (counts.get(Math.round(l.size)) ?? 0) + 1);
  const frequent = [...counts].filter(([, n]) => n >= 3).map(([s]) => s).sort((a, b) => b - a);
  const top = frequent[0] ?? Infinity;
  const offset = [...counts.keys()].some((s) => s > top) ? 2 : 1;
  return (size) => {
    const s = Math.round(size);
    if (s > top) return 1;
    const i = frequent.findIndex((f) => f <= s);
    return Math.min(6, (i < 0 ? frequent.length - 1 : i) + offset);
  };
}

/** The font size most of the body text is set in, weighted by characters. */
function dominantSize(lines: readonly PdfLine[]): number {
  const counts = new Map<number, number>();
  for (const l of lines) counts.set(l.size, (counts.get(l.size) ?? 0) + l.text.length);
  let best = 0;
  let size = 10;
  for (const [s, n] of counts) if (n > best) [best, size] = [n, s];
  return size;
}

/** Lower-cased words of the document, with their hyphenated compounds, for hyphenation repair. */
function buildVocabulary(lines: readonly PdfLine[]): Set<string> {
  const words = new Set<string>();
  for (const l of lines) for (const m of l.text.matchAll(/\p{L}+(?:-\p{L}+)*/gu)) words.add(m[0].toLowerCase());
  return words;
}

/**
 * Large print is not always a heading: three or more big lines of one size in a row, with no text between (a
 * poster-style pupil agreement), are a title and a list of statements, so all but the first become paragraphs.
 */
function demoteHeadingRuns(blocks: PendingBlock[]): PendingBlock[] {
  let i = 0;
  while (i < blocks.length) {
    if (blocks[i]?.role !== 'heading') {
      i++;
      continue;
    }
    let j = i;
    while (j < blocks.length && (blocks[j]?.role === 'heading' || blocks[j]?.furniture)) j++;
    // Within the run, demote each stretch of three or more same-level headings after its first one.
    const run = blocks.slice(i, j).filter((b) => b.role === 'heading');
    let k = 0;
    while (k < run.length) {
      let m = k + 1;
      while (m < run.length && run[m]?.level === run[k]?.level) m++;
      if (m - k >= 3) {
        for (const b of run.slice(k + 1, m)) {
          b.role = 'paragraph';
          b.level = 0;
        }
      }
      k = m;
    }
    i = j;
  }
  return blocks;
}
