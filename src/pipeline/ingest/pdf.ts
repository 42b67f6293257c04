import { getDocumentProxy } from 'unpdf';
import { IngestError, type IngestResult } from '../types.ts';
import { BlockBuilder } from './block-builder.ts';
import { linesToBlocks } from './pdf-blocks.ts';
import { findFurniture } from './pdf-furniture.ts';
import { itemsToLines, type PdfLine, type PdfTextItem } from './pdf-lines.ts';

type PdfDocument = Awaited<ReturnType<typeof getDocumentProxy>>;

/**
 * PDF reader: rebuilds lines from positioned text (pdf.js via unpdf, which runs in Node and browsers), finds page
 * furniture by position and repetition, then joins lines into paragraphs, list items and headings (by font size).
 * Fails with `encrypted`, `corrupt` or `needs-ocr` (no text layer) in plain English.
 */
export async function readPdf(bytes: Uint8Array): Promise<IngestResult> {
  if (bytes.length === 0) throw new IngestError('the file is empty', 'empty');
  if (!hasPdfHeader(bytes)) throw new IngestError('the file is not a PDF or is damaged (no PDF header)', 'corrupt');

  let pdf: PdfDocument;
  try {
    // pdf.js may take ownership of the buffer it is given; hand it a copy so the caller's bytes stay usable.
    pdf = await getDocumentProxy(bytes.slice(), { verbosity: 0, isEvalSupported: false });
  } catch (e) {
    throw pdfOpenError(e);
  }
  try {
    const pages: PdfLine[][] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      const items = content.items.filter((it): it is PdfTextItem & typeof it => 'str' in it);
      const height = page.view[3] ?? 842;
      pages.push(itemsToLines(items, n, height - (page.view[1] ?? 0)));
      page.cleanup();
    }
    const warnings: string[] = [];
    const textChars = pages.reduce((sum, lines) => sum + lines.reduce((s, l) => s + l.text.replace(/\s/g, '').length, 0), 0);
    if (textChars < 20) {
      throw new IngestError('the PDF has no text layer: needs OCR (it looks scanned; run it through OCR or export it again from the original document)', 'needs-ocr');
    }
    const blank = pages.filter((lines) => lines.length === 0).length;
    if (blank > 0 && blank >= pages.length / 4) {
      warnings.push(`${blank} of ${pages.length} pages have no text layer (scanned pages?); their content is missing`);
    }
    const builder = new BlockBuilder();
    for (const block of linesToBlocks(pages, findFurniture(pages))) builder.add(block);
    return builder.result('pdf', warnings, { pages: pdf.numPages });
  } catch (e) {
    if (e instanceof IngestError) throw e;
    throw new IngestError(`the PDF is damaged and could not be read (${(e as Error).message})`, 'corrupt');
  } finally {
    await pdf.destroy().catch(() => undefined);
  }
}

function hasPdfHeader(bytes: Uint8Array): boolean {
  // The header may follow a little junk; readers accept it within the first kilobyte.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return head.includes('%PDF-');
}

function pdfOpenError(e: unknown): IngestError {
  const name = (e as { name?: string } | null)?.name ?? '';
  const message = (e as { message?: string } | null)?.message ?? String(e);
  if (name === 'PasswordException' || /password/i.test(message)) {
    return new IngestError('the PDF is password-protected: remove the password and save again', 'encrypted');
  }
  return new IngestError(`the PDF is damaged and could not be opened (${message})`, 'corrupt');
}
