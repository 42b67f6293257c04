import { createHash } from 'node:crypto';
import { readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import type { BigIntStats } from 'node:fs';

/**
 * A file's bytes are re-read only when one of these moved: what git's index compares to find a changed file
 * without reading it.
 */
interface Seen {
  size: string;
  mtimeNs: string;
  ctimeNs: string;
  ino: string;
  /** SHA-256 of the bytes, hex. */
  hash: string;
}

interface IndexFile {
  version: 1;
  /** When the stats were taken (ns since 1970, as text): a file modified just before it cannot be trusted by them. */
  takenAtNs: string;
  files: Record<string, Seen>;
}

/**
 * How close to the recording a file's modification time may come before its stats stop vouching for it. A file
 * system that keeps times in whole seconds (FAT keeps two) shows one time for two versions written within it, so
 * such a file is read again (git calls it "racily clean") until the stats were taken well after its last change.
 */
const RACY_NS = 2_000_000_000n;

export interface InputDigest {
  /** SHA-256 of the file's bytes, hex. */
  hash: string;
  /** The bytes, when they had to be read to hash them; null when the stats vouched for the remembered hash. */
  bytes: Uint8Array | null;
}

/**
 * The SHA-256 of each input file, remembered between runs (in the cache folder) by its size, modification and
 * change times and inode, so that a re-run over 10,000 policies reads only the files that changed. A missing or
 * damaged index is ignored: every file is then read and hashed, as on a first run.
 */
export class InputDigests {
  private readonly next = new Map<string, Seen>();
  /** Taken before any file is looked at, so it is never later than the stats it vouches for. */
  private readonly startedNs = BigInt(Date.now()) * 1_000_000n;

  private constructor(
    private readonly path: string | null,
    private readonly previous: Map<string, Seen>,
    private readonly previousTakenNs: bigint,
  ) {}

  /** The index at `path` (null: remember nothing, for a run without a cache). */
  static async open(path: string | null): Promise<InputDigests> {
    if (path === null) return new InputDigests(null, new Map(), 0n);
    try {
      const parsed = JSON.parse(await readFile(path, 'utf8')) as IndexFile;
      if (parsed.version !== 1 || typeof parsed.files !== 'object' || parsed.files === null) throw new Error('not an index');
      return new InputDigests(path, new Map(Object.entries(parsed.files)), BigInt(parsed.takenAtNs));
    } catch {
      return new InputDigests(path, new Map(), 0n);
    }
  }

  /** The hash of the file at `file` (an absolute path), reading it only when its stats changed. */
  async digest(file: string): Promise<InputDigest> {
    const s = await stat(file, { bigint: true });
    const known = this.previous.get(file);
    if (known && sameStats(known, s) && s.mtimeNs < this.previousTakenNs - RACY_NS) {
      this.next.set(file, known);
      return { hash: known.hash, bytes: null };
    }
    const { hash, bytes } = await readAndHash(file);
    // Stats taken before the read: a write during it moves them, so the next run reads the file again.
    this.next.set(file, { ...statsOf(s), hash });
    return { hash, bytes };
  }

  /**
   * The file's bytes and their hash, read now: for a file whose stats vouched for a hash that has no cache entry
   * (a cache cleared by hand). A file that changed since its stats were taken is forgotten, so the next run reads it.
   */
  async read(file: string): Promise<{ hash: string; bytes: Uint8Array }> {
    const fresh = await readAndHash(file);
    if (this.next.get(file)?.hash !== fresh.hash) this.next.delete(file);
    return fresh;
  }

  /**
   * Writes the index of the files seen this run (a file no longer in the input is dropped), whole or not at all. A
   * failure is ignored: the index only saves time.
   */
  async save(): Promise<void> {
    if (this.path === null) return;
    const files = Object.fromEntries([...this.next].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    const text = JSON.stringify({ version: 1, takenAtNs: String(this.startedNs), files } satisfies IndexFile);
    const tmp = `${this.path}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
    try {
      await writeFile(tmp, text);
      await rename(tmp, this.path);
    } catch {
      await rm(tmp, { force: true }).catch(() => undefined);
    }
  }
}

async function readAndHash(file: string): Promise<{ hash: string; bytes: Uint8Array }> {
  const bytes = new Uint8Array(await readFile(file));
  return { hash: createHash('sha256').update(bytes).digest('hex'), bytes };
}

function statsOf(s: BigIntStats): Omit<Seen, 'hash'> {
  return { size: String(s.size), mtimeNs: String(s.mtimeNs), ctimeNs: String(s.ctimeNs), ino: String(s.ino) };
}

function sameStats(known: Seen, s: BigIntStats): boolean {
  const now = statsOf(s);
  return known.size === now.size && known.mtimeNs === now.mtimeNs && known.ctimeNs === now.ctimeNs && known.ino === now.ino;
}
