/**
 * `npm run analyse`: starts the command line compiled. scripts/analyse.ts and its worker thread are bundled with
 * esbuild (which the toolchain already has) into node_modules/.cache/policy-atlas-cli/, so neither the main thread
 * nor any worker compiles TypeScript at start-up. The bundle is rebuilt when any file it was built from changes
 * (checked by size and modification time: a few milliseconds); npm packages stay outside it and load from
 * node_modules as usual. Without esbuild, or with POLICY_ATLAS_NO_BUNDLE=1, it runs the TypeScript through tsx.
 *
 * Plain JavaScript on purpose: this file is what runs before anything is compiled.
 */
import { spawn } from 'node:child_process';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'node_modules/.cache/policy-atlas-cli');
const STAMP = join(OUT, 'inputs.json');
const ENTRIES = { analyse: 'scripts/analyse.ts', worker: 'scripts/lib/worker.ts' };

/** Size and modification time of a file, or null when it is gone. */
async function signature(path) {
  const s = await stat(join(ROOT, path)).catch(() => null);
  return s ? `${s.size}:${s.mtimeMs}` : null;
}

/** True when the bundle exists and was built from the files as they are now, by this Node. */
async function isFresh() {
  let stamp;
  try {
    stamp = JSON.parse(await readFile(STAMP, 'utf8'));
  } catch {
    return false;
  }
  if (stamp.node !== process.version || stamp.cli !== (await signature(relative(ROOT, fileURLToPath(import.meta.url))))) return false;
  const inputs = Object.entries(stamp.inputs);
  const now = await Promise.all(inputs.map(([path]) => signature(path)));
  return inputs.every(([, sig], i) => sig === now[i]);
}

async function compile() {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: ENTRIES,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: `node${process.versions.node.split('.')[0]}`,
    packages: 'external',
    outdir: OUT,
    outExtension: { '.js': '.mjs' },
    sourcemap: 'linked',
    metafile: true,
    write: false,
    logLevel: 'silent',
  });
  await mkdir(OUT, { recursive: true });
  // Written beside and renamed, so a second run starting meanwhile never loads half a file.
  for (const file of result.outputFiles) {
    const tmp = `${file.path}.tmp-${process.pid}`;
    await writeFile(tmp, file.contents);
    await rename(tmp, file.path);
  }
  const inputs = {};
  for (const path of Object.keys(result.metafile.inputs)) inputs[path] = await signature(path);
  const stamp = { node: process.version, cli: await signature(relative(ROOT, fileURLToPath(import.meta.url))), inputs };
  await writeFile(`${STAMP}.tmp-${process.pid}`, JSON.stringify(stamp));
  await rename(`${STAMP}.tmp-${process.pid}`, STAMP);
}

/** The TypeScript as it is, through tsx, in a child process (its loader then reaches the worker threads too). */
function runWithTsx() {
  const child = spawn(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/analyse.ts'), ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('close', (code, signal) => {
    process.exitCode = code ?? (signal ? 1 : 0);
  });
}

let bundled = process.env.POLICY_ATLAS_NO_BUNDLE !== '1';
if (bundled && !(await isFresh())) {
  try {
    await compile();
  } catch (e) {
    bundled = false;
    console.error(`policy-atlas: could not compile the command line (${e instanceof Error ? e.message.split('\n')[0] : e}); running it through tsx instead.`);
  }
}
if (bundled) {
  process.setSourceMapsEnabled(true);
  await import(pathToFileURL(join(OUT, 'analyse.mjs')).href);
} else {
  runWithTsx();
}
