import { IngestError } from '../types.ts';

export interface ZipEntry {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
}

const EOCD = 0x06054b50;
const ZIP64_EOCD_LOCATOR = 0x07064b50;
const CENTRAL_HEADER = 0x02014b50;

/**
 * Reads a zip's central directory without inflating anything, so a zip bomb can be refused on what it declares
 * before any decompressor touches it. Throws `corrupt` when the directory is missing or points outside the file.
 */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const corrupt = (why: string): IngestError =>
    new IngestError(`the file is damaged or not a complete Word document (${why})`, 'corrupt');
  if (bytes.length < 22) throw corrupt('too short to be a zip file');

  // The end-of-central-directory record sits in the last 22 + 65535 (comment) bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt('no zip directory: the file is truncated or not a zip');
  let count = view.getUint16(eocd + 10, true);
  let dirSize = view.getUint32(eocd + 12, true);
  let dirOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || dirOffset === 0xffffffff) {
    // Zip64: the locator just before the EOCD points at the 64-bit record.
    const loc = eocd - 20;
    if (loc < 0 || view.getUint32(loc, true) !== ZIP64_EOCD_LOCATOR) throw corrupt('bad zip64 directory');
    const rec = Number(view.getBigUint64(loc + 8, true));
    if (rec + 56 > bytes.length) throw corrupt('bad zip64 directory');
    count = Number(view.getBigUint64(rec + 32, true));
    dirSize = Number(view.getBigUint64(rec + 40, true));
    dirOffset = Number(view.getBigUint64(rec + 48, true));
  }
  if (dirOffset + dirSize > bytes.length) throw corrupt('the zip directory points past the end of the file');

  const entries: ZipEntry[] = [];
  let p = dirOffset;
  const decoder = new TextDecoder('utf-8');
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== CENTRAL_HEADER) throw corrupt('bad zip directory entry');
    let compressedSize = view.getUint32(p + 20, true);
    let uncompressedSize = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength));
    if (uncompressedSize === 0xffffffff || compressedSize === 0xffffffff) {
      // Zip64 extended information: 8-byte sizes, uncompressed first, each present only when its field overflowed.
      let e = p + 46 + nameLength;
      const end = e + extraLength;
      while (e + 4 <= end) {
        const id = view.getUint16(e, true);
        const size = view.getUint16(e + 2, true);
        if (id === 0x0001) {
          let q = e + 4;
          if (uncompressedSize === 0xffffffff) {
            uncompressedSize = Number(view.getBigUint64(q, true));
            q += 8;
          }
          if (compressedSize === 0xffffffff) compressedSize = Number(view.getBigUint64(q, true));
          break;
        }
        e += 4 + size;
      }
    }
    entries.push({ name, compressedSize, uncompressedSize });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Refuses a zip whose declared uncompressed total exceeds the limit (`too-large`). */
export function guardZip(bytes: Uint8Array, maxDecompressedBytes: number): ZipEntry[] {
  const entries = readZipDirectory(bytes);
  const total = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (total > maxDecompressedBytes) {
    const mb = (n: number): string => `${Math.round(n / 2 ** 20)} MB`;
    throw new IngestError(
      `the document would unpack to ${mb(total)}, more than the ${mb(maxDecompressedBytes)} allowed; it may be a zip bomb or carry very large images`,
      'too-large',
    );
  }
  return entries;
}
