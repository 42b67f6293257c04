/**
 * Builds sites for the browser tests from REAL analysis output, under a base path (so sub-path hosting is always
 * exercised), into test/output/ (never the deployable dist/ or src/data/generated):
 *   - the main site: content/ analysed with a fixed as-of date into test/output/data, built into test/output/site;
 *   - the hostile site: test/fixtures/hostile analysed into test/output/hostile-data, built into
 *     test/output/hostile-site (no search index).
 * Set E2E_REUSE_BUILD=1 to reuse existing builds while iterating, E2E_SKIP_ANALYSE=1 to rebuild the site from
 * data already analysed, and E2E_BUILD_DIR=<folder> to build somewhere else than test/output (so two test runs in
 * one checkout do not rebuild each other's site mid-run; screenshots and page weights stay in test/output).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = process.cwd();
const BUILD_DIR = resolve(ROOT, process.env.E2E_BUILD_DIR ?? 'test/output');
export const SITE_DIR = join(BUILD_DIR, 'site');
export const DATA_DIR = join(BUILD_DIR, 'data');
export const HOSTILE_SITE_DIR = join(BUILD_DIR, 'hostile-site');
export const HOSTILE_DATA_DIR = join(BUILD_DIR, 'hostile-data');
export const HOSTILE_INPUT = join(ROOT, 'test/fixtures/hostile');
export const BASE_PATH = process.env.E2E_BASE_PATH ?? '/atlas/';
/** Review dates and staleness are judged against this date, so the built pages never change with the calendar. */
export const AS_OF = '2026-11-22';

export interface BuildOptions {
  /** Folder of policies to analyse (default: content/policies, the analyser's own default). */
  input?: string;
  /** Where the analysis writes the dataset; the site reads it through ATLAS_DATA_DIR. */
  dataDir?: string;
  /** Where the site is built. */
  outDir?: string;
  /** Build the pagefind search index (default true). */
  pagefind?: boolean;
}

/**
 * Runs one step of a site build (`npx tsx scripts/analyse.ts …`, `npx astro build`…) from the project root, for
 * the site in `outDir` built from the dataset in `dataDir`.
 */
export function buildStep(outDir: string, dataDir: string): (args: string[]) => void {
  // Vitest puts its own import.meta.env (BASE_URL=/, MODE=test, NODE_ENV=test…) into process.env; Astro would
  // read those back, so the build gets a clean environment.
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (!/^(VITEST|VITE_|TEST$|BASE_URL$|MODE$|DEV$|PROD$|SSR$|NODE_ENV$)/.test(k)) env[k] = v;
  }
  Object.assign(env, { BASE_PATH, SITE_OUT_DIR: outDir, ATLAS_DATA_DIR: dataDir, ASTRO_TELEMETRY_DISABLED: '1' });
  return (args) => {
    execFileSync('npx', args, { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'], timeout: 600_000 });
  };
}

/** Analyses, builds and (optionally) indexes one site. */
export function buildSite(options: BuildOptions = {}): void {
  const outDir = options.outDir ?? SITE_DIR;
  const dataDir = options.dataDir ?? DATA_DIR;
  const pagefind = options.pagefind ?? true;
  if (process.env.E2E_REUSE_BUILD === '1' && existsSync(join(outDir, 'index.html')) && (!pagefind || existsSync(join(outDir, 'pagefind')))) return;
  const run = buildStep(outDir, dataDir);
  if (process.env.E2E_SKIP_ANALYSE !== '1' || !existsSync(join(dataDir, 'dataset.json'))) {
    const input = options.input ? ['--input', options.input] : [];
    run(['tsx', 'scripts/analyse.ts', ...input, '--out', dataDir, '--as-of', AS_OF, '--quiet']);
  }
  run(['astro', 'build']);
  if (pagefind) run(['tsx', 'scripts/search-index.ts', '--site', outDir]);
}

/** The site built from the hostile fixtures (script tags, onerror, javascript: links, quote-breaking text). */
export function buildHostileSite(): void {
  buildSite({ input: HOSTILE_INPUT, dataDir: HOSTILE_DATA_DIR, outDir: HOSTILE_SITE_DIR, pagefind: false });
}
