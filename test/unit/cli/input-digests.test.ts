/**
 * The input index lets a re-run skip reading files whose stats are as they were. These check the cases where the
 * stats must not be trusted: an edit that keeps the size, a file written just before the index was taken (a file
 * system with whole-second times could show one time for two versions), and a damaged index.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InputDigests } from '../../../scripts/lib/input-digests.ts';

let dir: string;
let index: string;
let file: string;
const sha = (text: string) => createHash('sha256').update(text).digest('hex');
/** An hour ago: well clear of the index's two-second margin. */
const old = () => new Date(Date.now() - 3_600_000);

async function digestOnce(): Promise<{ hash: string; read: boolean }> {
  const digests = await InputDigests.open(index);
  const d = await digests.digest(file);
  await digests.save();
  return { hash: d.hash, read: d.bytes !== null };
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pa-input-digests-'));
  index = join(dir, 'inputs.json');
  file = join(dir, 'policy.txt');
  await writeFile(file, 'Staff must lock their screens.');
  await utimes(file, old(), old());
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('input digests', () => {
  it('read a file the first time, then answer from its stats', async () => {
    expect(await digestOnce()).toEqual({ hash: sha('Staff must lock their screens.'), read: true });
    expect(await digestOnce()).toEqual({ hash: sha('Staff must lock their screens.'), read: false });
  });

  it('read it again after an edit that keeps its size, even with its modification time put back', async () => {
    await digestOnce();
    const when = old();
    await writeFile(file, 'Staff must lock their laptops.');
    await utimes(file, when, when);
    expect(await digestOnce()).toEqual({ hash: sha('Staff must lock their laptops.'), read: true });
  });

  it('do not trust the stats of a file modified within two seconds of when they were taken', async () => {
    await writeFile(file, 'Staff must lock their phones.');
    expect((await digestOnce()).read).toBe(true);
    // Same stats, but written just before the index was taken: read again until it has aged.
    expect((await digestOnce()).read).toBe(true);
    await utimes(file, old(), old());
    await digestOnce();
    expect(await digestOnce()).toEqual({ hash: sha('Staff must lock their phones.'), read: false });
  });

  it('ignore a damaged index and read every file', async () => {
    await digestOnce();
    await writeFile(index, '{"version":1,"takenAtNs":');
    expect(await digestOnce()).toEqual({ hash: sha('Staff must lock their screens.'), read: true });
  });

  it('remember nothing without a cache', async () => {
    const digests = await InputDigests.open(null);
    expect((await digests.digest(file)).bytes).not.toBeNull();
    await digests.save();
    expect((await (await InputDigests.open(null)).digest(file)).bytes).not.toBeNull();
  });
});
