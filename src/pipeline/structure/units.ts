import type { Block, Span } from '../types.ts';
import type { IngestBlock } from '../ingest/ingest-types.ts';

/** One line of the document as structure sees it: the smallest thing that can be a heading, item or field. */
export interface Unit {
  /** Index of the block the line belongs to, and whether it is that block's first line. */
  block: number;
  first: boolean;
  /** Whether the line is the block's only line. */
  alone: boolean;
  role: Block['role'];
  /** Reader's level: heading level, or list depth for list items. */
  level: number;
  /** Leading whitespace width (tab = 4), for nesting in plain text. */
  indent: number;
  /** Span of the line's text without surrounding whitespace. */
  start: number;
  end: number;
  /** `text.slice(start, end)`. */
  text: string;
  /** Bullet glyph at the start (`•`, `-`, `o` ...), or null. */
  bullet: string | null;
  /** Where the content starts after any bullet. */
  contentStart: number;
  page?: number;
  furniture?: IngestBlock['furniture'];
  /** The emphasised runs inside this line (absolute); absent when the reader gave no spans. */
  emphasisSpans?: Span[];
  blockEmphasis: string[];
}

/** A bullet glyph and the space after it. `o` only before a letter: Word's second-level bullet pasted as text. */
export const BULLET = /^(?:[•●○◦▪▫■□►▸‣⁃∙·◆◇❖➢➤✓✔→]|[-–—*+](?=[ \t])|o(?=[ \t]+\p{L}))[ \t]*/u;

/** Splits every block into line units with absolute offsets. Linear in the text length. */
export function toUnits(blocks: readonly Block[]): Unit[] {
  const units: Unit[] = [];
  for (const [bi, b] of blocks.entries()) {
    const block = b as IngestBlock;
    const lines = block.text.split('\n');
    const spans = block.emphasisSpans ?? [];
    let spanAt = 0;
    let offset = block.start;
    let nonBlank = 0;
    for (const l of lines) if (l.trim() !== '') nonBlank++;
    let first = true;
    for (const raw of lines) {
      const lineStart = offset;
      offset += raw.length + 1;
      const trimmedLeft = raw.trimStart();
      const text = trimmedLeft.trimEnd();
      if (text === '') continue;
      const leadLength = raw.length - trimmedLeft.length;
      const start = lineStart + leadLength;
      const end = start + text.length;
      const bullet = BULLET.exec(text);
      const unit: Unit = {
        block: bi,
        first,
        alone: nonBlank === 1,
        role: block.role,
        level: block.level,
        indent: leadLength === 0 ? 0 : raw.slice(0, leadLength).replace(/\t/g, '    ').length,
        start,
        end,
        text,
        bullet: bullet ? bullet[0].trim() : null,
        contentStart: start + (bullet ? bullet[0].length : 0),
        blockEmphasis: block.emphasis,
      };
      if (block.page !== undefined) unit.page = block.page;
      if (block.furniture !== undefined) unit.furniture = block.furniture;
      // Each line gets only the emphasis spans that touch it (spans are in order), so later lookups stay local.
      if (spans.length > 0) {
        while (spanAt < spans.length && (spans[spanAt]?.end ?? 0) <= start) spanAt++;
        const own: Span[] = [];
        for (let k = spanAt; k < spans.length && (spans[k]?.start ?? end) < end; k++) {
          const s = spans[k];
          if (s) own.push({ start: Math.max(s.start, start), end: Math.min(s.end, end) });
        }
        unit.emphasisSpans = own;
      }
      units.push(unit);
      first = false;
    }
  }
  return units;
}

/** The text of a unit after its bullet. */
export function contentOf(u: Unit): string {
  return u.text.slice(u.contentStart - u.start);
}
