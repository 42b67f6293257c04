import { constants } from 'node:fs';
import { access, mkdir, readdir, realpath, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { OutputError, describeWriteError } from './output-error.ts';
import { pidExists } from './process-alive.ts';

/**
 * Where a run's output goes and the names it uses beside it. Everything the program puts next to the output folder
 * starts with `.<name>.policy-atlas-` and ends with the writer's pid, so leftovers of a killed run are recognised
 * by name and never confused with a user's files.
 */
export interface OutputPlace {
  /** The output folder, symbolic links resolved (so the swap replaces the real folder, not a link to it). */
  root: string;
  /** As the user wrote it, for messages. */
  shown: string;
  parent: string;
  staging: string;
  previous: string;
  lock: string;
}

/** Old writers streamed into the output folder under `<name>.tmp-<pid>`; a killed one left such files behind. */
const OLD_TEMP = /\.tmp-(\d+)$/;

/** Something the output folder must not contain, because a run replaces the folder whole. */
export interface Protected {
  label: string;
  path: string;
}

/**
 * Checks the output path before any work is done, so a mistake is reported in seconds rather than after a long
 * analysis: it must be a folder (or not exist yet), its parent must be writable and on the same file system (the
 * staging folder is made there and renamed into place), and it must not hold the input, the cache or the current
 * folder. Creates the parent if missing. Throws OutputError.
 */
export async function resolveOutputFolder(outDir: string, mustNotHold: readonly Protected[] = []): Promise<OutputPlace> {
  const shown = outDir;
  const place = `the output folder ${shown}`;
  let root = resolve(outDir);
  const existing = await stat(root).catch((e: unknown) => {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw describeWriteError(e, place);
  });
  if (existing && !existing.isDirectory()) {
    throw new OutputError(`the output path ${shown} is a file, not a folder; choose another --out, or move that file away.`);
  }
  if (existing) root = await realpath(root);
  const parent = dirname(root);
  if (parent === root) throw new OutputError(`the output folder ${shown} is the top of a file system; choose a folder inside it, such as ${join(shown, 'atlas')}.`);
  try {
    await mkdir(parent, { recursive: true });
    const parentStat = await stat(parent);
    if (!parentStat.isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
    if (existing && existing.dev !== parentStat.dev) {
      throw new OutputError(
        `the output folder ${shown} is a mount point (a file system of its own), so the new output cannot be prepared beside it and swapped in whole; choose a folder inside it, such as ${join(shown, 'atlas')}.`,
      );
    }
    await access(parent, constants.W_OK);
  } catch (e) {
    throw describeWriteError(e, place);
  }
  for (const p of mustNotHold) {
    const target = await realpath(resolve(p.path)).catch(() => resolve(p.path));
    if (isInside(root, target)) {
      throw new OutputError(
        `the output folder ${shown} contains ${p.label}, but a run replaces the whole output folder; choose a folder of its own, such as --out atlas-out.`,
      );
    }
  }
  const prefix = join(parent, `.${basename(root)}.policy-atlas-`);
  return {
    root,
    shown,
    parent,
    staging: `${prefix}staging-${process.pid}`,
    previous: `${prefix}previous-${process.pid}`,
    lock: `${prefix}lock`,
  };
}

/**
 * Removes what killed runs left for this output folder: staging folders, the previous output a run was about to
 * delete, lock scraps, and the old writer's `.tmp-<pid>` files inside the folder. Only names this program uses, and
 * only for processes that are gone. If a run died between moving the old output aside and moving the new one in,
 * the old one is put back. Call with the lock held. Returns what was done, as phrases for `interruptedLine`.
 */
export async function cleanLeftovers(place: OutputPlace): Promise<string[]> {
  const ours = new RegExp(`^\\.${escape(basename(place.root))}\\.policy-atlas-(staging|previous|lock\\.(?:stale-)?)-?(\\d+)$`);
  const removed: string[] = [];
  let restored = false;
  let rootExists = await exists(place.root);
  for (const name of (await readdir(place.parent)).sort()) {
    const m = ours.exec(name);
    if (!m || pidExists(Number(m[2]))) continue;
    const path = join(place.parent, name);
    if (m[1] === 'previous' && !rootExists) {
      await rename(path, place.root);
      rootExists = true;
      restored = true;
      continue;
    }
    await rm(path, { recursive: true, force: true });
    removed.push(name);
  }
  let temps = 0;
  if (rootExists) {
    for (const rel of await listTree(place.root)) {
      const m = OLD_TEMP.exec(rel.path);
      if (rel.kind !== 'file' || !m || pidExists(Number(m[1]))) continue;
      await rm(join(place.root, rel.path), { force: true });
      temps++;
    }
  }
  const parts: string[] = [];
  if (restored) parts.push(`put back the previous output in ${place.shown}`);
  if (removed.length > 0) parts.push(`removed ${removed.join(', ')} beside ${place.shown}`);
  if (temps > 0) parts.push(`removed ${temps} temporary file${temps === 1 ? '' : 's'} inside ${place.shown}`);
  return parts;
}

/** The one line that tells the user what was cleaned up after an interrupted run; null when nothing was. */
export function interruptedLine(parts: readonly string[]): string | null {
  return parts.length === 0 ? null : `An earlier run was interrupted: ${parts.join('; ')}.`;
}

export interface TreeEntry {
  /** Forward-slash path relative to the folder. */
  path: string;
  kind: 'file' | 'dir' | 'link' | 'other';
}

/** Every entry under `root` (folders before their contents), not following symbolic links. */
export async function listTree(root: string): Promise<TreeEntry[]> {
  const out: TreeEntry[] = [];
  const visit = async (dir: string, rel: string): Promise<void> => {
    for (const e of await readdir(dir, { withFileTypes: true })) {
      const path = rel === '' ? e.name : `${rel}/${e.name}`;
      if (e.isDirectory()) {
        out.push({ path, kind: 'dir' });
        await visit(join(dir, e.name), path);
      } else out.push({ path, kind: e.isFile() ? 'file' : e.isSymbolicLink() ? 'link' : 'other' });
    }
  };
  await visit(root, '');
  return out;
}

export function isOldTemp(path: string): boolean {
  return OLD_TEMP.test(path);
}

function isInside(folder: string, target: string): boolean {
  const back = relative(folder, target);
  return back === '' || (!back.startsWith('..') && !back.startsWith(sep) && !/^[a-zA-Z]:/.test(back));
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
