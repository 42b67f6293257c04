import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DocumentOutcome } from '../../src/pipeline/run/corpus.ts';
import type { PolicyContext } from '../../src/pipeline/run/policy.ts';

/**
 * Per-document results kept between runs, keyed by the document's bytes, its context (ids, school, as-of date,
 * its reviewer decisions) and the analysis fingerprint. Changing one policy in a large corpus re-analyses only
 * that policy. A damaged cache entry is ignored, never trusted.
 */
export class OutcomeCache {
  constructor(
    private readonly dir: string,
    private readonly fingerprint: string,
  ) {}

  key(bytes: Uint8Array, context: PolicyContext, decisions: unknown): string {
    return createHash('sha256')
      .update(this.fingerprint)
      .update(JSON.stringify(context))
      .update(JSON.stringify(decisions))
      .update(bytes)
      .digest('hex');
  }

  async get(key: string): Promise<DocumentOutcome | null> {
    try {
      return JSON.parse(await readFile(this.path(key), 'utf8')) as DocumentOutcome;
    } catch {
      return null;
    }
  }

  async set(key: string, outcome: DocumentOutcome): Promise<void> {
    const path = this.path(key);
    await mkdir(join(this.dir, key.slice(0, 2)), { recursive: true });
    const tmp = `${path}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
    await writeFile(tmp, JSON.stringify(outcome));
    await rename(tmp, path);
  }

  private path(key: string): string {
    return join(this.dir, key.slice(0, 2), `${key}.json`);
  }
}
