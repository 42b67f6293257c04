import { Worker } from 'node:worker_threads';
import type { PolicyContext } from '../../src/pipeline/run/policy.ts';
import type { StoredOutcome } from './cache.ts';

export interface WorkerSetup {
  contentDir: string;
  schoolsFile: string | null;
  /** Where each worker puts full analyses (the cache, or a temporary folder for this run). */
  storeDir: string;
  fingerprint: string;
}

export interface WorkerTask {
  id: number;
  /** The file's bytes, already read by the main thread (moved, not copied). */
  bytes: Uint8Array;
  sourceFile: string;
  context: PolicyContext;
  key: string;
}

type Reply = { id: number; outcome: StoredOutcome } | { id: number; crash: string };

/**
 * A fixed set of worker threads, each analysing one file at a time. Tasks go to whichever worker is free; the
 * caller gets each file's outcome back as a promise, so order and determinism are the caller's (corpus.ts sorts
 * nothing by completion time).
 */
export function createPool(size: number, setup: WorkerSetup) {
  const pending = new Map<number, { resolve: (o: StoredOutcome) => void; reject: (e: Error) => void }>();
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
    const worker = new Worker(new URL('./worker.ts', import.meta.url), { workerData: setup });
    worker.on('message', (reply: Reply) => {
      const task = pending.get(reply.id);
      pending.delete(reply.id);
      idle.push(worker);
      dispatch();
      if (!task) return;
      if ('crash' in reply) task.reject(new Error(`analysis crashed in a worker thread:\n${reply.crash}`));
      else task.resolve(reply.outcome);
    });
    worker.on('error', (e) => {
      for (const t of pending.values()) t.reject(e);
      pending.clear();
    });
    idle.push(worker);
    return worker;
  });

  return {
    run(bytes: Uint8Array, sourceFile: string, context: PolicyContext, key: string): Promise<StoredOutcome> {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        queue.push({ id, bytes, sourceFile, context, key });
        dispatch();
      });
    },
    async close(): Promise<void> {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
