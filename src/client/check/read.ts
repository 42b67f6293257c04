/**
 * Reads a file into a structured document in the worker with the pipeline's own `readDocument` (the one the CLI
 * runs), which loads each format's reader on first use: pdf.js and mammoth are fetched only for a PDF or a Word
 * file, never for pasted text. An unreadable file throws the pipeline's `IngestError` with the CLI's message.
 */
import type { PolicyDocument } from '../../pipeline/types.ts';
import { readDocument } from '../../pipeline/run/read.ts';

export function readLazily(
  bytes: Uint8Array,
  fileName: string,
  onStage: (stage: 'reading' | 'structuring') => void,
): Promise<PolicyDocument> {
  return readDocument(bytes, fileName, onStage);
}
