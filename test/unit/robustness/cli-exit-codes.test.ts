/**
 * Exit statuses a script or a scheduled job can rely on: 2 when there is nothing to analyse (no folder, or no
 * file in it could be read), 0 for a clean run even under --strict. No stack trace for any of them.
 */
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BAD, analyse, csvText, readCsv, stackLines, tempDir } from './harness.ts';

describe('exit statuses', () => {
  it('exits 2 with a plain message when the input folder does not exist', async () => {
    const root = await tempDir('missing');
    const run = await analyse(join(root, 'no-such-folder'), join(root, 'out'));
    expect(run.code).toBe(2);
    expect(`${run.stdout}${run.stderr}`).toContain('no-such-folder');
    expect(stackLines(`${run.stdout}\n${run.stderr}`)).toEqual([]);
  });

  it('exits 2 when no file could be read, and still says which and why in errors.csv', async () => {
    const root = await tempDir('none-readable');
    const input = join(root, 'in');
    await mkdir(input);
    const files = ['empty.txt', 'random-bytes.pdf', 'policy.rtf'];
    for (const f of files) await copyFile(join(BAD, f), join(input, f));
    const run = await analyse(input, join(root, 'out'));
    const said = `${run.stdout}\n${run.stderr}`;
    expect(run.code, said).toBe(2);
    expect(stackLines(said)).toEqual([]);
    for (const f of files) expect(said).toContain(f);
    const errors = await readCsv(join(root, 'out', 'errors.csv'));
    expect(errors.records.map((r) => csvText(r['source_file'] ?? '')).sort()).toEqual([...files].sort());
  });

  it('exits 0 under --strict when every file was read', async () => {
    const root = await tempDir('all-readable');
    const input = join(root, 'in');
    await mkdir(input);
    for (const f of ['windows-1252.txt', '-rf policy.txt']) await copyFile(join(BAD, f), join(input, f));
    const run = await analyse(input, join(root, 'out'), '--strict');
    expect(run.code, `${run.stdout}\n${run.stderr}`).toBe(0);
    const errors = await readCsv(join(root, 'out', 'errors.csv'));
    expect(errors.header).toEqual(['source_file', 'error']);
    expect(errors.records).toEqual([]);
  });
});
