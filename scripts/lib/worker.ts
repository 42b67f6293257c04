/** A worker thread of `npm run analyse`: loads content once, then analyses files and assembles records it is sent. */
import { parentPort, workerData } from 'node:worker_threads';
import { deserialize } from 'node:v8';
import { loadContent } from './content.ts';
import { OutcomeCache } from './cache.ts';
import { fileAnalyser } from './analyse-file.ts';
import { assembleFromStore } from './assemble-record.ts';
import { OutputError } from './output-error.ts';
import type { WorkerPlan, WorkerSetup, WorkerTask } from './pool.ts';

const setup = workerData as WorkerSetup;
const { bundle } = await loadContent(setup.contentDir, setup.schoolsFile);
const store = new OutcomeCache(setup.storeDir, setup.fingerprint, setup.storeLabel);
const analyse = fileAnalyser(bundle, store);
let plan: WorkerPlan | null = null;

parentPort?.on('message', (message: WorkerTask | { kind: 'plan-bytes'; bytes: Uint8Array }) => {
  if (message.kind === 'plan-bytes') {
    plan = deserialize(message.bytes) as WorkerPlan;
    return;
  }
  const work =
    message.kind === 'analyse'
      ? analyse(message.bytes, message.sourceFile, message.context, message.key)
      : plan
        ? assembleFromStore(message.job, store, plan.comparisons, bundle, plan.options)
        : Promise.reject(new Error('a record was sent before the plan'));
  work.then(
    (result) => parentPort?.postMessage({ id: message.id, result }),
    // A full disk under the store is the user's to fix: its sentence goes back as it is. Anything else is a bug in
    // the pipeline: hand the stack to the main thread, which stops the run.
    (e: unknown) =>
      parentPort?.postMessage(
        e instanceof OutputError ? { id: message.id, operational: e.message } : { id: message.id, crash: e instanceof Error ? (e.stack ?? e.message) : String(e) },
      ),
  );
});
