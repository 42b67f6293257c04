/**
 * `npm run bench -- --n 1000 [--n 10000] [--skip-site] [--skip-browser] [--skip-stages]`: measures every stage on a synthetic
 * corpus of N policies and prints a Markdown table (also written to test/output/bench-<n>.json). Numbers, not
 * assertions: targets are compared in docs/benchmarks.md.
 *
 * Stages, each timed on the same corpus:
 *   ingest    read + structure every file (one thread)
 *   classify  classification + coverage of every clause (one thread)
 *   analyse   the rest of the per-policy analysis (metadata, staleness, stances, residue) (one thread)
 *   startup   `npm run analyse` (compiled, scripts/cli.mjs) against the TypeScript through tsx, on 24 .txt files with
 *             two worker threads and no cache: what compiling at start-up costs, in the main thread and each worker
 *   cli       `npm run analyse` end to end with worker threads and a cold cache (wall time, peak memory)
 *   rerun     the same after changing one policy, with the cache warm (the incremental case)
 *   site      astro build of the real site on that dataset, then the search index (scripts/search-index.ts) (wall time, peak memory)
 *   floor     a bare Astro project with the same page count, then pagefind, in the same run
 *   full      the `npm run build` chain: cli (analyse with the CLI's defaults, cold cache) + astro build +
 *             pagefind, run one after the other; wall time is their sum, peak memory the largest of the three
 *   browser   scripts/bench-browser.ts on the built site (first-search bytes, dashboard JavaScript, longest main-
 *             thread task, heatmap time), when N <= 1000 (written to test/output/bench-browser-<n>.json too)
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadContent } from './lib/content.ts';
import { listFiles } from './lib/walk.ts';
import { makeCorpus } from './make-corpus.ts';
import { measureFloor } from './bench-floor.ts';
import { benchBrowser, browserTable, writeBrowserResult, type BrowserBenchResult } from './bench-browser.ts';
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
  for (const { doc } of docs) computeCoverage(classifyClauses(doc.clauses, bundle.taxonomy, { model: bundle.model }), doc.clauses, bundle.taxonomy);
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

/** The CLI compiled and through tsx on the same 24 text files (best of three each, the machine being shared). */
async function measureStartup(policies: string, work: string, cliArgs: (input: string, out: string) => string[]) {
  const input = join(work, 'startup');
  rmSync(input, { recursive: true, force: true });
  mkdirSync(input, { recursive: true });
  for (const f of (await listFiles(policies)).filter((f) => f.endsWith('.txt')).slice(0, 24)) copyFileSync(join(policies, f), join(input, f.replace(/\//g, '-')));
  const out = join(work, 'startup-out');
  const best = (env: Record<string, string>) =>
    Math.min(...[0, 1, 2].map(() => measured(process.execPath, [...cliArgs(input, out), '--no-cache', '--workers', '2'], env).seconds));
  return { compiled: best({}), tsx: best({ POLICY_ATLAS_NO_BUNDLE: '1' }) };
}

/** The browser figures are taken only up to this size: the targets that need them are set at 1,000 policies. */
const BROWSER_MAX_N = 1000;

async function benchOne(n: number, skipSite: boolean, skipBrowser: boolean, skipStages: boolean) {
  const work = `/tmp/pa-bench-${n}`;
  const corpus = join(work, 'corpus');
  if (!existsSync(join(corpus, 'truth.jsonl'))) {
    rmSync(corpus, { recursive: true, force: true });
    await makeCorpus({ n, out: corpus });
  }
  const policies = join(corpus, 'policies');
  const schools = join(corpus, 'schools.csv');
  // The one-thread stage times take as long as the CLI itself: --skip-stages leaves them out (at 10,000).
  const stages = skipStages
    ? { files: (await listFiles(policies)).length, read: 0, clauses: 0, ingest: 0, classify: 0, analyse: 0 }
    : await stageTimes(policies, join(root, 'content'));

  const data = join(work, 'data');
  const cache = join(work, 'cache');
  // Cold means no cache and no earlier output: a re-run carries unchanged records over from the last output.
  rmSync(cache, { recursive: true, force: true });
  rmSync(data, { recursive: true, force: true });
  // As `npm run analyse` runs it: the compiled CLI (scripts/cli.mjs), on the Node running this script.
  const cliArgs = (input: string, out: string) => ['scripts/cli.mjs', '--input', input, '--schools', schools, '--out', out, '--as-of', '2026-11-22', '--quiet'];
  const analyseArgs = cliArgs(policies, data);
  measured(process.execPath, ['scripts/cli.mjs', '--help']); // compiles the CLI now if it is stale, outside every timing
  const startup = await measureStartup(policies, work, cliArgs);
  const cli = measured(process.execPath, [...analyseArgs, '--cache', cache]);

  // The incremental case: one policy edited, everything else answered from the cache.
  const first = (await listFiles(policies)).find((f) => f.endsWith('.txt'));
  if (first) appendFileSync(join(policies, first), '\nStaff must report any lost device to the school office the same day.\n');
  const rerun = measured(process.execPath, [...analyseArgs, '--cache', cache]);

  let site: Timed | null = null;
  let pagefind: Timed | null = null;
  let floor = null;
  let browser: BrowserBenchResult | null = null;
  if (!skipSite) {
    const dist = join(work, 'dist');
    site = measured('npx', ['astro', 'build', '--outDir', dist], { ATLAS_DATA_DIR: data, SITE_OUT_DIR: dist });
    pagefind = measured('npx', ['tsx', 'scripts/search-index.ts', '--site', dist], { ATLAS_DATA_DIR: data });
    floor = await measureFloor(n);
    if (!skipBrowser && n <= BROWSER_MAX_N) {
      browser = await benchBrowser({ site: dist, base: '/', label: String(n) });
      writeBrowserResult(browser);
    }
  }
  // The three steps of `npm run build`, each already measured on its own: the chain is their sum. (The site is
  // built from the re-run's dataset, which differs from the cold run's by one appended sentence.)
  const full =
    site && pagefind
      ? {
          seconds: cli.seconds + site.seconds + pagefind.seconds,
          peakMB: Math.max(cli.peakMB ?? 0, site.peakMB ?? 0, pagefind.peakMB ?? 0),
        }
      : null;
  return {
    n,
    machine: { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown', memoryGB: Math.round(totalmem() / 2 ** 30), node: process.version },
    stages,
    startup,
    cli,
    rerun,
    site,
    pagefind,
    full,
    floor,
    browser,
  };
}

const { values } = parseArgs({
  options: { n: { type: 'string', multiple: true }, 'skip-site': { type: 'boolean' }, 'skip-browser': { type: 'boolean' }, 'skip-stages': { type: 'boolean' } },
});
const sizes = (values.n ?? ['100']).map(Number);
mkdirSync(join(root, 'test/output'), { recursive: true });
const rows: string[] = [];
const browserTables: string[] = [];
const kB = (bytes: number): string => `${Math.round(bytes / 1024)} kB`;
for (const n of sizes) {
  const r = await benchOne(n, values['skip-site'] ?? false, values['skip-browser'] ?? false, values['skip-stages'] ?? false);
  writeFileSync(join(root, `test/output/bench-${n}.json`), `${JSON.stringify(r, null, 2)}\n`);
  const s = r.stages;
  const rate = (count: number, sec: number) => (sec > 0 ? Math.round(count / sec) : 0);
  const b = r.browser;
  const siteSec = r.site && r.pagefind ? r.site.seconds + r.pagefind.seconds : null;
  const floorSec = r.floor ? r.floor.astroSeconds + r.floor.pagefindSeconds : null;
  rows.push(
    `| ${n} | ${s.ingest.toFixed(1)} s (${rate(s.read, s.ingest)}/s) | ${s.classify.toFixed(1)} s (${rate(s.clauses, s.classify)} clauses/s) | ${s.analyse.toFixed(1)} s (${rate(s.read, s.analyse)}/s) | ${r.cli.seconds.toFixed(1)} s, ${r.cli.peakMB} MB (${rate(s.files, r.cli.seconds)}/s) | ${r.rerun.seconds.toFixed(1)} s | ${siteSec === null ? '–' : `${siteSec.toFixed(1)} s, ${Math.max(r.site?.peakMB ?? 0, r.pagefind?.peakMB ?? 0)} MB`} | ${floorSec === null ? '–' : `${floorSec.toFixed(1)} s`} | ${siteSec !== null && floorSec ? (siteSec / floorSec).toFixed(1) : '–'}× | ${r.full ? `${r.full.seconds.toFixed(1)} s, ${r.full.peakMB} MB` : '–'} | ${b ? `${kB(b.search.common.pageLoad.gz + b.search.common.search.gz)} / ${kB(b.search.rare.pageLoad.gz + b.search.rare.search.gz)}` : '–'} | ${b ? kB(b.dashboard.js.gz) : '–'} | ${b ? `${b.dashboard.longestTaskMs} ms, ${b.dashboard.longestFrameMs ?? '–'} ms, ${b.dashboard.heatmapMs ?? '–'} ms` : '–'} |`,
  );
  if (b) browserTables.push(`N=${n}\n\n${browserTable(b)}`);
  console.log(`N=${n}: start-up on 24 files, compiled ${r.startup.compiled.toFixed(2)} s, through tsx ${r.startup.tsx.toFixed(2)} s`);
  console.log(`N=${n} done`);
}
console.log(
  '| N | ingest | classify | analyse | npm run analyse | after 1 change | site + search | floor | site/floor | full build | first search, gz (common / rare) | dashboard JS, gz | longest task, longest frame, heatmap |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|');
for (const r of rows) console.log(r);
for (const t of browserTables) console.log(`\n${t}`);
