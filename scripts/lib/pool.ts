import { Worker } from 'node:worker_threads';
import type { DocumentOutcome } from '../../src/pipeline/run/corpus.ts';
import type { PolicyContext } from '../../src/pipeline/run/policy.ts';

export interface WorkerSetup {
  contentDir: string;
  schoolsFile: string | null;
  cacheDir: string | null;
  fingerprint: string;
}

export interface WorkerTask {
  id: number;
  path: string;
  sourceFile: string;
  context: PolicyContext;
}

type Reply = { id: number; outcome: DocumentOutcome } | { id: number; crash: string };

/**
 * A fixed set of worker threads, each analysing one file at a time. Tasks go to whichever worker is free; the
 * caller gets each file's outcome back as a promise, so order and determinism are the caller's (corpus.ts sorts
 * nothing by completion time).
 */
export function createPool(size: number, setup: WorkerSetup) {
  const pending = new Map<number, { resolve: (o: DocumentOutcome) => void; reject: (e: Error) => void }>();
  const idle: Worker[] = [];
  const queue: WorkerTask[] = [];
  let nextId = 0;

  const dispatch = () => {
    while (idle.length > 0 && queue.length > 0) {
      const worker = idle.pop() as Worker;
      worker.postMessage(queue.shift());
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
    run(path: string, sourceFile: string, context: PolicyContext): Promise<DocumentOutcome> {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        queue.push({ id, path, sourceFile, context });
        dispatch();
      });
    },
    async close(): Promise<void> {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
