import { createHash } from 'node:crypto';
import { open, readFile, stat, type FileHandle } from 'node:fs/promises';
import type { CorpusJson } from '../../src/pipeline/run/record-files.ts';
import type { OutputWriter } from './write.ts';

/** Beside the manifest in the output folder: each record's fingerprint and where its rows sit in each streamed CSV. */
export const RECORDS_INDEX = '.policy-atlas-records.json';

interface RecordsIndex {
  version: 1;
  /** Each streamed CSV's length when the index was written: a CSV of another length is not the one described. */
  csv: Record<string, number>;
  records: Record<string, { fingerprint: string; blocks: Record<string, [offset: number, length: number]> }>;
}

/**
 * What decides a record's output: its store key (the document's bytes, context, decisions, the analysis code and
 * content, the record options) and its corpus part as JSON (record-files.ts `recordOutput`).
 */
export function recordFingerprint(key: string, json: CorpusJson): string {
  const hash = createHash('sha256').update('records-v1\u0000').update(key);
  for (const text of Object.values(json)) hash.update('\u0000').update(text);
  return hash.digest('hex');
}

/**
 * Last run's records, for a re-run after a few files changed: a record whose fingerprint is as last time has last
 * time's files (hard-linked, not rebuilt) and last time's rows in each streamed CSV (copied as bytes from the old
 * CSV), so its document part, the largest thing in the store, is never read. An index that is missing, damaged or
 * out of step with the CSVs beside it is ignored, and every record is built as on a first run.
 */
export class LastRun {
  private constructor(
    private readonly out: OutputWriter,
    private readonly index: RecordsIndex | null,
    private readonly handles: Map<string, FileHandle>,
  ) {}

  static async open(out: OutputWriter, csvFiles: readonly string[]): Promise<LastRun> {
    const handles = new Map<string, FileHandle>();
    const index = await readIndex(out, csvFiles, handles).catch(() => null);
    if (!index) await closeAll(handles);
    return new LastRun(out, index, handles);
  }

  /**
   * Carries record `id` over when its fingerprint is as last run's: links its files into the new output and gives
   * back its rows of each streamed CSV. Null when it must be built.
   */
  async carryOver(id: string, fingerprint: string, files: readonly string[]): Promise<Map<string, Uint8Array> | null> {
    const last = this.index?.records[id];
    if (!last || last.fingerprint !== fingerprint) return null;
    const rows = new Map<string, Uint8Array>();
    for (const [file, handle] of this.handles) {
      const block = last.blocks[file];
      if (!block) return null;
      const [offset, length] = block;
      const bytes = Buffer.allocUnsafe(length);
      const { bytesRead } = await handle.read(bytes, 0, length, offset);
      if (bytesRead !== length) return null;
      rows.set(file, bytes);
    }
    return (await this.out.reuse(files)) ? rows : null;
  }

  async close(): Promise<void> {
    await closeAll(this.handles);
  }
}

/** The index this run writes, record by record, in input order. */
export class RecordsIndexBuilder {
  private readonly records: RecordsIndex['records'] = {};

  add(id: string, fingerprint: string, blocks: RecordsIndex['records'][string]['blocks']): void {
    this.records[id] = { fingerprint, blocks };
  }

  /** The index, given each streamed CSV's final length. */
  text(csv: Record<string, number>): string {
    return `${JSON.stringify({ version: 1, csv, records: this.records } satisfies RecordsIndex)}\n`;
  }
}

/** Last run's index with its CSVs opened into `handles`, or null when it is missing or out of step with them. */
async function readIndex(out: OutputWriter, csvFiles: readonly string[], handles: Map<string, FileHandle>): Promise<RecordsIndex | null> {
  if (!out.hadFile(RECORDS_INDEX)) return null;
  const index = JSON.parse(await readFile(out.previousPath(RECORDS_INDEX), 'utf8')) as RecordsIndex;
  if (index.version !== 1) return null;
  for (const file of csvFiles) {
    const path = out.previousPath(file);
    if (!out.hadFile(file) || (await stat(path)).size !== index.csv[file]) return null;
    handles.set(file, await open(path, 'r'));
  }
  return index;
}

async function closeAll(handles: Map<string, FileHandle>): Promise<void> {
  for (const h of handles.values()) await h.close().catch(() => undefined);
  handles.clear();
}
