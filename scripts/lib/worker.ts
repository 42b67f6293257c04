/** A worker thread of `npm run analyse`: loads content once, then analyses the files it is sent. */
import { parentPort, workerData } from 'node:worker_threads';
import { loadContent } from './content.ts';
import { OutcomeCache } from './cache.ts';
import { fileAnalyser } from './analyse-file.ts';
import type { WorkerSetup, WorkerTask } from './pool.ts';

const setup = workerData as WorkerSetup;
const { bundle } = await loadContent(setup.contentDir, setup.schoolsFile);
const analyse = fileAnalyser(bundle, new OutcomeCache(setup.storeDir, setup.fingerprint));

parentPort?.on('message', (task: WorkerTask) => {
  analyse(task.bytes, task.sourceFile, task.context, task.key).then(
    (outcome) => parentPort?.postMessage({ id: task.id, outcome }),
    // A bug in the pipeline: hand the stack to the main thread, which stops the run.
    (e: unknown) => parentPort?.postMessage({ id: task.id, crash: e instanceof Error ? (e.stack ?? e.message) : String(e) }),
  );
});
