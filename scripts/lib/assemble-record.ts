import { assembleRecord, type CorpusOptions } from '../../src/pipeline/run/corpus.ts';
import type { CorpusComparisons } from '../../src/pipeline/run/compare.ts';
import type { ContentBundle } from '../../src/pipeline/run/content.ts';
import { digestOf, type DetailDigest } from '../../src/pipeline/run/views.ts';
import { policyCsvRows, policyFiles } from '../../src/pipeline/output/exports.ts';
import type { OutcomeCache } from './cache.ts';

/** One policy's finished outputs: its own files, its rows for the streamed CSVs, and the digest the views need. */
export interface AssembledRecord {
  files: [string, string][];
  rows: [string, string][];
  digest: DetailDigest;
}

export interface RecordJob {
  key: string;
  /** Store key of the school's previous version of this document. */
  olderKey: string | null;
}

export type RecordOptions = Pick<CorpusOptions, 'maskPersonalData' | 'includeText'>;

/**
 * Builds one policy's record from the stored analyses and turns it into output text. The same code runs on the
 * main thread and in the workers, which share the assembly of a large corpus.
 */
export async function assembleFromStore(
  job: RecordJob,
  store: OutcomeCache,
  comparisons: CorpusComparisons,
  bundle: ContentBundle,
  options: RecordOptions,
): Promise<AssembledRecord> {
  const analysis = await store.getAnalysis(job.key);
  const older = job.olderKey === null ? null : await store.getAnalysis(job.olderKey);
  const detail = assembleRecord(analysis, older, comparisons, bundle, options);
  return { files: [...policyFiles(detail, bundle.taxonomy.types)], rows: [...policyCsvRows(detail)], digest: digestOf(detail) };
}
