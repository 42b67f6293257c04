/**
 * The Web Worker entry of "Check my policy": wires the checker (checker.ts) to the worker's messages. Reading and
 * analysis happen here, off the page's thread, so the page stays responsive while a long PDF is read.
 */
import { createChecker } from './checker.ts';
import type { FromWorker, ToWorker } from './protocol.ts';

interface WorkerScope {
  postMessage(message: FromWorker): void;
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
}
const scope = self as unknown as WorkerScope;
const receive = createChecker((message) => scope.postMessage(message));
scope.onmessage = (event) => receive(event.data);
