/**
 * Reads a file into a structured document in the worker, loading each format's reader only when a file of
 * that format arrives: pdf.js (~1.6 MB) and mammoth (~0.5 MB) are fetched for a PDF or a Word file, never for
 * pasted text. The readers and `structure` are the pipeline's own (what `readDocument` runs for the CLI);
 * only the choice by extension is repeated here, because src/pipeline/ingest/index.ts imports every reader
 * statically. Anything not listed goes through the pipeline's `ingest` itself, so an unsupported file gets
 * exactly the CLI's message.
 */
import type { IngestResult, PolicyDocument } from '../../pipeline/types.ts';

/** The pipeline's default unpacked-size limit for .docx (ingest/index.ts DEFAULT_MAX_DECOMPRESSED). */
const MAX_DECOMPRESSED = 100 * 1024 * 1024;

type Reader = (bytes: Uint8Array, fileName: string) => Promise<IngestResult>;

const READERS: Record<string, () => Promise<Reader>> = {
  '.pdf': async () => {
    const { readPdf } = await import('../../pipeline/ingest/pdf.ts');
    return (bytes) => readPdf(bytes);
  },
  '.docx': async () => {
    const { readDocx } = await import('../../pipeline/ingest/docx.ts');
    return (bytes) => readDocx(bytes, MAX_DECOMPRESSED);
  },
  '.txt': async () => {
    const { readTxt } = await import('../../pipeline/ingest/txt.ts');
    return async (bytes) => readTxt(bytes);
  },
  '.md': async () => {
    const { readMd } = await import('../../pipeline/ingest/md.ts');
    return async (bytes) => readMd(bytes);
  },
  '.html': async () => {
    const { readHtml } = await import('../../pipeline/ingest/html.ts');
    return async (bytes) => readHtml(bytes);
  },
};
const ALIASES: Record<string, string> = { '.text': '.txt', '.markdown': '.md', '.htm': '.html' };

function extension(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = base.lastIndexOf('.');
  const ext = dot <= 0 ? '' : base.slice(dot).toLowerCase();
  return ALIASES[ext] ?? ext;
}

/** Ingest then structure, reporting each step; throws the pipeline's `IngestError` for unreadable files. */
export async function readLazily(
  bytes: Uint8Array,
  fileName: string,
  onStage: (stage: 'reading' | 'structuring') => void,
): Promise<PolicyDocument> {
  onStage('reading');
  const load = READERS[extension(fileName)];
  let ingested: IngestResult;
  if (load) {
    ingested = await (await load())(bytes, fileName);
  } else {
    const { ingest } = await import('../../pipeline/ingest/index.ts');
    ingested = await ingest(bytes, fileName);
  }
  onStage('structuring');
  const { structure } = await import('../../pipeline/structure/index.ts');
  return structure(ingested);
}
