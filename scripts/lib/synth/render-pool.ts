/**
 * A small pool of worker threads for the Word and PDF writers (about 12 ms and 20 ms a file, all CPU). With no
 * workers it renders in this thread, one file at a time. Results do not depend on which worker ran a job.
 */
import { Worker } from 'node:worker_threads';
import type { SynthPolicy } from './compose.ts';
import { renderDocx, renderPdf } from './render-binary.ts';

type Pending = { resolve: (data: Uint8Array) => void; reject: (e: Error) => void };

export class RenderPool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly queue: Array<{ id: number; policy: SynthPolicy; format: 'docx' | 'pdf' }> = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;

  constructor(size: number) {
    // Under tsx the workers inherit its loader; elsewhere (vitest) they need it to read TypeScript.
    const execArgv = process.execArgv.some((a) => a.includes('tsx')) ? process.execArgv : ['--import', 'tsx'];
    for (let i = 0; i < size; i++) {
      const worker = new Worker(new URL('./render-worker.ts', import.meta.url), { execArgv });
      worker.on('message', (msg: { id: number; data?: Uint8Array; error?: string }) => {
        const p = this.pending.get(msg.id);
        this.pending.delete(msg.id);
        if (msg.error !== undefined || !msg.data) p?.reject(new Error(msg.error ?? 'worker returned nothing'));
        else p?.resolve(msg.data);
        this.idle.push(worker);
        this.pump();
      });
      worker.on('error', (e) => {
        for (const p of this.pending.values()) p.reject(e);
        this.pending.clear();
      });
      this.workers.push(worker);
      this.idle.push(worker);
    }
  }

  render(policy: SynthPolicy, format: 'docx' | 'pdf'): Promise<Uint8Array> {
    if (this.workers.length === 0) return format === 'docx' ? renderDocx(policy) : renderPdf(policy);
    const id = this.nextId++;
    const done = new Promise<Uint8Array>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    this.queue.push({ id, policy, format });
    this.pump();
    return done;
  }

  private pump(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop() as Worker;
      worker.postMessage(this.queue.shift());
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
