import type { IngestResult, SourceFormat } from '../types.ts';
import { BlockBuilder } from './block-builder.ts';
import { assertHasText, decodeText } from './decode.ts';
import { normaliseText } from './normalise.ts';
import { textToBlocks, type TextLinesOptions } from './text-lines.ts';

/** Decodes and normalises the bytes of a text file, failing with `empty` when there is nothing to read. */
export function decodeAndNormalise(bytes: Uint8Array): { text: string; warnings: string[] } {
  const decoded = decodeText(bytes);
  const text = normaliseText(decoded.text);
  assertHasText(text, bytes.length);
  return { text, warnings: decoded.warnings };
}

/**
 * Reads normalised text into blocks. Form feeds are page boundaries (text dumped from a PDF): blocks get page
 * numbers then, so repeated running headers can be found.
 */
export function textToResult(
  text: string,
  format: SourceFormat,
  options: TextLinesOptions,
  warnings: string[],
  extra: Partial<IngestResult> = {},
): IngestResult {
  const builder = new BlockBuilder();
  const pages = text.split('\f');
  const paged = pages.length > 1;
  for (const [i, pageText] of pages.entries()) {
    for (const block of textToBlocks(pageText, options, paged ? i + 1 : undefined)) builder.add(block);
  }
  const result = builder.result(format, warnings, extra);
  if (paged && extra.pages === undefined) result.pages = pages.length;
  return result;
}

/** Plain-text reader (.txt, .text). */
export function readTxt(bytes: Uint8Array): IngestResult {
  const { text, warnings } = decodeAndNormalise(bytes);
  return textToResult(text, 'txt', { markdown: false }, warnings);
}
