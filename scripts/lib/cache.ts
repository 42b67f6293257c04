import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describeWriteError } from './output-error.ts';
import { pidExists } from './process-alive.ts';
import type { DocumentOutcome } from '../../src/pipeline/run/source.ts';
import type { PolicyContext } from '../../src/pipeline/run/policy.ts';
import type { RecordInputs, VersionSide } from '../../src/pipeline/run/document-record.ts';
import { decodeDocumentPart, type DocumentPart } from '../../src/pipeline/run/record-files.ts';
import type { PolicyDetail } from '../../src/pipeline/dataset.ts';

/** An outcome as it travels between threads and runs: the compact facts, without the full analysis. */
export type StoredOutcome = Exclude<DocumentOutcome, { ok: true }> | Omit<Extract<DocumentOutcome, { ok: true }>, 'analysis'>;

/** What is stored beside an analysed document's facts: its record's document part, and its side of version comparisons. */
export interface StoredParts {
  /** The document part as `encodeDocumentPart` gives it. */
  part: string;
  /** Its inputs alone, as JSON: all a record needs when its files can be carried over from the last run. */
  inputs: string;
  versions: VersionSide;
}

/**
 * Per-document results kept on disk, keyed by the document's bytes, its context (ids, school, as-of date, its
 * reviewer decisions), the analysis fingerprint and the record options (masking, text). Each entry is four files:
 * the small facts the corpus comparisons need, the record's document part (serialised once, read back when the
 * record is written), that part's inputs alone (read when last run's files can be carried over) and what a
 * version comparison needs (read only when a version pair is new); comparisons of
 * version pairs are kept too. Used as the cache between runs (changing one policy in a large corpus re-analyses
 * only that policy) and, with `--no-cache`, as a temporary store for one run. A damaged entry is ignored, never
 * trusted.
 */
export class OutcomeCache {
  constructor(
    private readonly dir: string,
    private readonly fingerprint: string,
    /** How messages name the folder ("the cache folder .cache/analyse"). */
    private readonly label = `the cache folder ${dir}`,
    /** Anything else the stored parts depend on (the record options), as text. */
    private readonly variant = '',
  ) {}

  /** The entry of a file whose bytes hash to `bytesHash` (input-digests.ts), in `context`, with these decisions. */
  key(bytesHash: string, context: PolicyContext, decisions: unknown): string {
    return createHash('sha256')
      .update(this.fingerprint)
      .update(this.variant)
      .update(JSON.stringify(context))
      .update(JSON.stringify(decisions))
      .update(bytesHash)
      .digest('hex');
  }

  /** Where the input index lives (beside the entries), or null for a one-run store. */
  inputIndexPath(persistent: boolean): string | null {
    return persistent ? join(this.dir, 'inputs.json') : null;
  }

  async getFacts(key: string): Promise<StoredOutcome | null> {
    try {
      return decodeOutcome(await readFile(this.path(key, 'facts'), 'utf8'));
    } catch {
      return null;
    }
  }

  /** The record's document part; a missing or damaged entry here is a bug or a tampered cache, so it throws. */
  async getPart(key: string): Promise<DocumentPart> {
    return decodeDocumentPart(await readFile(this.path(key, 'part'), 'utf8'));
  }

  /** The record inputs of the document part (a missing or damaged entry throws, as for the part). */
  async getInputs(key: string): Promise<RecordInputs> {
    return JSON.parse(await readFile(this.path(key, 'inputs'), 'utf8')) as RecordInputs;
  }

  /**
   * The change from the older version to the newer, compared once per pair of stored documents and kept: a
   * re-run compares only the pairs that changed.
   */
  async versionChange(
    olderKey: string,
    newerKey: string,
    compare: (older: VersionSide, newer: VersionSide) => NonNullable<PolicyDetail['version']>,
  ): Promise<NonNullable<PolicyDetail['version']>> {
    const pair = createHash('sha256').update(olderKey).update(newerKey).digest('hex');
    const path = this.path(pair, 'version');
    try {
      return JSON.parse(await readFile(path, 'utf8')) as NonNullable<PolicyDetail['version']>;
    } catch {
      // Not compared yet (or a damaged entry): compare now.
    }
    const side = async (key: string) => JSON.parse(await readFile(this.path(key, 'versions'), 'utf8')) as VersionSide;
    const change = compare(await side(olderKey), await side(newerKey));
    try {
      await mkdir(join(this.dir, pair.slice(0, 2)), { recursive: true });
      await this.atomicWrite(path, JSON.stringify(change));
    } catch (e) {
      throw describeWriteError(e, this.label);
    }
    return change;
  }

  /**
   * Stores an outcome; the facts file is written last, so its presence means the entry is complete. A full disk or
   * an unwritable folder is an OutputError (a plain message), since the run cannot go on without its store.
   */
  async set(key: string, outcome: DocumentOutcome, parts: StoredParts | null): Promise<StoredOutcome> {
    try {
      return await this.store(key, outcome, parts);
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
    for (const name of shards) {
      // The input index (input-digests.ts) is written beside the shards.
      const m = TEMP.exec(name);
      if (!m || pidExists(Number(m[1]))) continue;
      await rm(join(this.dir, name), { force: true });
      removed++;
    }
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

  private async store(key: string, outcome: DocumentOutcome, parts: StoredParts | null): Promise<StoredOutcome> {
    await mkdir(join(this.dir, key.slice(0, 2)), { recursive: true });
    let stored: StoredOutcome = outcome;
    if (outcome.ok) {
      if (!parts) throw new Error(`no record parts to store for ${outcome.facts.context.sourceFile}`);
      await this.atomicWrite(this.path(key, 'part'), parts.part);
      await this.atomicWrite(this.path(key, 'inputs'), parts.inputs);
      await this.atomicWrite(this.path(key, 'versions'), JSON.stringify(parts.versions));
      stored = { ok: true, facts: outcome.facts, hash: outcome.hash, warnings: outcome.warnings };
    }
    await this.atomicWrite(this.path(key, 'facts'), encodeOutcome(stored));
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

  private path(key: string, kind: 'facts' | 'part' | 'inputs' | 'versions' | 'version'): string {
    const suffix = { facts: '.facts.json', part: '.part', inputs: '.inputs.json', versions: '.versions.json', version: '.version.json' }[kind];
    return join(this.dir, key.slice(0, 2), `${key}${suffix}`);
  }
}

const TEMP = /\.tmp-(\d+)-[0-9a-z]*$/;

/**
 * Lineage fingerprints are Uint32Arrays: stored as base64 rather than as JSON arrays of numbers (a third the size),
 * converted by name rather than by a reviver, which JSON.parse would call for every value of every facts file.
 */
function encodeOutcome(outcome: StoredOutcome): string {
  if (!outcome.ok) return JSON.stringify(outcome);
  const { shingles, signature } = outcome.facts.lineage;
  return JSON.stringify({ ...outcome, facts: { ...outcome.facts, lineage: { shingles: base64(shingles), signature: base64(signature) } } });
}

/** The stored outcome, or a throw when it is damaged (the caller then analyses the file again). */
function decodeOutcome(text: string): StoredOutcome {
  const outcome = JSON.parse(text) as StoredOutcome;
  if (outcome.ok) {
    const lineage = outcome.facts.lineage as unknown as { shingles: unknown; signature: unknown };
    if (typeof lineage.shingles !== 'string' || typeof lineage.signature !== 'string') throw new Error('damaged facts');
    outcome.facts.lineage = { shingles: uint32s(lineage.shingles), signature: uint32s(lineage.signature) };
  }
  return outcome;
}

const base64 = (values: Uint32Array): string => Buffer.from(values.buffer, values.byteOffset, values.byteLength).toString('base64');

function uint32s(text: string): Uint32Array {
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length % 4 !== 0) throw new Error('damaged facts');
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  return new Uint32Array(copy.buffer);
}
