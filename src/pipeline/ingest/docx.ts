import mammoth from 'mammoth';
import { IngestError, type IngestResult } from '../types.ts';
import { assertHasText } from './decode.ts';
import { readHtmlString } from './html.ts';
import { guardZip } from './zip-guard.ts';

/** Word styles mammoth does not map by default but which carry structure in real policies. */
const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Subtitle'] => h2:fresh",
  'u => u',
];

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * Word reader (.docx): checks the zip directory first (refusing zip bombs and truncated files), then converts
 * with mammoth to HTML and reads that with the HTML reader, so Word headings, lists and bold survive.
 */
export async function readDocx(bytes: Uint8Array, maxDecompressedBytes: number): Promise<IngestResult> {
  if (bytes.length === 0) throw new IngestError('the file is empty', 'empty');
  if (OLE_SIGNATURE.every((b, i) => bytes[i] === b)) {
    // Word saves a password-protected .docx as an OLE container holding an "EncryptionInfo" stream.
    if (containsUtf16(bytes, 'EncryptionInfo')) {
      throw new IngestError('password-protected: remove the password and save again', 'encrypted');
    }
    throw new IngestError(
      'this is an old-style Word .doc file with a .docx name. Save it as .docx or PDF and add it again',
      'unsupported',
    );
  }
  const entries = guardZip(bytes, maxDecompressedBytes);
  if (!entries.some((e) => e.name === 'word/document.xml')) {
    throw new IngestError('the file is a zip archive but not a Word document (no word/document.xml)', 'corrupt');
  }
  // Copy into a fresh ArrayBuffer: mammoth wants a whole buffer, and the caller's view may be a slice.
  const arrayBuffer = bytes.slice().buffer;
  let html: string;
  const warnings: string[] = [];
  try {
    // mammoth's browser build reads `arrayBuffer`, its Node build `buffer`; both hand it to JSZip, which takes an
    // ArrayBuffer either way, so give both names and the same code runs in each.
    const input = { arrayBuffer, buffer: arrayBuffer } as unknown as { arrayBuffer: ArrayBuffer };
    const converted = await mammoth.convertToHtml(input, { styleMap: STYLE_MAP });
    html = converted.value;
    const unread = converted.messages.filter((m) => m.type === 'error');
    if (unread.length > 0) warnings.push(`parts of the Word file could not be read: ${unread.map((m) => m.message).join('; ')}`);
  } catch (e) {
    throw new IngestError(`the Word document is damaged and could not be read (${(e as Error).message})`, 'corrupt');
  }
  const result = readHtmlString(html, 'docx', warnings);
  assertHasText(result.text, 1);
  return result;
}

function containsUtf16(bytes: Uint8Array, word: string): boolean {
  const needle = Array.from(word).flatMap((c) => [c.charCodeAt(0), 0]);
  const limit = Math.min(bytes.length, 1 << 20) - needle.length;
  outer: for (let i = 0; i <= limit; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}
