import type { IngestResult, SourceFormat, Span } from '../types.ts';
import type { IngestBlock } from './ingest-types.ts';

/** A block as a reader describes it, with emphasis spans relative to its own text. */
export interface PendingBlock {
  text: string;
  role: IngestBlock['role'];
  level: number;
  /** Emphasised runs, relative to `text`. */
  emphasis?: Span[];
  page?: number;
  furniture?: IngestBlock['furniture'];
}

/**
 * Builds the normalised text and the block list together, so every block's offsets are correct by
 * construction: blocks are joined by a single '\n' and nothing is ever inserted between them.
 */
export class BlockBuilder {
  private readonly parts: string[] = [];
  private length = 0;
  readonly blocks: IngestBlock[] = [];

  add(block: PendingBlock): void {
    const text = block.text;
    if (text.trim() === '') return;
    if (this.blocks.length > 0) {
      this.parts.push('\n');
      this.length += 1;
    }
    const start = this.length;
    this.parts.push(text);
    this.length += text.length;
    const spans = (block.emphasis ?? [])
      .filter((s) => s.end > s.start)
      .map((s) => ({ start: start + s.start, end: start + s.end }));
    const out: IngestBlock = {
      start,
      end: start + text.length,
      text,
      role: block.role,
      level: block.level,
      emphasis: emphasisWords(text, block.emphasis ?? []),
    };
    if (spans.length > 0) out.emphasisSpans = spans;
    if (block.page !== undefined) out.page = block.page;
    if (block.furniture !== undefined) out.furniture = block.furniture;
    this.blocks.push(out);
  }

  result(format: SourceFormat, warnings: string[], extra: Partial<IngestResult> = {}): IngestResult {
    return { format, text: this.parts.join(''), blocks: this.blocks, warnings, ...extra };
  }
}

/** Emphasised phrases of a text, lower-cased, whitespace collapsed, first occurrence order, no duplicates. */
export function emphasisWords(text: string, spans: readonly Span[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const s of spans) {
    const phrase = text
      .slice(s.start, s.end)
      .replace(/\s+/g, ' ')
      .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')
      .toLowerCase();
    if (phrase === '' || seen.has(phrase)) continue;
    seen.add(phrase);
    out.push(phrase);
  }
  return out;
}
