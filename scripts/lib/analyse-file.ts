import { readFile } from 'node:fs/promises';
import { analyseSource, type DocumentOutcome } from '../../src/pipeline/run/corpus.ts';
import type { ContentBundle } from '../../src/pipeline/run/content.ts';
import type { PolicyContext } from '../../src/pipeline/run/policy.ts';
import type { OutcomeCache } from './cache.ts';

/** Reads one file from disk and analyses it, answering from the cache when nothing it depends on changed. */
export function fileAnalyser(bundle: ContentBundle, cache: OutcomeCache | null) {
  return async (path: string, sourceFile: string, context: PolicyContext): Promise<DocumentOutcome> => {
    const bytes = new Uint8Array(await readFile(path));
    const decisions = [
      bundle.overrides.metadata.filter((o) => o.policy === context.policyId),
      bundle.overrides.labels.filter((o) => o.policy === context.policyId),
    ];
    const key = cache?.key(bytes, context, decisions) ?? null;
    const cached = key ? await cache?.get(key) : null;
    if (cached) return cached;
    const outcome = await analyseSource({ sourceFile, read: async () => bytes }, context, bundle);
    if (key) await cache?.set(key, outcome);
    return outcome;
  };
}
