/**
 * A re-run carries over the records whose inputs are all as last run's: their files are linked from the last
 * output and their CSV rows copied from the last CSVs, without reading their document parts. These check that the
 * result is what a fresh run gives, that the parts really are not read, and that a last output which no longer
 * matches its index (a CSV edited, a policy file deleted) is rebuilt rather than trusted.
 */
import { appendFile, mkdtemp, readFile, readdir, rm, unlink, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCorpus } from '../../../scripts/make-corpus.ts';
import { listFiles } from '../../../scripts/lib/walk.ts';
import { AS_OF, listTree, runCli, visibleFiles } from '../robustness/harness.ts';

let work: string;
let policies: string;
let schools: string;

async function run(out: string, cache: string): Promise<Map<string, string>> {
  const result = await runCli(['--input', policies, '--schools', schools, '--out', out, '--as-of', AS_OF, '--cache', cache, '--workers', '0', '--quiet']);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return visibleFiles(out);
}

/** A fresh run over the same input, with its own cache and output. */
async function fresh(label: string): Promise<Map<string, string>> {
  return run(join(work, `fresh-${label}`), join(work, `fresh-cache-${label}`));
}

function expectSame(actual: Map<string, string>, expected: Map<string, string>): void {
  expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
  expect([...expected].filter(([name, text]) => actual.get(name) !== text).map(([name]) => name)).toEqual([]);
}

/** Input files an hour old, so the input index trusts their stats (as it would on a real re-run). */
async function ageInputs(): Promise<void> {
  const then = new Date(Date.now() - 3_600_000);
  for (const f of await listFiles(policies)) await utimes(join(policies, f), then, then);
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'pa-carry-over-'));
  await makeCorpus({ n: 30, out: join(work, 'corpus') });
  policies = join(work, 'corpus/policies');
  schools = join(work, 'corpus/schools.csv');
  await ageInputs();
  await run(join(work, 'out'), join(work, 'cache'));
}, 240_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('a re-run carrying records over', () => {
  it('rebuilds what no longer matches its index: a CSV edited by hand, a policy file deleted', async () => {
    const out = join(work, 'out');
    await appendFile(join(out, 'clauses.csv'), 'a row added by hand\n');
    const gone = (await readdir(join(out, 'policies'))).find((f) => f.endsWith('.json')) as string;
    await unlink(join(out, 'policies', gone));
    expectSame(await run(out, join(work, 'cache')), await fresh('edited'));
  }, 240_000);

  it('gives what a fresh run gives after one policy changes, without reading the unchanged document parts', async () => {
    const changed = (await listFiles(policies)).find((f) => f.endsWith('.txt')) as string;
    await appendFile(join(policies, changed), '\nStaff must report any lost device to the school office the same day.\n');
    await ageInputs();
    const expected = await fresh('changed');
    // The document parts of the records that come out as last time removed: one that was built rather than carried
    // over would fail to read its part. (The others change with the corpus: peers, versions.)
    const out = join(work, 'out');
    let removed = 0;
    for (const f of await listTree(join(work, 'cache'))) {
      if (!f.endsWith('.inputs.json')) continue;
      const inputs = JSON.parse(await readFile(join(work, 'cache', f), 'utf8')) as { context: { policyId: string } };
      const file = `policies/${inputs.context.policyId}.json`;
      const last = await readFile(join(out, file), 'utf8').catch(() => null);
      if (last === null || last !== expected.get(file)) continue;
      await unlink(join(work, 'cache', f.replace(/\.inputs\.json$/, '.part')));
      removed++;
    }
    expect(removed).toBeGreaterThanOrEqual(5);
    expectSame(await run(out, join(work, 'cache')), expected);
  }, 240_000);
});
