/**
 * One writer per output folder: a second run waits for the first (and says so) instead of both writing; a lock left
 * by a killed run is taken over; two runs started together still give the same bytes as one run alone.
 */
import { spawnSync } from 'node:child_process';
import { readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { thisProcess } from '../../../scripts/lib/process-alive.ts';
import { AS_OF, ROOT, analyse, hashTree, startCli, stackLines, tempDir } from './harness.ts';

const SEEDS = join(ROOT, 'test/fixtures/seeds');
const lockOf = (parent: string, name: string) => join(parent, `.${name}.policy-atlas-lock`);

describe('the output lock', () => {
  it('takes over a lock whose process is gone, and removes it when done', async () => {
    const parent = await tempDir('lock-stale');
    const gone = spawnSync(process.execPath, ['-e', '0']).pid;
    await writeFile(lockOf(parent, 'out'), `${JSON.stringify({ pid: gone, host: thisProcess().host, start: null })}\n`);
    const run = await analyse(SEEDS, join(parent, 'out'), '--no-cache', '--quiet');
    expect(run.code, run.stderr).toBe(0);
    expect(stackLines(`${run.stdout}\n${run.stderr}`)).toEqual([]);
    expect(await readdir(parent)).toEqual(['out']);
  });

  it('makes a second run wait, with one line naming the holder, while the holder lives', async () => {
    const parent = await tempDir('lock-live');
    const lock = lockOf(parent, 'out');
    // This test's own process stands in for a run that is writing.
    await writeFile(lock, `${JSON.stringify(thisProcess())}\n`);
    const run = startCli(['--input', SEEDS, '--out', join(parent, 'out'), '--as-of', AS_OF, '--no-cache', '--quiet']);
    let ended = false;
    void run.ended.then(() => (ended = true));
    while (!ended && !run.printed().includes('waiting')) await new Promise((r) => setTimeout(r, 25));
    // The run is still waiting: it has written nothing.
    expect(await readdir(parent)).toEqual(['.out.policy-atlas-lock']);
    await rm(lock);
    const done = await run.ended;
    expect(done.code, done.stderr).toBe(0);
    expect(done.stdout).toMatch(new RegExp(`Another run \\(process ${process.pid}\\b.*waiting`));
    expect(done.stdout.split('\n').filter((l) => l.includes('waiting'))).toHaveLength(1);
    expect(await readdir(parent)).toEqual(['out']);
  });

  it('lets two runs started together on one folder give the same bytes as a run alone', async () => {
    const parent = await tempDir('lock-two');
    const [a, b, alone] = await Promise.all([
      analyse(SEEDS, join(parent, 'shared'), '--no-cache', '--quiet'),
      analyse(SEEDS, join(parent, 'shared'), '--no-cache', '--quiet'),
      analyse(SEEDS, join(parent, 'alone'), '--no-cache', '--quiet'),
    ]);
    for (const r of [a, b, alone]) expect(r.code, r.stderr).toBe(0);
    expect(await hashTree(join(parent, 'shared'))).toEqual(await hashTree(join(parent, 'alone')));
    expect((await readdir(parent)).sort()).toEqual(['alone', 'shared']);
  });
});
