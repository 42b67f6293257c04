import { IngestError } from '../types.ts';

export interface DecodedText {
  text: string;
  /** Name of the encoding used, for warnings and tests. */
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
  warnings: string[];
}

/**
 * Turns the bytes of a text file into a string. A BOM decides; otherwise strict UTF-8, and when the bytes are
 * not valid UTF-8 they are most likely an older Windows export, so Windows-1252 (which maps every byte) with a
 * warning. BOMs are stripped by TextDecoder itself.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le', warnings: [] };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be', warnings: [] };
  }
  const bomless = utf16WithoutBom(bytes);
  if (bomless) {
    return {
      text: new TextDecoder(bomless).decode(bytes),
      encoding: bomless,
      warnings: [`decoded as ${bomless.toUpperCase()} (no byte order mark)`],
    };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', warnings: [] };
  } catch {
    return {
      text: new TextDecoder('windows-1252').decode(bytes),
      encoding: 'windows-1252',
      warnings: ['the file is not valid UTF-8; decoded as Windows-1252'],
    };
  }
}

/**
 * UTF-16 without a BOM shows as a NUL in every other byte of mostly-ASCII text; a real UTF-8 or 1252 text file
 * never contains NULs. Only the first 1 KB is sampled, so this stays constant-time.
 */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 1024);
  if (n < 8) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.4 && evenNul < pairs * 0.05) return 'utf-16le';
  if (evenNul > pairs * 0.4 && oddNul < pairs * 0.05) return 'utf-16be';
  return null;
}

/** Throws the `empty` IngestError when a decoded text has nothing readable in it. */
export function assertHasText(text: string, byteLength: number): void {
  if (byteLength === 0) throw new IngestError('the file is empty', 'empty');
  if (!/[\p{L}\p{N}]/u.test(text)) throw new IngestError('the file has no text', 'empty');
}
