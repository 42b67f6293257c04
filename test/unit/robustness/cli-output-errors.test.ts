/**
 * Problems where the dataset is written are the user's to fix: each ends the run with one plain sentence naming the
 * path and what to do, exit status 2, no stack trace, the previous output untouched and nothing left beside it.
 * The full and read-only disks are real (a small tmpfs) where the test may mount one, else injected (fs-fault.mjs).
 */
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCorpus } from '../../../scripts/make-corpus.ts';
import {
  AS_OF,
  ROOT,
  analyse,
  hashTree,
  injectedFault,
  leftoversBeside,
  mountTmpfs,
  remount,
  runCliWith,
  stackLines,
  tempDir,
  unmount,
  type CliRun,
} from './harness.ts';

const SEEDS = join(ROOT, 'test/fixtures/seeds');

let root: string;
let disk: string;
let mounted: boolean;
let bigger: string;

beforeAll(async () => {
  root = await tempDir('output-errors');
  disk = join(root, 'disk');
  await mkdir(disk);
  // 3 MB holds the seeds' output (about 2.2 MB) but not a 20-policy corpus's.
  // PA_TEST_NO_MOUNT=1 tries the injected faults on a machine that could mount.
  mounted = !process.env['PA_TEST_NO_MOUNT'] && mountTmpfs(disk, '3m');
  bigger = join(root, 'corpus');
  await makeCorpus({ n: 20, out: bigger, formats: ['txt'] });
}, 120_000);

afterAll(() => {
  if (mounted) unmount(disk);
});

/** The one line the run printed, checked for the things every such message must have. */
function plainError(run: CliRun, path: string): string {
  const said = `${run.stdout}\n${run.stderr}`;
  expect(run.code, said).toBe(2);
  expect(stackLines(said)).toEqual([]);
  const lines = run.stderr.split('\n').filter((l) => l.trim() !== '');
  expect(lines, run.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^policy-atlas: /);
  expect(lines[0]).toContain(path);
  expect(lines[0]).toMatch(/; (choose|free|check)/);
  return lines[0] ?? '';
}

describe('output-side failures', () => {
  it('a full disk: says so, exits 2, and leaves the previous output as it was', async () => {
    const out = join(disk, 'out');
    const first = await analyse(SEEDS, out, '--no-cache', '--quiet');
    expect(first.code, first.stderr).toBe(0);
    const before = await hashTree(out);
    const args = ['--input', join(bigger, 'policies'), '--out', out, '--as-of', AS_OF, '--no-cache', '--quiet'];
    const run = await runCliWith(args, mounted ? {} : injectedFault(disk, 'ENOSPC', 800_000));
    expect(plainError(run, out)).toMatch(/is full.*free some space.*previous output is unchanged/);
    expect(await hashTree(out)).toEqual(before);
    expect(await leftoversBeside(disk)).toEqual([]);
  });

  it('a read-only file system: says so and exits 2', async () => {
    const out = join(disk, 'out');
    const before = await hashTree(out);
    const readOnly = mounted && remount(disk, 'ro');
    try {
      const run = await runCliWith(['--input', SEEDS, '--out', out, '--as-of', '2027-01-01', '--no-cache', '--quiet'], readOnly ? {} : injectedFault(disk, 'EROFS'));
      expect(plainError(run, out)).toMatch(/read-only/);
    } finally {
      if (readOnly) remount(disk, 'rw');
    }
    expect(await hashTree(out)).toEqual(before);
  });

  it('an output path that is a file: says so, exits 2, and leaves the file alone', async () => {
    const file = join(root, 'not-a-folder.csv');
    await writeFile(file, 'keep me');
    expect(plainError(await analyse(SEEDS, file, '--no-cache'), file)).toMatch(/is a file, not a folder/);
    expect(await readFile(file, 'utf8')).toBe('keep me');
    expect(await leftoversBeside(root)).toEqual([]);
  });

  it('an output path beneath a file: says so and exits 2', async () => {
    const file = join(root, 'a-file');
    await writeFile(file, 'x');
    expect(plainError(await analyse(SEEDS, join(file, 'out'), '--no-cache'), join(file, 'out'))).toMatch(/part of its path is a file/);
  });

  it('a mount point (staging would be on another file system): says so and exits 2', async () => {
    // Without a mount of our own, /proc is a mount point on every Linux; nothing can be written there anyway.
    const point = mounted ? disk : '/proc';
    expect(plainError(await analyse(SEEDS, point, '--no-cache'), point)).toMatch(/mount point/);
  });

  it('an output folder that holds the input: refuses, since the folder is replaced whole', async () => {
    const input = join(root, 'work', 'policies');
    await mkdir(input, { recursive: true });
    await copyFile(join(ROOT, 'test/fixtures/bad/windows-1252.txt'), join(input, 'p.txt'));
    const out = join(root, 'work');
    expect(plainError(await analyse(input, out, '--no-cache'), out)).toMatch(/contains the input folder/);
  });
});
