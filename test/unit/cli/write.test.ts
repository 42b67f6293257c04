import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeOutputs } from '../../../scripts/lib/write.ts';

describe('writeOutputs', () => {
  it('replaces its own files, removes ones it no longer writes, and leaves the user\'s alone', async () => {
    const out = await mkdtemp(join(tmpdir(), 'pa-out-'));
    await writeFile(join(out, 'my-notes.txt'), 'mine');
    await writeOutputs(out, new Map([['a.csv', 'one'], ['policies/x.json', '{}']]));
    await writeOutputs(out, new Map([['a.csv', 'two']]));
    expect(await readFile(join(out, 'a.csv'), 'utf8')).toBe('two');
    expect(await readFile(join(out, 'my-notes.txt'), 'utf8')).toBe('mine');
    expect(await readdir(join(out, 'policies'))).toEqual([]);
    expect((await readdir(out)).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });
  it('refuses a name that would escape the folder', async () => {
    const out = await mkdtemp(join(tmpdir(), 'pa-out-'));
    await expect(writeOutputs(out, new Map([['../escape.txt', 'x']]))).rejects.toThrow(/outside the output folder/);
  });
});
