import { Worker } from 'node:worker_threads';
import type { PolicyContext } from '../../src/pipeline/run/policy.ts';
import type { StoredOutcome } from './cache.ts';
import type { RecordOptions } from '../../src/pipeline/run/options.ts';
import { OutputError } from './output-error.ts';

export interface WorkerSetup {
  contentDir: string;
  schoolsFile: string | null;
  /** Where each worker puts full analyses (the cache, or a temporary folder for this run). */
  storeDir: string;
  /** How messages name the store folder. */
  storeLabel: string;
  fingerprint: string;
  /** What the records' document parts are built with (masking, text); part of every store key. */
  recordOptions: RecordOptions;
}

/**
 * Work for a worker: analyse one file, build its record's document part and store both. (Records are joined from
 * their stored parts on the main thread: a fraction of a millisecond each, not worth copying the corpus
 * comparisons into every worker.)
 */
export interface WorkerTask {
  kind: 'analyse';
  id: number;
  /** The file's bytes, already read by the main thread (moved, not copied). */
  bytes: Uint8Array;
  sourceFile: string;
  context: PolicyContext;
  key: string;
}

/** `crash` is a bug (its stack); `operational` is an OutputError's plain sentence (a full disk under the store). */
type Reply = { id: number; result: unknown } | { id: number; crash: string } | { id: number; operational: string };

type Pending = { resolve: (o: unknown) => void; reject: (e: Error) => void };

/** The worker's code: compiled beside the compiled CLI (scripts/cli.mjs), or the TypeScript under tsx. */
const WORKER = import.meta.url.endsWith('.mjs') ? new URL('./worker.mjs', import.meta.url) : new URL('./worker.ts', import.meta.url);

/** Tasks a worker holds at once (see below); the caller keeps more than this many per worker in flight. */
export const SLOTS_PER_WORKER = 2;

/**
 * A fixed set of worker threads, each holding up to two tasks at a time. Tasks go to whichever worker is free; the caller
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
      worker.postMessage(task, [task.bytes.buffer as ArrayBuffer]);
    }
  };

  const workers = Array.from({ length: size }, () => {
    const worker = new Worker(WORKER, { workerData: setup });
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
    // Two tasks at a time each: while one task's files are written to the store, the worker analyses the next.
    for (let slot = 0; slot < SLOTS_PER_WORKER; slot++) idle.push(worker);
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
    async close(): Promise<void> {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

export type Pool = ReturnType<typeof createPool>;
