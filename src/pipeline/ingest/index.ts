import { IngestError, type IngestResult } from '../types.ts';
import type { IngestOptions } from './ingest-types.ts';
import { readTxt } from './txt.ts';

export type { IngestBlock, IngestOptions } from './ingest-types.ts';

/** File extensions `ingest` reads, lower-case with the dot. */
export const SUPPORTED_EXTENSIONS = ['.txt', '.text', '.md', '.markdown', '.html', '.htm', '.docx', '.pdf'] as const;

const DEFAULT_MAX_DECOMPRESSED = 100 * 1024 * 1024;

const ADVICE: Record<string, string> = {
  '.doc': 'This is an old Word .doc file, which cannot be read directly.',
  '.dot': 'This is an old Word template.',
  '.dotx': 'This is a Word template.',
  '.docm': 'This is a macro-enabled Word file.',
  '.odt': 'This is an OpenDocument (LibreOffice) file.',
  '.rtf': 'This is a Rich Text file.',
  '.pages': 'This is an Apple Pages file.',
  '.wpd': 'This is a WordPerfect file.',
  '.xps': 'This is an XPS file.',
  '.jpg': 'This is a picture, not a document with text.',
  '.jpeg': 'This is a picture, not a document with text.',
  '.png': 'This is a picture, not a document with text.',
  '.gif': 'This is a picture, not a document with text.',
  '.tif': 'This is a scanned picture, not a document with text.',
  '.tiff': 'This is a scanned picture, not a document with text.',
  '.heic': 'This is a photo, not a document with text.',
  '.webp': 'This is a picture, not a document with text.',
  '.bmp': 'This is a picture, not a document with text.',
};

/** The lower-case extension of a file name, with the dot (`''` when there is none). */
export function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot).toLowerCase();
}

/** Plain-English advice for a file type Policy Atlas cannot read but a person can convert; null otherwise. */
export function unsupportedAdvice(ext: string): string | null {
  const key = (ext.startsWith('.') ? ext : `.${ext}`).toLowerCase();
  const what = ADVICE[key];
  if (!what) return null;
  const picture = /picture|photo/.test(what);
  return picture
    ? `${what} If it is a scan of a policy, save the original document as .docx or PDF and add it again.`
    : `${what} Save it as .docx or PDF and add it again.`;
}

/**
 * Reads one policy file into normalised text and blocks, choosing the reader by extension. Operational failures
 * (damaged, encrypted, scanned, empty, unsupported, too large when unpacked) throw `IngestError` with a code.
 * A large text file is not an error here: `options.maxBytes` is for the caller's warning.
 */
export async function ingest(bytes: Uint8Array, fileName: string, options: IngestOptions = {}): Promise<IngestResult> {
  const ext = extensionOf(fileName);
  switch (ext) {
    case '.txt':
    case '.text':
      return readTxt(bytes);
    // The other readers are loaded on first use: in the browser, pdf.js (~1.6 MB) and mammoth (~0.5 MB) are
    // fetched only when someone checks a PDF or a Word file.
    case '.md':
    case '.markdown':
      return (await import('./md.ts')).readMd(bytes);
    case '.html':
    case '.htm':
      return (await import('./html.ts')).readHtml(bytes);
    case '.docx':
      return (await import('./docx.ts')).readDocx(bytes, options.maxDecompressedBytes ?? DEFAULT_MAX_DECOMPRESSED);
    case '.pdf':
      return (await import('./pdf.ts')).readPdf(bytes);
    default: {
      const advice = unsupportedAdvice(ext);
      const what = ext === '' ? 'a file with no extension' : `a ${ext} file`;
      throw new IngestError(advice ?? `Policy Atlas cannot read ${what}. Save it as .docx or PDF and add it again.`, 'unsupported');
    }
  }
}
