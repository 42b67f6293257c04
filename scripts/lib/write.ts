import { createWriteStream, type WriteStream } from 'node:fs';
import { chmod, link, mkdir, readFile, readlink, rename, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { createHash } from 'node:crypto';
import { hostname } from 'node:os';
import { acquireOutputLock, type OutputLock } from './output-lock.ts';
import { cleanLeftovers, interruptedLine, isOldTemp, listTree, resolveOutputFolder, type OutputPlace, type Protected } from './output-folder.ts';
import { OutputError, describeWriteError } from './output-error.ts';
import type { ProcessId } from './process-alive.ts';

const MANIFEST = '.policy-atlas-files.json';
const CHECK_LANES = 8;

/** A file written bit by bit (a CSV with a block of rows per policy). */
export interface StreamedFile {
  write(chunk: string | Uint8Array): Promise<void>;
  /** Bytes written so far: where the next chunk starts. */
  readonly offset: number;
}

export interface OpenOptions {
  /** One-line notices for the user: waiting for another run, leftovers of a killed run cleaned up. */
  onNote?: (line: string) => void;
  /** What the output folder must not contain (the input, the cache): it is replaced whole. */
  mustNotHold?: readonly Protected[];
  /** Leftovers of a killed run already removed elsewhere (the cache), told in the same line as the output's. */
  cleanedElsewhere?: readonly string[];
}

/**
 * Writes a run's whole output into a staging folder beside the output folder, then swaps it in when everything is
 * written and checked, so that a run killed at any moment leaves the previous complete output (or none, on a first
 * run) and never a mixture. Files are written as they are produced, so a 10,000-policy run never holds them all in
 * memory. A file whose content is the same as last time (the manifest keeps each file's hash) is hard-linked from
 * the current output instead of rewritten, which keeps a re-run after one change quick. Files in the output folder
 * that this program did not write are carried over into the new one; files it wrote last time and not this time
 * (a policy that was removed) are not.
 *
 * One writer per output folder at a time: `open` waits for a lock that another live run holds, takes over one
 * whose run is gone, and cleans up what such a run left. File-system failures (full disk, read-only or unwritable
 * folder) are thrown as OutputError, a plain sentence, after the staging folder is removed.
 */
export class OutputWriter {
  private readonly written = new Map<string, { hash: string; bytes: number }>();
  private readonly streams = new Map<string, { stream: WriteStream; bytes: number; failed: Error | null }>();
  private readonly dirs = new Set<string>();
  private done = false;

  private constructor(
    private readonly place: OutputPlace,
    private readonly lock: OutputLock,
    private readonly previous: Map<string, string>,
  ) {}

  /** The output folder (resolved). */
  get root(): string {
    return this.place.root;
  }

  static async open(outDir: string, options: OpenOptions = {}): Promise<OutputWriter> {
    const note = options.onNote ?? (() => undefined);
    const place = await resolveOutputFolder(outDir, options.mustNotHold);
    const where = `the output folder ${place.shown}`;
    let lock: OutputLock;
    try {
      lock = await acquireOutputLock(place.lock, (holder: ProcessId) =>
        note(
          holder.host === hostname()
            ? `Another run (process ${holder.pid}) is writing to ${place.shown}; waiting for it to finish.`
            : // A process on another machine cannot be checked, so a lock it left is never taken over by itself.
              `Another run (process ${holder.pid} on ${holder.host}) is writing to ${place.shown}; waiting for it to finish (if it is no longer running, delete ${place.lock}).`,
        ),
      );
    } catch (e) {
      throw describeWriteError(e, where);
    }
    try {
      const cleaned = interruptedLine([...(options.cleanedElsewhere ?? []), ...(await cleanLeftovers(place))]);
      if (cleaned) note(cleaned);
      const previous = await readManifest(place.root);
      await mkdir(place.staging);
      return new OutputWriter(place, lock, previous);
    } catch (e) {
      await rm(place.staging, { recursive: true, force: true }).catch(() => undefined);
      await lock.release().catch(() => undefined);
      throw describeWriteError(e, where, 'the previous output is unchanged');
    }
  }

  /**
   * Writes `rel`, or links last run's when its content is the same. `identity` stands in for the content's hash
   * when the caller already has a name for exactly this content (a record's fingerprint), sparing the hashing of
   * a few hundred megabytes at 1,000 policies.
   */
  async file(rel: string, content: string | Uint8Array, identity?: string): Promise<void> {
    const target = this.target(rel);
    const hash = identity ?? createHash('sha1').update(content).digest('hex');
    const bytes = typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength;
    this.written.set(rel, { hash, bytes });
    await this.guard(async () => {
      await this.ensureDir(dirname(target));
      if (this.previous.get(rel) === hash && (await linked(join(this.place.root, rel), target))) return;
      await writeFile(target, content);
    });
  }

  /** A streamed file is always written afresh (its manifest entry has no hash): hashing it would cost as much. */
  async stream(rel: string): Promise<StreamedFile> {
    const target = this.target(rel);
    await this.guard(() => this.ensureDir(dirname(target)));
    const entry = { stream: createWriteStream(target), bytes: 0, failed: null as Error | null };
    // A write error (a full disk) is kept and thrown at the next write or at finish, as an OutputError.
    entry.stream.on('error', (e) => (entry.failed ??= e));
    this.streams.set(rel, entry);
    return {
      write: async (chunk: string | Uint8Array) => {
        if (entry.failed) await this.guard(() => Promise.reject(entry.failed));
        entry.bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.byteLength;
        // Back-pressure: wait for the disk when the stream's buffer is full, so memory stays flat.
        if (!entry.stream.write(chunk)) await this.guard(() => drained(entry.stream));
      },
      get offset() {
        return entry.bytes;
      },
    };
  }

  /**
   * Last run's files `rels`, hard-linked in as they are, all or none: a re-run's record whose inputs are all as they
   * were. False when any is not in last run's manifest or cannot be linked (missing, or no hard links on this file
   * system); the caller then writes them.
   */
  async reuse(rels: readonly string[]): Promise<boolean> {
    const hashes = rels.map((rel) => this.previous.get(rel));
    if (hashes.some((h) => !h)) return false;
    const done: string[] = [];
    return this.guard(async () => {
      for (const [i, rel] of rels.entries()) {
        const target = this.target(rel);
        await this.ensureDir(dirname(target));
        if (!(await linked(join(this.place.root, rel), target))) {
          // Only links were made, so removing them leaves last run's files as they were.
          for (const d of done) {
            await rm(this.target(d), { force: true });
            this.written.delete(d);
          }
          return false;
        }
        this.written.set(rel, { hash: hashes[i] as string, bytes: (await stat(target)).size });
        done.push(rel);
      }
      return true;
    });
  }

  /** Where last run's file `rel` is (to read from it; never to write). */
  previousPath(rel: string): string {
    return insideOrThrow(this.place.root, rel);
  }

  /** Whether last run's manifest lists `rel`. */
  hadFile(rel: string): boolean {
    return this.previous.has(rel);
  }

  /** Closes the streams, checks every file, carries the user's files over, and swaps the new output in. */
  async finish(): Promise<void> {
    await this.guard(async () => {
      for (const [rel, entry] of this.streams) {
        await closed(entry.stream, entry.failed);
        this.written.set(rel, { hash: '', bytes: entry.bytes });
      }
      this.streams.clear();
      await this.check();
      await this.carryOver();
      const entries = [...this.written.entries()].map(([rel, w]) => [rel, w.hash] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      await writeFile(join(this.place.staging, MANIFEST), `${JSON.stringify(Object.fromEntries(entries), null, 1)}\n`);
    });
    if (!(await this.lock.stillHeld())) {
      await this.abort();
      throw new OutputError(`another run took over the output folder ${this.place.shown} while this one was writing, so this run's output was discarded; run again once the other has finished.`);
    }
    await this.guard(() => this.swap());
    this.done = true;
    await this.lock.release();
  }

  /** After a failure: removes the staging folder and releases the lock; the output folder is as it was. */
  async abort(): Promise<void> {
    if (this.done) return;
    this.done = true;
    for (const { stream } of this.streams.values()) stream.destroy();
    this.streams.clear();
    await rm(this.place.staging, { recursive: true, force: true });
    await this.lock.release();
  }

  /** Every file is in the staging folder at the size written: what is swapped in is the whole dataset. */
  private async check(): Promise<void> {
    const entries = [...this.written];
    // A few at a time: the stats then overlap in libuv's thread pool (10,000 policies are 20,000 files).
    const lane = async (start: number) => {
      for (let i = start; i < entries.length; i += CHECK_LANES) {
        const [rel, w] = entries[i] as [string, { bytes: number }];
        const size = (await stat(join(this.place.staging, rel))).size;
        if (size !== w.bytes) throw new Error(`${rel} holds ${size} bytes after writing ${w.bytes}`);
      }
    };
    await Promise.all(Array.from({ length: CHECK_LANES }, (_, i) => lane(i)));
  }

  /** Hard-links into the staging folder whatever the output folder holds that this program did not write. */
  private async carryOver(): Promise<void> {
    const root = this.place.root;
    const rootStat = await stat(root).catch(() => null);
    if (!rootStat) return;
    for (const entry of await listTree(root)) {
      const rel = entry.path;
      if (rel === MANIFEST || this.previous.has(rel) || this.written.has(rel) || isOldTemp(rel)) continue;
      const from = join(root, rel);
      const to = join(this.place.staging, rel);
      if (entry.kind === 'dir') await this.ensureDir(to);
      else if (entry.kind === 'link') {
        await this.ensureDir(dirname(to));
        await symlink(await readlink(from), to);
      } else if (entry.kind === 'file') {
        await this.ensureDir(dirname(to));
        if (!(await linked(from, to))) await writeFile(to, await readFile(from));
      }
    }
  }

  /**
   * Two renames: the current output aside, the staging folder in. A kill between them leaves the output folder
   * missing for an instant; the next run finds the previous output by name and puts it back (cleanLeftovers).
   */
  private async swap(): Promise<void> {
    const { root, staging, previous } = this.place;
    const current = await stat(root).catch(() => null);
    const hadOutput = current !== null;
    // The new folder keeps the old one's permissions (it was made with the defaults).
    if (current) await chmod(staging, current.mode & 0o7777);
    if (hadOutput) await rename(root, previous);
    try {
      await rename(staging, root);
    } catch (e) {
      if (hadOutput) await rename(previous, root);
      throw e;
    }
    if (hadOutput) await rm(previous, { recursive: true, force: true });
  }

  /** Runs a file-system step; on failure removes the staging folder and throws a plain OutputError. */
  private async guard<T>(step: () => Promise<T>): Promise<T> {
    try {
      return await step();
    } catch (e) {
      const described = describeWriteError(e, `the output folder ${this.place.shown}`, 'the previous output is unchanged');
      if (described instanceof OutputError) await this.abort().catch(() => undefined);
      throw described;
    }
  }

  private target(rel: string): string {
    if (this.done) throw new Error(`the output of this run is already finished or abandoned (writing ${rel})`);
    return insideOrThrow(this.place.staging, rel);
  }

  private async ensureDir(dir: string): Promise<void> {
    if (this.dirs.has(dir)) return;
    await mkdir(dir, { recursive: true });
    this.dirs.add(dir);
  }
}

/** Writes a whole set of files at once (small outputs and tests). */
export async function writeOutputs(outDir: string, files: ReadonlyMap<string, string | Uint8Array>, options: OpenOptions = {}): Promise<void> {
  const out = await OutputWriter.open(outDir, options);
  try {
    for (const [rel, content] of [...files.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) await out.file(rel, content);
    await out.finish();
  } catch (e) {
    await out.abort();
    throw e;
  }
}

/** Hard-links `from` to `to`; false when `from` is missing or the file system has no hard links (then copy). */
async function linked(from: string, to: string): Promise<boolean> {
  try {
    await link(from, to);
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP' || code === 'EMLINK' || code === 'EXDEV') return false;
    throw e;
  }
}

function drained(stream: WriteStream): Promise<void> {
  return new Promise((ok, fail) => {
    const done = (e?: Error) => {
      stream.off('drain', done);
      stream.off('error', done);
      if (e) fail(e);
      else ok();
    };
    stream.on('drain', done);
    stream.on('error', done);
  });
}

function closed(stream: WriteStream, failed: Error | null): Promise<void> {
  if (failed) return Promise.reject(failed);
  return new Promise((ok, fail) => {
    stream.once('error', fail);
    stream.end(() => ok());
  });
}

/** name → content hash. Older manifests were a plain list of names: their files are rewritten once. */
async function readManifest(root: string): Promise<Map<string, string>> {
  try {
    const parsed: unknown = JSON.parse(await readFile(join(root, MANIFEST), 'utf8'));
    if (Array.isArray(parsed)) return new Map(parsed.filter((x): x is string => typeof x === 'string').map((x) => [x, '']));
    if (parsed && typeof parsed === 'object') {
      return new Map(Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === 'string'));
    }
    return new Map();
  } catch {
    return new Map();
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
