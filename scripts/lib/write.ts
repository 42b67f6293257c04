import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';

const MANIFEST = '.policy-atlas-files.json';

/**
 * Writes a set of output files into `outDir` so that an interrupted run never leaves a half-written file: each
 * file is written to a temporary name beside it and renamed into place. Files this program wrote last time and
 * did not write this time (a policy that was removed) are deleted; anything else in the folder is left alone.
 */
export async function writeOutputs(outDir: string, files: ReadonlyMap<string, string | Uint8Array>): Promise<void> {
  const root = resolve(outDir);
  await mkdir(root, { recursive: true });
  const previous = await readManifest(root);
  const tmpSuffix = `.tmp-${process.pid}`;
  const written: string[] = [];
  for (const [rel, content] of [...files.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const target = insideOrThrow(root, rel);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target + tmpSuffix, content);
    await rename(target + tmpSuffix, target);
    written.push(rel);
  }
  const now = new Set(written);
  for (const rel of previous) {
    if (!now.has(rel)) await rm(insideOrThrow(root, rel), { force: true });
  }
  const manifestPath = join(root, MANIFEST);
  await writeFile(manifestPath + tmpSuffix, `${JSON.stringify(written, null, 1)}\n`);
  await rename(manifestPath + tmpSuffix, manifestPath);
}

async function readManifest(root: string): Promise<string[]> {
  try {
    const parsed: unknown = JSON.parse(await readFile(join(root, MANIFEST), 'utf8'));
    return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/** Output names come from ids that are already slugs; this is the last line of defence against `../`. */
function insideOrThrow(root: string, rel: string): string {
  const target = resolve(root, rel);
  const back = relative(root, target);
  if (back === '' || back.startsWith('..') || back.startsWith(sep)) {
    throw new Error(`refusing to write outside the output folder: ${rel}`);
  }
  return target;
}
