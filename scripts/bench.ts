/**
 * `npm run bench -- --n 1000 [--n 10000] [--skip-site]`: measures every stage on a synthetic corpus of N policies
 * and prints a Markdown table (also written to test/output/bench-<n>.json). Numbers, not assertions: targets
 * are compared in docs/benchmarks.md.
 *
 * Stages, each timed on the same corpus:
 *   ingest    read + structure every file (one thread)
 *   classify  classification + coverage of every clause (one thread)
 *   analyse   the rest of the per-policy analysis (metadata, staleness, stances, residue) (one thread)
 *   cli       `npm run analyse` end to end with worker threads and no cache (wall time, peak memory)
 *   rerun     the same after changing one policy, with the cache warm (the incremental case)
 *   site      astro build of the real site on that dataset, then pagefind (wall time, peak memory)
 *   floor     a bare Astro project with the same page count, then pagefind, in the same run
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadContent } from './lib/content.ts';
import { listFiles } from './lib/walk.ts';
import { makeCorpus } from './make-corpus.ts';
import { measureFloor } from './bench-floor.ts';
import { readDocument } from '../src/pipeline/run/corpus.ts';
import { analysePolicy } from '../src/pipeline/run/policy.ts';
import { classifyClauses } from '../src/pipeline/classify/classify.ts';
import { computeCoverage } from '../src/pipeline/classify/coverage.ts';
import { IngestError, type PolicyDocument } from '../src/pipeline/types.ts';

interface Timed {
  seconds: number;
  peakMB?: number;
}

const root = resolve(import.meta.dirname, '..');

/** Runs a command under GNU time (report to a file, so the command's own output stays readable) for peak memory. */
function measured(cmd: string, args: string[], env: Record<string, string> = {}): Timed {
  const report = join('/tmp', `pa-bench-time-${process.pid}.txt`);
  const started = performance.now();
  execFileSync('/usr/bin/time', ['-v', '-o', report, cmd, ...args], {
    cwd: root,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const seconds = (performance.now() - started) / 1000;
  const kb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(readFileSync(report, 'utf8'))?.[1] ?? 0);
  rmSync(report, { force: true });
  return { seconds, peakMB: Math.round(kb / 1024) };
}

async function stageTimes(policiesDir: string, contentDir: string) {
  const { bundle } = await loadContent(contentDir, null);
  const files = await listFiles(policiesDir);
  const docs: { file: string; doc: PolicyDocument }[] = [];
  let t = performance.now();
  for (const file of files) {
    try {
      docs.push({ file, doc: await readDocument(new Uint8Array(readFileSync(join(policiesDir, file))), file) });
    } catch (e) {
      if (!(e instanceof IngestError)) throw e;
    }
  }
  const ingest = (performance.now() - t) / 1000;
  const clauses = docs.reduce((n, d) => n + d.doc.clauses.length, 0);

  t = performance.now();
  for (const { doc } of docs) computeCoverage(classifyClauses(doc.clauses, bundle.taxonomy), doc.clauses, bundle.taxonomy);
  const classify = (performance.now() - t) / 1000;

  t = performance.now();
  for (const [i, { file, doc }] of docs.entries()) {
    analysePolicy(
      doc,
      {
        policyId: `p${i}`,
        schoolId: file.split('/')[0] ?? file,
        sourceFile: file,
        knownSchoolName: null,
        localAuthority: null,
        trust: null,
        otherOrganisations: [],
        asOf: '2026-11-22',
        dueSoonMonths: 3,
      },
      bundle,
    );
  }
  // analysePolicy classifies too; the rest of the analysis is what is left once classification is taken off.
  const analyse = Math.max(0, (performance.now() - t) / 1000 - classify);
  return { files: files.length, read: docs.length, clauses, ingest, classify, analyse };
}

async function benchOne(n: number, skipSite: boolean) {
  const work = `/tmp/pa-bench-${n}`;
  const corpus = join(work, 'corpus');
  if (!existsSync(join(corpus, 'truth.jsonl'))) {
    rmSync(corpus, { recursive: true, force: true });
    await makeCorpus({ n, out: corpus });
  }
  const policies = join(corpus, 'policies');
  const schools = join(corpus, 'schools.csv');
  const stages = await stageTimes(policies, join(root, 'content'));

  const data = join(work, 'data');
  const cache = join(work, 'cache');
  rmSync(cache, { recursive: true, force: true });
  const analyseArgs = ['tsx', 'scripts/analyse.ts', '--input', policies, '--schools', schools, '--out', data, '--as-of', '2026-11-22', '--quiet'];
  const cli = measured('npx', [...analyseArgs, '--cache', cache]);

  // The incremental case: one policy edited, everything else answered from the cache.
  const first = (await listFiles(policies)).find((f) => f.endsWith('.txt'));
  if (first) appendFileSync(join(policies, first), '\nStaff must report any lost device to the school office the same day.\n');
  const rerun = measured('npx', [...analyseArgs, '--cache', cache]);

  let site: Timed | null = null;
  let pagefind: Timed | null = null;
  let floor = null;
  if (!skipSite) {
    const dist = join(work, 'dist');
    site = measured('npx', ['astro', 'build', '--outDir', dist], { ATLAS_DATA_DIR: data, SITE_OUT_DIR: dist });
    pagefind = measured('npx', ['pagefind', '--site', dist, '--silent']);
    floor = await measureFloor(n);
  }
  return {
    n,
    machine: { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown', memoryGB: Math.round(totalmem() / 2 ** 30), node: process.version },
    stages,
    cli,
    rerun,
    site,
    pagefind,
    floor,
  };
}

const { values } = parseArgs({ options: { n: { type: 'string', multiple: true }, 'skip-site': { type: 'boolean' } } });
const sizes = (values.n ?? ['100']).map(Number);
mkdirSync(join(root, 'test/output'), { recursive: true });
const rows: string[] = [];
for (const n of sizes) {
  const r = await benchOne(n, values['skip-site'] ?? false);
  writeFileSync(join(root, `test/output/bench-${n}.json`), `${JSON.stringify(r, null, 2)}\n`);
  const s = r.stages;
  const rate = (count: number, sec: number) => (sec > 0 ? Math.round(count / sec) : 0);
  const siteSec = r.site && r.pagefind ? r.site.seconds + r.pagefind.seconds : null;
  const floorSec = r.floor ? r.floor.astroSeconds + r.floor.pagefindSeconds : null;
  rows.push(
    `| ${n} | ${s.ingest.toFixed(1)} s (${rate(s.read, s.ingest)}/s) | ${s.classify.toFixed(1)} s (${rate(s.clauses, s.classify)} clauses/s) | ${s.analyse.toFixed(1)} s (${rate(s.read, s.analyse)}/s) | ${r.cli.seconds.toFixed(1)} s, ${r.cli.peakMB} MB (${rate(s.files, r.cli.seconds)}/s) | ${r.rerun.seconds.toFixed(1)} s | ${siteSec === null ? '–' : `${siteSec.toFixed(1)} s, ${Math.max(r.site?.peakMB ?? 0, r.pagefind?.peakMB ?? 0)} MB`} | ${floorSec === null ? '–' : `${floorSec.toFixed(1)} s`} | ${siteSec !== null && floorSec ? (siteSec / floorSec).toFixed(1) : '–'}× |`,
  );
  console.log(`N=${n} done`);
}
console.log('| N | ingest | classify | analyse | npm run analyse | after 1 change | site + search | floor | site/floor |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const r of rows) console.log(r);
