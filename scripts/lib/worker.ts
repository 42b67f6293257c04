/** A worker thread of `npm run analyse`: loads content once, then analyses the files it is sent and stores their parts. */
import { parentPort, workerData } from 'node:worker_threads';
import { loadContent } from './content.ts';
import { OutcomeCache } from './cache.ts';
import { fileAnalyser } from './analyse-file.ts';
import { OutputError } from './output-error.ts';
import type { WorkerSetup, WorkerTask } from './pool.ts';

const setup = workerData as WorkerSetup;
const { bundle } = await loadContent(setup.contentDir, setup.schoolsFile);
const store = new OutcomeCache(setup.storeDir, setup.fingerprint, setup.storeLabel, JSON.stringify(setup.recordOptions));
const analyse = fileAnalyser(bundle, store, setup.recordOptions);

parentPort?.on('message', (message: WorkerTask) => {
  analyse(message.bytes, message.sourceFile, message.context, message.key).then(
    (result) => parentPort?.postMessage({ id: message.id, result }),
    // A full disk under the store is the user's to fix: its sentence goes back as it is. Anything else is a bug in
    // the pipeline: hand the stack to the main thread, which stops the run.
    (e: unknown) =>
      parentPort?.postMessage(
        e instanceof OutputError ? { id: message.id, operational: e.message } : { id: message.id, crash: e instanceof Error ? (e.stack ?? e.message) : String(e) },
      ),
  );
});
