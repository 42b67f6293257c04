import { Worker } from 'node:worker_threads';
import { serialize } from 'node:v8';
import type { PolicyContext } from '../../src/pipeline/run/policy.ts';
import type { CorpusComparisons } from '../../src/pipeline/run/compare.ts';
import type { StoredOutcome } from './cache.ts';
import type { AssembledRecord, RecordJob, RecordOptions } from './assemble-record.ts';
import { OutputError } from './output-error.ts';

export interface WorkerSetup {
  contentDir: string;
  schoolsFile: string | null;
  /** Where each worker puts full analyses (the cache, or a temporary folder for this run). */
  storeDir: string;
  /** How messages name the store folder. */
  storeLabel: string;
  fingerprint: string;
}

/** Work for a worker: analyse one file, or assemble one policy's record once the corpus is compared. */
export type WorkerTask =
  | {
      kind: 'analyse';
      id: number;
      /** The file's bytes, already read by the main thread (moved, not copied). */
      bytes: Uint8Array;
      sourceFile: string;
      context: PolicyContext;
      key: string;
    }
  | { kind: 'assemble'; id: number; job: RecordJob };

/** Sent to every worker before any record is assembled: what the records are built against. */
export interface WorkerPlan {
  kind: 'plan';
  comparisons: CorpusComparisons;
  options: RecordOptions;
}

/** `crash` is a bug (its stack); `operational` is an OutputError's plain sentence (a full disk under the store). */
type Reply = { id: number; result: unknown } | { id: number; crash: string } | { id: number; operational: string };

type Pending = { resolve: (o: unknown) => void; reject: (e: Error) => void };

/**
 * A fixed set of worker threads, each doing one task at a time. Tasks go to whichever worker is free; the caller
 * gets each result back as a promise, so order and determinism are the caller's (nothing is sorted by completion
 * time).
 */
export function createPool(size: number, setup: WorkerSetup) {
  const pending = new Map<number, Pending>();
  const idle: Worker[] = [];
  const queue: WorkerTask[] = [];
  let nextId = 0;

  const dispatch = () => {
    while (idle.length > 0 && queue.length > 0) {
      const worker = idle.pop() as Worker;
      const task = queue.shift() as WorkerTask;
      worker.postMessage(task, task.kind === 'analyse' ? [task.bytes.buffer as ArrayBuffer] : []);
    }
  };

  const workers = Array.from({ length: size }, () => {
    const worker = new Worker(new URL('./worker.ts', import.meta.url), { workerData: setup });
    worker.on('message', (reply: Reply) => {
      const task = pending.get(reply.id);
      pending.delete(reply.id);
      idle.push(worker);
      dispatch();
      if (!task) return;
      if ('operational' in reply) task.reject(new OutputError(reply.operational));
      else if ('crash' in reply) task.reject(new Error(`analysis crashed in a worker thread:\n${reply.crash}`));
      else task.resolve(reply.result);
    });
    worker.on('error', (e) => {
      for (const t of pending.values()) t.reject(e);
      pending.clear();
    });
    idle.push(worker);
    return worker;
  });

  const submit = <T>(task: WorkerTask): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      pending.set(task.id, { resolve: resolve as (o: unknown) => void, reject });
      queue.push(task);
      dispatch();
    });

  return {
    analyse(bytes: Uint8Array, sourceFile: string, context: PolicyContext, key: string): Promise<StoredOutcome> {
      return submit<StoredOutcome>({ kind: 'analyse', id: nextId++, bytes, sourceFile, context, key });
    },
    /**
     * Every worker gets the plan before any task sent after this call (a port delivers messages in order). It is
     * serialised once and the bytes sent to each worker, rather than cloned once per worker on this thread.
     */
    plan(plan: WorkerPlan): void {
      const bytes = serialize(plan);
      for (const w of workers) w.postMessage({ kind: 'plan-bytes', bytes });
    },
    assemble(job: RecordJob): Promise<AssembledRecord> {
      return submit<AssembledRecord>({ kind: 'assemble', id: nextId++, job });
    },
    async close(): Promise<void> {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

export type Pool = ReturnType<typeof createPool>;
