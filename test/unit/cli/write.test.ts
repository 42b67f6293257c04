import { mkdtemp, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutputWriter, writeOutputs } from '../../../scripts/lib/write.ts';

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

describe('OutputWriter', () => {
  it('streams a file into place on finish, and skips rewriting a file whose content is unchanged', async () => {
    const out = await mkdtemp(join(tmpdir(), 'pa-out-'));
    const first = await OutputWriter.open(out);
    const csv = await first.stream('big.csv');
    await csv.write('a,b\r\n');
    await csv.write('1,2\r\n');
    await first.file('policies/p.json', '{"v":1}');
    await first.finish();
    expect(await readFile(join(out, 'big.csv'), 'utf8')).toBe('a,b\r\n1,2\r\n');
    const before = (await stat(join(out, 'policies/p.json'))).mtimeMs;
    await new Promise((r) => setTimeout(r, 20));
    const second = await OutputWriter.open(out);
    await second.file('policies/p.json', '{"v":1}');
    await second.finish();
    expect((await stat(join(out, 'policies/p.json'))).mtimeMs).toBe(before);
  });
  it('after a crash leaves no temporary file and keeps the previous run\'s files', async () => {
    const out = await mkdtemp(join(tmpdir(), 'pa-out-'));
    await writeOutputs(out, new Map([['big.csv', 'old']]));
    const run = await OutputWriter.open(out);
    const csv = await run.stream('big.csv');
    await csv.write('half a');
    await run.abort();
    expect(await readFile(join(out, 'big.csv'), 'utf8')).toBe('old');
    expect((await readdir(out)).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });
});
