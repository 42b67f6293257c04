import type { CorpusComparisons } from '../../src/pipeline/run/compare.ts';
import type { ContentBundle } from '../../src/pipeline/run/content.ts';
import { corpusRecord, resolvedInputs, type CorpusFields } from '../../src/pipeline/run/assemble.ts';
import { corpusJson, recordDigest, recordOutput, type CorpusJson, type RecordOutput } from '../../src/pipeline/run/record-files.ts';
import type { DetailDigest } from '../../src/pipeline/run/views.ts';
import { versionChange } from '../../src/pipeline/run/views.ts';
import type { OutcomeCache } from './cache.ts';
import { recordFingerprint } from './record-reuse.ts';

export interface RecordJob {
  key: string;
  /** Store key of the school's previous version of this document. */
  olderKey: string | null;
}

/** A record's corpus part, built from its document part's inputs alone, and what decides its output. */
export interface PreparedRecord {
  job: RecordJob;
  id: string;
  corpus: CorpusFields;
  json: CorpusJson;
  fingerprint: string;
  digest: DetailDigest;
}

/** The corpus part of one policy's record (the document part is read only if the record must be built). */
export async function prepareRecord(job: RecordJob, store: OutcomeCache, comparisons: CorpusComparisons, bundle: ContentBundle): Promise<PreparedRecord> {
  const inputs = await store.getInputs(job.key);
  const version = job.olderKey === null ? null : await store.versionChange(job.olderKey, job.key, versionChange);
  const corpus = corpusRecord(resolvedInputs(inputs, comparisons, bundle), comparisons, bundle, version);
  const json = corpusJson(corpus);
  return { job, id: corpus.summary.id, corpus, json, fingerprint: recordFingerprint(job.key, json), digest: recordDigest(inputs, corpus) };
}

/** One policy's outputs: its cached document part joined to the corpus part built now. */
export async function buildRecord(prepared: PreparedRecord, store: OutcomeCache, bundle: ContentBundle): Promise<RecordOutput> {
  return recordOutput(await store.getPart(prepared.job.key), prepared.corpus, bundle.taxonomy.types, prepared.json);
}
