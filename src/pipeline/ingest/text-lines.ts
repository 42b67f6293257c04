import type { Span } from '../types.ts';
import type { PendingBlock } from './block-builder.ts';
import { stripInlineMarkup } from './inline-markup.ts';

export interface TextLinesOptions {
  /** Markdown mode: `#` headings, fenced code, block quotes. Plain mode: reStructuredText directives/fields. */
  markdown: boolean;
}

/** Underline / overline of a Setext or reStructuredText heading. Underscores and dots are signature lines. */
const ADORNMENT = /^\s*([=\-~^"'`#*+])\1{2,}\s*$/;
const ATX = /^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/;
const FENCE = /^\s{0,3}(```|~~~)/;
const RST_DIRECTIVE = /^\.\.\s+[\w-]+::/;
const RST_COMMENT = /^\.\.(\s|$)/;
const RST_FIELD = /^:([A-Za-z][\w .-]*):(\s|$)/;

/** Cheap first look before the adornment regex: a rule line is short and starts with a rule character. */
function mayBeAdornment(line: string): boolean {
  const c = line.trimStart()[0];
  return c !== undefined && line.length <= 200 && '=-~^"\'`#*+'.includes(c);
}

interface Line {
  text: string;
  emphasis: Span[];
}

/**
 * Groups the lines of one page of plain text or Markdown into blocks: a run of non-blank lines is one block with
 * role `unknown` (the structure stage reads bullets and labels from it); a heading recognised from its markup
 * (`#`, an underline of `===` / `---`) is a `heading` block of its own with the markup removed.
 */
export function textToBlocks(pageText: string, options: TextLinesOptions, page?: number): PendingBlock[] {
  const raw = pageText.split('\n');
  const blocks: PendingBlock[] = [];
  const adornmentLevels = new Map<string, number>();
  let para: Line[] = [];
  let inFence = false;

  const flush = (): void => {
    if (para.length === 0) return;
    let text = '';
    const emphasis: Span[] = [];
    for (const [i, l] of para.entries()) {
      if (i > 0) text += '\n';
      for (const s of l.emphasis) emphasis.push({ start: text.length + s.start, end: text.length + s.end });
      text += l.text;
    }
    const block: PendingBlock = { text, role: 'unknown', level: 0, emphasis };
    if (page !== undefined) block.page = page;
    blocks.push(block);
    para = [];
  };
  const heading = (title: string, level: number): void => {
    flush();
    const { text, emphasis } = stripInlineMarkup(title.trim());
    const block: PendingBlock = { text, role: 'heading', level: Math.min(6, level), emphasis };
    if (page !== undefined) block.page = page;
    blocks.push(block);
  };
  const levelFor = (key: string): number => {
    let level = adornmentLevels.get(key);
    if (level === undefined) {
      level = adornmentLevels.size + 1;
      adornmentLevels.set(key, level);
    }
    return level;
  };

  for (let i = 0; i < raw.length; i++) {
    let line = (raw[i] ?? '').trimEnd();
    if (options.markdown && FENCE.test(line)) {
      inFence = !inFence;
      flush();
      continue;
    }
    if (inFence) {
      if (line.trim() !== '') para.push({ text: line, emphasis: [] });
      continue;
    }
    if (line.trim() === '') {
      flush();
      continue;
    }
    const next = (raw[i + 1] ?? '').trimEnd();
    const after = (raw[i + 2] ?? '').trimEnd();
    // Overline + title + underline (reStructuredText).
    const over = mayBeAdornment(line) ? ADORNMENT.exec(line) : null;
    if (over && next.trim() !== '' && !ADORNMENT.test(next) && ADORNMENT.test(after) && after.trim()[0] === over[1]) {
      heading(next, levelFor(`over${over[1]}`));
      i += 2;
      continue;
    }
    // Title + underline (reStructuredText, Setext Markdown). Only a single-line paragraph can be a title.
    const under = mayBeAdornment(next) ? ADORNMENT.exec(next) : null;
    if (under && para.length === 0 && line.trim().length <= 120 && !over) {
      heading(line, options.markdown ? (under[1] === '=' ? 1 : 2) : levelFor(under[1] ?? '='));
      i += 1;
      continue;
    }
    if (over && para.length === 0) continue; // a stray rule
    if (options.markdown) {
      const atx = ATX.exec(line);
      if (atx) {
        heading(atx[2] ?? '', (atx[1] ?? '#').length);
        continue;
      }
      line = line.replace(/^(\s{0,3}>\s?)+/, '').replace(/<\/?[A-Za-z][^<>\n]*>/g, '');
      if (line.trim() === '') continue;
    } else if (line[0] === '.' || line[0] === ':') {
      if (RST_DIRECTIVE.test(line) || RST_COMMENT.test(line)) {
        flush();
        continue;
      }
      line = line.replace(RST_FIELD, '$1:$2');
    }
    para.push(stripInlineMarkup(line));
  }
  flush();
  return blocks;
}
