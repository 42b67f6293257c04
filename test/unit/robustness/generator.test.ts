/**
 * The bad-input corpus is generated and committed. Regenerating it must give the same bytes (so the committed
 * files are current and the script is deterministic), and the few size promises it makes must hold.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BAD_INPUTS, makeBadInputs, writeHugeTextFile } from '../../../scripts/make-bad-inputs.ts';
import { BAD, HOSTILE, hashTree, listTree, tempDir } from './harness.ts';

/** Declared uncompressed sizes from a zip's central directory (no comment, no zip64: what our script writes). */
function declaredSizes(bytes: Buffer): Map<string, number> {
  const eocd = bytes.length - 22;
  expect(bytes.readUInt32LE(eocd)).toBe(0x06054b50);
  const count = bytes.readUInt16LE(eocd + 10);
  let p = bytes.readUInt32LE(eocd + 16);
  const out = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const nameLength = bytes.readUInt16LE(p + 28);
    out.set(bytes.toString('utf8', p + 46, p + 46 + nameLength), bytes.readUInt32LE(p + 24));
    p += 46 + nameLength + bytes.readUInt16LE(p + 30) + bytes.readUInt16LE(p + 32);
  }
  return out;
}

describe('make-bad-inputs', () => {
  let fresh: { bad: string; hostile: string };

  beforeAll(async () => {
    const root = await tempDir('regen');
    fresh = { bad: join(root, 'bad'), hostile: join(root, 'hostile') };
    await makeBadInputs(fresh.bad, fresh.hostile);
  }, 120_000);

  it('regenerates the committed bad inputs byte for byte', async () => {
    const committed = await hashTree(BAD);
    expect([...committed.keys()].filter((f) => !f.startsWith('.')).length).toBe(BAD_INPUTS.length);
    expect(committed.has('.gitattributes')).toBe(true);
    expect(await hashTree(fresh.bad)).toEqual(committed);
  });

  it('regenerates the committed hostile policies byte for byte, one per input format', async () => {
    expect(await listTree(HOSTILE)).toEqual(['.gitattributes', 'hostile-policy.docx', 'hostile-policy.html', 'hostile-policy.md', 'hostile-policy.pdf', 'hostile-policy.txt']);
    expect(await hashTree(fresh.hostile)).toEqual(await hashTree(HOSTILE));
  });

  it('keeps the zip bomb small on disk but huge when unpacked', async () => {
    const bytes = await readFile(join(BAD, 'zip-bomb.docx'));
    expect(bytes.length).toBeLessThan(3 * 1024 * 1024);
    expect(declaredSizes(bytes).get('word/document.xml')).toBeGreaterThan(1_900_000_000);
  });

  it('names the duplicate pair with identical bytes', async () => {
    const a = await readFile(join(BAD, 'westbrook-aup.txt'));
    const b = await readFile(join(BAD, 'westbrook-aup copy.txt'));
    expect(a.equals(b)).toBe(true);
  });

  it('writes the 50 MB text file on demand, as real policy text', async () => {
    const path = await writeHugeTextFile(await tempDir('huge-gen'));
    const size = (await stat(path)).size;
    expect(size).toBeGreaterThan(49 * 1024 * 1024);
    expect(size).toBeLessThanOrEqual(50 * 1024 * 1024);
    const head = (await readFile(path, 'utf8')).slice(0, 400);
    expect(head).toMatch(/^Acceptable Use Policy\nWestbrook Primary School\n/);
  });
});
