import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { createHash } from 'node:crypto';
import { once } from 'node:events';

const MANIFEST = '.policy-atlas-files.json';

/** A file written bit by bit (a CSV with a block of rows per policy), renamed into place when closed. */
export interface StreamedFile {
  write(chunk: string): Promise<void>;
}

/**
 * Writes the dataset into `outDir` as it is produced, so that a 10,000-policy run never holds every file in memory.
 * An interrupted run never leaves a half-written file: each file is written to a temporary name beside it and renamed
 * into place. A file whose content is the same as last time is left untouched (the manifest keeps each file's
 * hash), so re-running after one policy changed rewrites only what changed. `finish` deletes the files this program
 * wrote last time and did not write this time (a policy that was removed); anything else in the folder is left alone.
 */
export class OutputWriter {
  private readonly tmpSuffix = `.tmp-${process.pid}`;
  private readonly written = new Map<string, string>();
  private readonly streams = new Map<string, WriteStream>();
  private readonly dirs = new Set<string>();
  /** Names already in each folder, listed once, so that skipping an unchanged file costs no system call. */
  private readonly listed = new Map<string, Set<string>>();

  private constructor(
    readonly root: string,
    private readonly previous: Map<string, string>,
  ) {}

  static async open(outDir: string): Promise<OutputWriter> {
    const root = resolve(outDir);
    await mkdir(root, { recursive: true });
    return new OutputWriter(root, await readManifest(root));
  }

  async file(rel: string, content: string | Uint8Array): Promise<void> {
    const target = insideOrThrow(this.root, rel);
    const hash = createHash('sha1').update(content).digest('hex');
    this.written.set(rel, hash);
    if (this.previous.get(rel) === hash && (await this.exists(target))) return;
    await this.ensureDir(dirname(target));
    await writeFile(target + this.tmpSuffix, content);
    await rename(target + this.tmpSuffix, target);
  }

  /** A streamed file is always rewritten (its manifest entry has no hash): hashing it would cost as much. */
  async stream(rel: string): Promise<StreamedFile> {
    const target = insideOrThrow(this.root, rel);
    await this.ensureDir(dirname(target));
    const stream = createWriteStream(target + this.tmpSuffix);
    this.streams.set(rel, stream);
    return {
      write: async (chunk: string) => {
        // Back-pressure: wait for the disk when the stream's buffer is full, so memory stays flat.
        if (!stream.write(chunk)) await once(stream, 'drain');
      },
    };
  }

  async finish(): Promise<void> {
    for (const [rel, stream] of this.streams) {
      stream.end();
      await once(stream, 'finish');
      const target = insideOrThrow(this.root, rel);
      this.written.set(rel, '');
      await rename(target + this.tmpSuffix, target);
    }
    this.streams.clear();
    for (const rel of this.previous.keys()) {
      if (!this.written.has(rel)) await rm(insideOrThrow(this.root, rel), { force: true });
    }
    const entries = [...this.written.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const manifestPath = join(this.root, MANIFEST);
    await writeFile(manifestPath + this.tmpSuffix, `${JSON.stringify(Object.fromEntries(entries), null, 1)}\n`);
    await rename(manifestPath + this.tmpSuffix, manifestPath);
  }

  /** After a crash: closes the streamed files and removes their temporary copies; finished files stay as they are. */
  async abort(): Promise<void> {
    for (const [rel, stream] of this.streams) {
      stream.destroy();
      await rm(insideOrThrow(this.root, rel) + this.tmpSuffix, { force: true });
    }
    this.streams.clear();
  }

  private async exists(path: string): Promise<boolean> {
    const dir = dirname(path);
    let names = this.listed.get(dir);
    if (!names) {
      names = new Set(await readdir(dir).catch(() => []));
      this.listed.set(dir, names);
    }
    return names.has(basename(path));
  }

  private async ensureDir(dir: string): Promise<void> {
    if (this.dirs.has(dir)) return;
    await mkdir(dir, { recursive: true });
    this.dirs.add(dir);
  }
}

/** Writes a whole set of files at once (small outputs and tests). */
export async function writeOutputs(outDir: string, files: ReadonlyMap<string, string | Uint8Array>): Promise<void> {
  const out = await OutputWriter.open(outDir);
  for (const [rel, content] of [...files.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) await out.file(rel, content);
  await out.finish();
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
