/**
 * The CLI builds each record from a document part made once (in a worker thread, then cached) and a corpus part
 * made each run, spliced as text. This checks that its output is byte for byte what the reference path gives:
 * every analysis in memory, each record assembled whole and written by src/pipeline/output (`policyFiles`,
 * `policyCsvRows`, `corpusFiles`), on a deterministic synthetic corpus from scripts/make-corpus.ts (every input
 * format, schools with several versions). Cold with worker threads, then again after one policy changes, answered
 * from the cache.
 */
import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCorpus } from '../../../scripts/make-corpus.ts';
import { loadContent } from '../../../scripts/lib/content.ts';
import { listFiles } from '../../../scripts/lib/walk.ts';
import { analyseCorpus } from '../../../src/pipeline/run/corpus.ts';
import { browserContent } from '../../../src/pipeline/run/content.ts';
import { corpusFiles, csvHeader, PER_POLICY_CSVS, policyCsvRows, policyFiles } from '../../../src/pipeline/output/exports.ts';
import { AS_OF, ROOT, runCli, visibleFiles } from '../robustness/harness.ts';

const N = 40;
let work: string;
let policies: string;
let schools: string;

/** Every file the reference path writes, by relative path. */
async function referenceOutput(): Promise<Map<string, string>> {
  const { bundle } = await loadContent(join(ROOT, 'content'), schools);
  const files = await listFiles(policies);
  const sources = files.map((sourceFile) => ({ sourceFile, read: async () => new Uint8Array(await readFile(join(policies, sourceFile))) }));
  const result = await analyseCorpus(sources, bundle, { asOf: AS_OF, dueSoonMonths: 3, maskPersonalData: true, includeText: true });
  const out = new Map<string, string>();
  const types = bundle.taxonomy.types;
  for (const d of result.details) for (const [name, text] of policyFiles(d, types)) out.set(name, text);
  for (const c of PER_POLICY_CSVS) out.set(c.file, csvHeader(c.header) + result.details.map((d) => policyCsvRows(d, types).get(c.file) ?? '').join(''));
  for (const [name, text] of corpusFiles(result.dataset, result.clauseTypes, browserContent(bundle))) out.set(name, text);
  return out;
}

async function cliOutput(out: string, cache: string): Promise<Map<string, string>> {
  const run = await runCli(['--input', policies, '--schools', schools, '--out', out, '--as-of', AS_OF, '--cache', cache, '--workers', '2', '--quiet']);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return visibleFiles(out);
}

function expectSame(actual: Map<string, string>, expected: Map<string, string>): void {
  expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
  const differing = [...expected].filter(([name, text]) => actual.get(name) !== text).map(([name]) => name);
  expect(differing).toEqual([]);
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'pa-record-parts-'));
  await makeCorpus({ n: N, out: join(work, 'corpus') });
  policies = join(work, 'corpus/policies');
  schools = join(work, 'corpus/schools.csv');
}, 240_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('records from cached document parts', () => {
  it('match the whole-record path byte for byte, cold, in worker threads', async () => {
    const cli = await cliOutput(join(work, 'out'), join(work, 'cache'));
    const reference = await referenceOutput();
    expect([...reference.keys()].filter((k) => k.startsWith('policies/') && k.endsWith('.json')).length).toBeGreaterThanOrEqual(N - 2);
    // The corpus has versions, so version changes and history are compared too.
    expect([...reference.values()].some((text) => text.includes('"previousId":"'))).toBe(true);
    expectSame(cli, reference);
  }, 480_000);

  it('match it again after one policy changes, with the rest from the cache', async () => {
    const changed = (await listFiles(policies)).find((f) => f.endsWith('.txt'));
    expect(changed).toBeDefined();
    await appendFile(join(policies, changed as string), '\nStaff must report any lost device to the school office the same day.\n');
    const cli = await cliOutput(join(work, 'out'), join(work, 'cache'));
    expectSame(cli, await referenceOutput());
  }, 480_000);
});
