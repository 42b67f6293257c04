import { analyseSource } from '../../src/pipeline/run/source.ts';
import type { ContentBundle } from '../../src/pipeline/run/content.ts';
import type { PolicyContext } from '../../src/pipeline/run/policy.ts';
import type { RecordOptions } from '../../src/pipeline/run/options.ts';
import { documentRecord, versionSide } from '../../src/pipeline/run/document-record.ts';
import { encodeDocumentPart, serialiseDocumentPart } from '../../src/pipeline/run/record-files.ts';
import type { OutcomeCache, StoredOutcome } from './cache.ts';

/** The reviewer decisions about one policy: part of its cache key, since they change its analysis. */
export function decisionsFor(bundle: ContentBundle, policyId: string): unknown {
  return [bundle.overrides.metadata.filter((o) => o.policy === policyId), bundle.overrides.labels.filter((o) => o.policy === policyId)];
}

/**
 * Analyses one file's bytes, builds its record's document part (validated and serialised, once) and puts both in
 * the store under `key`; hands back only the compact facts, so that neither a worker's message nor the main thread
 * carries the whole analysis.
 */
export function fileAnalyser(bundle: ContentBundle, store: OutcomeCache, options: RecordOptions) {
  return async (bytes: Uint8Array, sourceFile: string, context: PolicyContext, key: string): Promise<StoredOutcome> => {
    const outcome = await analyseSource({ sourceFile, read: async () => bytes }, context, bundle);
    if (!outcome.ok || !outcome.analysis) return store.set(key, outcome, null);
    const part = serialiseDocumentPart(documentRecord(outcome.analysis, bundle, options), bundle.taxonomy.types);
    return store.set(key, outcome, { part: encodeDocumentPart(part), inputs: JSON.stringify(part.inputs), versions: versionSide(outcome.analysis) });
  };
}
