/** Bytes to a structured document: the first stage of every analysis, in the CLI and in the browser alike. */
import type { IngestResult, PolicyDocument } from '../types.ts';
import { ingest } from '../ingest/index.ts';
import { structure } from '../structure/index.ts';

/**
 * More text than any real policy holds (a 52-page online safety policy is about 130,000 characters). Beyond it
 * the rest of a file is not analysed: a 50 MB paste would otherwise take minutes and gigabytes and publish a
 * page nobody could open.
 */
export const MAX_ANALYSED_CHARS = 2_000_000;

/** Keeps the whole blocks that fit within the limit; offsets stay valid because the text is only cut short. */
function limitText(input: IngestResult): IngestResult {
  if (input.text.length <= MAX_ANALYSED_CHARS) return input;
  const blocks = input.blocks.filter((b) => b.end <= MAX_ANALYSED_CHARS);
  const end = blocks[blocks.length - 1]?.end ?? 0;
  const analysed = Math.round((end / input.text.length) * 100);
  return {
    ...input,
    text: input.text.slice(0, end),
    blocks,
    warnings: [
      ...input.warnings,
      `only the first ${end.toLocaleString('en-GB')} characters (${analysed}% of the text) were analysed: no single policy is this long, so check the file`,
    ],
  };
}

/** Reads one file into a structured document, or says in plain words why it cannot. */
export async function readDocument(
  bytes: Uint8Array,
  fileName: string,
  onStage?: (stage: 'reading' | 'structuring') => void,
): Promise<PolicyDocument> {
  onStage?.('reading');
  const ingested = limitText(await ingest(bytes, fileName));
  onStage?.('structuring');
  return structure(ingested);
}

