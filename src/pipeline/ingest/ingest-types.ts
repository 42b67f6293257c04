import type { Block, Span } from '../types.ts';

/**
 * What a reader knows beyond the shared `Block` contract. The extra fields are optional, so an `IngestBlock` is
 * a `Block` and can be returned as one; `structure/` reads them when present.
 */
export interface IngestBlock extends Block {
  /** Emphasised runs (bold, underline, `**x**`) as absolute spans of the normalised text. */
  emphasisSpans?: Span[];
  /** Set by the PDF reader when geometry shows the line is page furniture rather than content. */
  furniture?: 'page-number' | 'running-header';
}

export interface IngestOptions {
  /** Text size above which the caller may warn; readers never fail on it (default 20 MB). */
  maxBytes?: number;
  /** Refuse a .docx whose zip declares more uncompressed bytes than this (default 100 MB). */
  maxDecompressedBytes?: number;
}
