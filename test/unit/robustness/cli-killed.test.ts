/**
 * A run killed with SIGKILL while it is writing (a CI timeout, the out-of-memory killer, a closed laptop) leaves the
 * previous complete output byte for byte, and the next run cleans up what the killed one left and says so.
 * The runs after the first use another --as-of, so their output differs from the first's: a kill that let the new
 * output through would show.
 */
import { readFile, readdir, truncate } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeCorpus } from '../../../scripts/make-corpus.ts';
import { AS_OF, hashTree, leftoversBeside, listTree, runCli, startCli, stackLines, tempDir } from './harness.ts';

const LATER = '2027-09-30';

let root: string;
let parent: string;
let out: string;
let cache: string;
let args: (asOf: string) => string[];
let before: Map<string, string>;
/** The output once the later run has completed. */
let later: Map<string, string>;

beforeAll(async () => {
  root = await tempDir('killed');
  await makeCorpus({ n: 100, out: join(root, 'corpus'), formats: ['txt', 'md'] });
  parent = join(root, 'site');
  out = join(parent, 'data');
  cache = join(root, 'cache');
  args = (asOf) => ['--input', join(root, 'corpus/policies'), '--schools', join(root, 'corpus/schools.csv'), '--out', out, '--cache', cache, '--as-of', asOf, '--quiet'];
  const first = await runCli(args(AS_OF));
  expect(first.code, first.stderr).toBe(0);
  before = await hashTree(out);
}, 300_000);

/** Starts a run with the later date and kills it once `count` per-policy files are in its staging folder. */
async function killAfter(count: number): Promise<{ seen: number; signal: NodeJS.Signals | null }> {
  const run = startCli(args(LATER));
  let ended = false;
  void run.ended.then(() => (ended = true));
  let seen = 0;
  while (!ended) {
    const staging = (await leftoversBeside(parent)).find((n) => n.includes('.policy-atlas-staging-'));
    if (staging) {
      seen = (await readdir(join(parent, staging, 'policies')).catch(() => [])).length;
      if (seen >= count) {
        run.kill();
        break;
      }
    }
    await new Promise((r) => setTimeout(r, 3));
  }
  const { signal } = await run.ended;
  return { seen, signal };
}

describe('a run killed while writing', () => {
  it.each([1, 10, 100])('after %i policy files leaves the previous output byte-identical', async (count) => {
    const { seen, signal } = await killAfter(count);
    expect(signal, 'the run finished before it could be killed').toBe('SIGKILL');
    expect(seen).toBeGreaterThanOrEqual(count);
    expect(await hashTree(out)).toEqual(before);
  });

  it('is cleaned up by the next run, which says so in one line and leaves no temporary file', async () => {
    expect((await leftoversBeside(parent)).length, 'the killed runs left nothing to clean up').toBeGreaterThan(0);
    const next = await runCli(args(LATER));
    const said = `${next.stdout}\n${next.stderr}`;
    expect(next.code, said).toBe(0);
    expect(stackLines(said)).toEqual([]);
    expect(said.split('\n').filter((l) => /interrupted/.test(l))).toHaveLength(1);
    expect(await readdir(parent)).toEqual(['data']);
    expect((await listTree(out)).filter((f) => /\.tmp-|policy-atlas-(staging|previous|lock)/.test(f))).toEqual([]);
    expect((await listTree(cache)).filter((f) => f.includes('.tmp-'))).toEqual([]);
    // The new output is the later run's, complete: every policy file the first run wrote, with new content.
    later = await hashTree(out);
    expect([...later.keys()]).toEqual([...before.keys()]);
    expect(later.get('dataset.json')).not.toBe(before.get('dataset.json'));
  });
});

describe('what already held', () => {
  const factsFiles = async () => (await listTree(cache)).filter((f) => f.endsWith('.facts.json'));

  it('a run killed during analysis leaves the previous output and nothing beside it', async () => {
    const known = (await factsFiles()).length;
    const run = startCli(args('2028-02-29'));
    let ended = false;
    void run.ended.then(() => (ended = true));
    // Killed once a few documents of the new date have been analysed, well before any output is written.
    while (!ended && (await factsFiles()).length < known + 5) await new Promise((r) => setTimeout(r, 10));
    run.kill();
    expect((await run.ended).signal).toBe('SIGKILL');
    expect(await hashTree(out)).toEqual(later);
    expect(await readdir(parent)).toEqual(['data']);
  });

  it('recomputes truncated cache entries and gives the same output', async () => {
    const facts = (await factsFiles()).sort().filter((_, i) => i % 10 === 0);
    for (const f of facts) {
      const path = join(cache, f);
      await truncate(path, Math.floor((await readFile(path)).length / 2));
    }
    const run = await runCli(args(LATER));
    expect(run.code, run.stderr).toBe(0);
    expect(await hashTree(out)).toEqual(later);
  });
});
