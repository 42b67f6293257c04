import { describe, expect, it } from 'vitest';
import { extensionOf, ingest, SUPPORTED_EXTENSIONS, unsupportedAdvice } from '../../../src/pipeline/ingest/index.ts';
import { readZipDirectory } from '../../../src/pipeline/ingest/zip-guard.ts';
import { IngestError } from '../../../src/pipeline/types.ts';
import { bytesOf } from './fixtures.ts';

async function failure(bytes: Uint8Array, name: string, options = {}): Promise<IngestError> {
  try {
    await ingest(bytes, name, options);
  } catch (e) {
    expect(e).toBeInstanceOf(IngestError);
    return e as IngestError;
  }
  throw new Error(`${name} was read without error`);
}

/** Deterministic pseudo-random bytes (a linear congruential generator), so the test never flakes. */
function noise(length: number, seed = 7): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

describe('ingest errors', () => {
  it('a PDF without a text layer needs OCR', async () => {
    const e = await failure(bytesOf('formats/bad/scanned.pdf'), 'scan.pdf');
    expect(e.code).toBe('needs-ocr');
    expect(e.message).toContain('no text layer: needs OCR');
  });

  it('a password-protected PDF is reported as encrypted', async () => {
    const e = await failure(bytesOf('formats/bad/encrypted.pdf'), 'locked.PDF');
    expect(e.code).toBe('encrypted');
    expect(e.message).toContain('password-protected: remove the password and save again');
  });

  it('random bytes are corrupt, as .pdf and as .docx', async () => {
    expect((await failure(noise(4096), 'random.pdf')).code).toBe('corrupt');
    expect((await failure(noise(4096), 'random.docx')).code).toBe('corrupt');
    const fakePdf = new Uint8Array([...new TextEncoder().encode('%PDF-1.7\n'), ...noise(4096, 3)]);
    expect((await failure(fakePdf, 'fake.pdf')).code).toBe('corrupt');
  });

  it('a truncated Word file is corrupt', async () => {
    const docx = bytesOf('formats/hanson.docx');
    const e = await failure(docx.subarray(0, Math.floor(docx.length / 2)), 'half.docx');
    expect(e.code).toBe('corrupt');
  });

  it('a zip that declares a huge unpacked size is refused before unpacking', async () => {
    const docx = bytesOf('formats/hanson.docx').slice();
    const view = new DataView(docx.buffer);
    expect(readZipDirectory(docx).length).toBeGreaterThan(3);
    // Patch every central-directory entry to declare 1 GB uncompressed.
    for (let p = 0; p + 4 <= docx.length; p++) {
      if (view.getUint32(p, true) === 0x02014b50) view.setUint32(p + 24, 1_000_000_000, true);
    }
    const e = await failure(docx, 'bomb.docx');
    expect(e.code).toBe('too-large');
    // The same file under a small limit, unpatched, is refused too: the limit is the caller's to set.
    const small = await failure(bytesOf('formats/hanson.docx'), 'hanson.docx', { maxDecompressedBytes: 1000 });
    expect(small.code).toBe('too-large');
  });

  it('empty and whitespace-only files are empty', async () => {
    const empty = await failure(new Uint8Array(), 'empty.txt');
    expect(empty.code).toBe('empty');
    expect(empty.message).toBe('the file is empty');
    const blank = await failure(new TextEncoder().encode(' \n\t\r\n  \f '), 'blank.md');
    expect(blank.code).toBe('empty');
    expect(blank.message).toBe('the file has no text');
    expect((await failure(new TextEncoder().encode('<html><body><script>x()</script></body></html>'), 'a.html')).code).toBe('empty');
    expect((await failure(new Uint8Array(), 'a.pdf')).code).toBe('empty');
  });

  it('unsupported types get advice', async () => {
    const e = await failure(new TextEncoder().encode('{\\rtf1 hello}'), 'policy.rtf');
    expect(e.code).toBe('unsupported');
    expect(e.message).toContain('Save it as .docx or PDF and add it again');
    for (const ext of ['.doc', '.odt', '.rtf', '.pages', 'ODT']) expect(unsupportedAdvice(ext)).toContain('Save it as .docx or PDF and add it again');
    expect(unsupportedAdvice('.jpg')).toMatch(/picture/);
    expect(unsupportedAdvice('.xyz')).toBeNull();
    expect(SUPPORTED_EXTENSIONS).toContain('.markdown');
    expect(extensionOf('C:\\Policies\\AUP.Final.DOCX')).toBe('.docx');
  });

  it('an old .doc renamed .docx gets advice, not a crash', async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...noise(600)]);
    const e = await failure(ole, 'renamed.docx');
    expect(e.code).toBe('unsupported');
  });
});

describe('text decoding', () => {
  it('falls back to Windows-1252 with a warning when the bytes are not UTF-8', async () => {
    // "Staff must not spend £5 on ‘apps’ – “never”." in Windows-1252.
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('Staff must not spend '), 0xa3, 0x35, ...new TextEncoder().encode(' on '), 0x91,
      ...new TextEncoder().encode('apps'), 0x92, 0x20, 0x96, 0x20, 0x93, ...new TextEncoder().encode('never'), 0x94, 0x2e,
    ]);
    const result = await ingest(bytes, 'old.TXT');
    expect(result.text).toBe('Staff must not spend £5 on ‘apps’ – “never”.');
    expect(result.warnings.join(' ')).toMatch(/Windows-1252/);
  });

  it('decodes UTF-16 with a byte order mark, both byte orders', async () => {
    const text = 'Passwords\r\n\r\nStaff must change passwords every term – £0 cost.';
    const le = new Uint8Array(2 + text.length * 2);
    const be = new Uint8Array(2 + text.length * 2);
    le.set([0xff, 0xfe]);
    be.set([0xfe, 0xff]);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      le[2 + 2 * i] = c & 0xff;
      le[3 + 2 * i] = c >> 8;
      be[2 + 2 * i] = c >> 8;
      be[3 + 2 * i] = c & 0xff;
    }
    for (const bytes of [le, be]) {
      const result = await ingest(bytes, 'unicode.txt');
      expect(result.text).toBe('Passwords\nStaff must change passwords every term – £0 cost.');
      expect(result.warnings).toEqual([]);
    }
  });

  it('strips a UTF-8 BOM and normalises NFC, line ends, no-break spaces and form feeds', async () => {
    const raw = '\ufeffCafe\u0301 rules\r\nStaff\u00a0must log off.\fPage two text.';
    const result = await ingest(new TextEncoder().encode(raw), 'a.txt');
    expect(result.text).toBe('Café rules\nStaff must log off.\nPage two text.');
    expect(result.pages).toBe(2);
    expect(result.blocks.map((b) => b.page)).toEqual([1, 2]);
  });
});
