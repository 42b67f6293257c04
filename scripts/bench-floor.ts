/**
 * The "floor" for the site stage (issue 7): how long Astro alone takes to write N bare pages and pagefind to index
 * them, on this machine, in this run. The real site build is reported as a ratio to it, so a slow machine does not
 * make the site look slow.
 *
 *   npx tsx scripts/bench-floor.ts --n 1000 [--n 10000] [--keep] [--concurrency 2]
 *
 * The bare project lives in /tmp (never inside the repo) and borrows this repo's node_modules through a symlink,
 * so it runs the very same Astro and pagefind versions without an install.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

export interface FloorResult {
  n: number;
  /** Wall time of `astro build`, seconds. */
  astroSeconds: number;
  /** Wall time of `pagefind --site dist`, seconds. */
  pagefindSeconds: number;
  /** Larger of the two peaks below; null when GNU time is not installed. */
  peakMB: number | null;
  astroPeakMB: number | null;
  pagefindPeakMB: number | null;
  /** HTML pages Astro wrote under dist/p/, as a check that the build really produced N pages. */
  pages: number;
}

export interface FloorOptions {
  /** Where the bare project is written; default /tmp/pa-floor-<n>. */
  dir?: string;
  /** Keep the bare project afterwards (to inspect it); default false. */
  keep?: boolean;
  /** Astro's build.concurrency (pages rendered in parallel); Astro's default (1) when absent. */
  concurrency?: number;
}

const REPO = resolve(fileURLToPath(new URL('..', import.meta.url)));
const NODE_MODULES = join(REPO, 'node_modules');
const GNU_TIME = '/usr/bin/time';

/** Writes a minimal Astro project whose one dynamic route yields `n` pages. */
export async function writeFloorProject(dir: string, n: number, concurrency?: number): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(join(dir, 'src/pages/p'), { recursive: true });
  await symlink(NODE_MODULES, join(dir, 'node_modules'), 'dir');
  await writeFile(join(dir, 'package.json'), `${JSON.stringify({ name: 'pa-floor', private: true, type: 'module' }, null, 2)}\n`);
  // Same output settings as the real site, so the comparison is like for like. The caches are kept in the bare
  // project: by default they would land in the shared (symlinked) node_modules of the repo.
  await writeFile(
    join(dir, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';
export default defineConfig({
  trailingSlash: 'always',
  build: { format: 'directory'${concurrency !== undefined ? `, concurrency: ${concurrency}` : ''} },
  devToolbar: { enabled: false },
  cacheDir: './.astro-cache',
  vite: { cacheDir: './.vite-cache' },
});
`,
  );
  await writeFile(
    join(dir, 'src/pages/p/[id].astro'),
    `---
export function getStaticPaths() {
  return Array.from({ length: ${n} }, (_, i) => ({ params: { id: String(i).padStart(5, '0') } }));
}
const { id } = Astro.params;
const k = Number(id);
---
<html lang="en">
  <head><meta charset="utf-8" /><title>Policy {id}</title></head>
  <body>
    <main>
      <h1>Policy {id}</h1>
      <p>Staff acceptable use policy number {id} for school {k % 997}. Staff must keep passwords private, lock
      screens when away, report concerns to the designated safeguarding lead and use school email for work. Review
      due in term {k % 3} of year {2020 + (k % 7)}.</p>
    </main>
  </body>
</html>
`,
  );
}

interface Timed {
  seconds: number;
  peakMB: number | null;
}

/** Runs a command under GNU time (when installed) and returns its wall time and peak resident memory. */
async function timed(cmd: string, args: string[], cwd: string): Promise<Timed> {
  const useTime = existsSync(GNU_TIME);
  const [file, argv] = useTime ? [GNU_TIME, ['-v', cmd, ...args]] : [cmd, args];
  const t0 = performance.now();
  const { code, stderr, stdout } = await new Promise<{ code: number | null; stderr: string; stdout: string }>(
    (done, fail) => {
      const child = spawn(file, argv, { cwd, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
      let err = '';
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      child.on('error', fail);
      child.on('close', (c) => done({ code: c, stderr: err, stdout: out }));
    },
  );
  const seconds = (performance.now() - t0) / 1000;
  if (code !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} failed with status ${code}\n${stdout.slice(-2000)}\n${stderr.slice(-2000)}`);
  }
  // GNU time reports the largest RSS among the child and the descendants it waited for (pagefind's npm wrapper
  // waits for the native binary, so its memory counts).
  const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
  return { seconds, peakMB: m?.[1] ? Math.round(Number(m[1]) / 1024) : null };
}

async function countPages(dir: string): Promise<number> {
  try {
    return (await readdir(join(dir, 'dist/p'))).length;
  } catch {
    return 0;
  }
}

/** Builds N bare pages with Astro, indexes them with pagefind, and reports the time and memory of each. */
export async function measureFloor(n: number, options: FloorOptions = {}): Promise<FloorResult> {
  if (!Number.isInteger(n) || n < 1) throw new Error(`n must be a positive whole number, not ${n}`);
  const dir = options.dir ?? `/tmp/pa-floor-${n}`;
  await writeFloorProject(dir, n, options.concurrency);
  // process.execPath is the Node that runs this script (Node 24 under `npx tsx`), so the children use it too.
  const astro = await timed(process.execPath, [join(NODE_MODULES, 'astro/bin/astro.mjs'), 'build', '--silent'], dir);
  const pages = await countPages(dir);
  const pagefind = await timed(process.execPath, [join(NODE_MODULES, 'pagefind/lib/runner/bin.cjs'), '--site', 'dist'], dir);
  if (!options.keep) await rm(dir, { recursive: true, force: true });
  const peaks = [astro.peakMB, pagefind.peakMB].filter((x): x is number => x !== null);
  return {
    n,
    astroSeconds: round2(astro.seconds),
    pagefindSeconds: round2(pagefind.seconds),
    peakMB: peaks.length > 0 ? Math.max(...peaks) : null,
    astroPeakMB: astro.peakMB,
    pagefindPeakMB: pagefind.peakMB,
    pages,
  };
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { n: { type: 'string', multiple: true }, keep: { type: 'boolean' }, concurrency: { type: 'string' } },
    strict: true,
  });
  const sizes = (values.n ?? ['1000']).map(Number);
  for (const n of sizes) {
    const result = await measureFloor(n, {
      keep: values.keep ?? false,
      ...(values.concurrency !== undefined ? { concurrency: Number(values.concurrency) } : {}),
    });
    console.log(JSON.stringify(result));
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
