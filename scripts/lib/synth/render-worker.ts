/** Worker thread that renders Word and PDF files, so the two CPU-bound writers run beside the text generator. */
import { parentPort } from 'node:worker_threads';
import type { SynthPolicy } from './compose.ts';
import { renderDocx, renderPdf } from './render-binary.ts';

interface Job {
  id: number;
  policy: SynthPolicy;
  format: 'docx' | 'pdf';
}

parentPort?.on('message', (job: Job) => {
  const render = job.format === 'docx' ? renderDocx(job.policy) : renderPdf(job.policy);
  render.then(
    (data) => parentPort?.postMessage({ id: job.id, data }),
    (e: unknown) => parentPort?.postMessage({ id: job.id, error: e instanceof Error ? e.stack ?? e.message : String(e) }),
  );
});
