import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describeWriteError } from './output-error.ts';
import { pidExists } from './process-alive.ts';
import type { DocumentOutcome } from '../../src/pipeline/run/corpus.ts';
import type { PolicyAnalysis, PolicyContext } from '../../src/pipeline/run/policy.ts';

/** An outcome as it travels between threads and runs: the compact facts, without the full analysis. */
export type StoredOutcome = Exclude<DocumentOutcome, { ok: true }> | Omit<Extract<DocumentOutcome, { ok: true }>, 'analysis'>;

/**
 * Per-document results kept on disk, keyed by the document's bytes, its context (ids, school, as-of date, its
 * reviewer decisions) and the analysis fingerprint. Each entry is two files: the small facts the corpus comparisons
 * need, and the full analysis, read back one policy at a time when its record is written. Used as the cache between
 * runs (changing one policy in a large corpus re-analyses only that policy) and, with `--no-cache`, as a
 * temporary store for one run. A damaged entry is ignored, never trusted.
 */
export class OutcomeCache {
  constructor(
    private readonly dir: string,
    private readonly fingerprint: string,
    /** How messages name the folder ("the cache folder .cache/analyse"). */
    private readonly label = `the cache folder ${dir}`,
  ) {}

  key(bytes: Uint8Array, context: PolicyContext, decisions: unknown): string {
    return createHash('sha256')
      .update(this.fingerprint)
      .update(JSON.stringify(context))
      .update(JSON.stringify(decisions))
      .update(bytes)
      .digest('hex');
  }

  async getFacts(key: string): Promise<StoredOutcome | null> {
    try {
      return JSON.parse(await readFile(this.path(key, 'facts'), 'utf8'), revive) as StoredOutcome;
    } catch {
      return null;
    }
  }

  /** The full analysis; a missing or damaged entry here is a bug or a tampered cache, so it throws. */
  async getAnalysis(key: string): Promise<PolicyAnalysis> {
    return JSON.parse(await readFile(this.path(key, 'analysis'), 'utf8')) as PolicyAnalysis;
  }

  /**
   * Stores an outcome; the facts file is written last, so its presence means the entry is complete. A full disk or
   * an unwritable folder is an OutputError (a plain message), since the run cannot go on without its store.
   */
  async set(key: string, outcome: DocumentOutcome): Promise<StoredOutcome> {
    try {
      return await this.store(key, outcome);
    } catch (e) {
      throw describeWriteError(e, this.label);
    }
  }

  /**
   * Removes the temporary files of writes that a killed run left half-done (named `<entry>.tmp-<pid>-<random>`,
   * for processes that are gone). Returns how many.
   */
  async cleanLeftovers(): Promise<number> {
    let removed = 0;
    const shards = await readdir(this.dir).catch(() => [] as string[]);
    for (const shard of shards) {
      if (!/^[0-9a-f]{2}$/.test(shard)) continue;
      const names = await readdir(join(this.dir, shard)).catch(() => [] as string[]);
      for (const name of names) {
        const m = TEMP.exec(name);
        if (!m || pidExists(Number(m[1]))) continue;
        await rm(join(this.dir, shard, name), { force: true });
        removed++;
      }
    }
    return removed;
  }

  private async store(key: string, outcome: DocumentOutcome): Promise<StoredOutcome> {
    await mkdir(join(this.dir, key.slice(0, 2)), { recursive: true });
    let stored: StoredOutcome = outcome;
    if (outcome.ok) {
      const { analysis, ...rest } = outcome;
      if (!analysis) throw new Error(`no analysis to store for ${outcome.facts.context.sourceFile}`);
      await this.atomicWrite(this.path(key, 'analysis'), JSON.stringify(analysis));
      stored = rest;
    }
    await this.atomicWrite(this.path(key, 'facts'), JSON.stringify(stored, replace));
    return stored;
  }

  private async atomicWrite(path: string, text: string): Promise<void> {
    const tmp = `${path}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
    try {
      await writeFile(tmp, text);
      await rename(tmp, path);
    } catch (e) {
      // A full disk leaves a partly written temporary file: nothing half-written stays behind.
      await rm(tmp, { force: true }).catch(() => undefined);
      throw e;
    }
  }

  private path(key: string, part: 'facts' | 'analysis'): string {
    return join(this.dir, key.slice(0, 2), part === 'facts' ? `${key}.facts.json` : `${key}.json`);
  }
}

const TEMP = /\.tmp-(\d+)-[0-9a-z]*$/;

// Lineage fingerprints are Uint32Arrays: stored as base64 rather than as JSON arrays of numbers (a third the size).
const U32 = '$u32';

function replace(this: unknown, _key: string, value: unknown): unknown {
  if (value instanceof Uint32Array) return { [U32]: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64') };
  return value;
}

function revive(_key: string, value: unknown): unknown {
  if (value && typeof value === 'object' && U32 in value) {
    const bytes = Buffer.from(String((value as Record<string, unknown>)[U32]), 'base64');
    const copy = new Uint8Array(bytes.length);
    copy.set(bytes);
    return new Uint32Array(copy.buffer);
  }
  return value;
}
