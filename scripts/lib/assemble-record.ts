import type { CorpusComparisons } from '../../src/pipeline/run/compare.ts';
import type { ContentBundle } from '../../src/pipeline/run/content.ts';
import { corpusRecord, resolvedInputs } from '../../src/pipeline/run/assemble.ts';
import { recordOutput, type RecordOutput } from '../../src/pipeline/run/record-files.ts';
import { versionChange } from '../../src/pipeline/run/views.ts';
import type { OutcomeCache } from './cache.ts';

export type AssembledRecord = RecordOutput;

export interface RecordJob {
  key: string;
  /** Store key of the school's previous version of this document. */
  olderKey: string | null;
}

/**
 * One policy's outputs: its cached document part joined to the corpus part built now. The same code runs on the
 * main thread and in the workers, which share the records of a large corpus.
 */
export async function assembleFromStore(
  job: RecordJob,
  store: OutcomeCache,
  comparisons: CorpusComparisons,
  bundle: ContentBundle,
): Promise<AssembledRecord> {
  const part = await store.getPart(job.key);
  const version = job.olderKey === null ? null : await store.versionChange(job.olderKey, job.key, versionChange);
  const corpus = corpusRecord(resolvedInputs(part.inputs, comparisons, bundle), comparisons, bundle, version);
  return recordOutput(part, corpus, bundle.taxonomy.types);
}
