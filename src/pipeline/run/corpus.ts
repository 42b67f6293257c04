/**
 * The whole corpus in one call, every analysis held in memory: for tests, the browser and small corpora. The run
 * flows one way: plan (plan.ts: read, analyse, compare) → assemble (assemble.ts, each record from its document
 * part and the corpus part) → finish (finish.ts, the corpus-wide views); the CLI composes the same stages itself,
 * with the document parts computed in worker threads and cached.
 */
import type { ClauseTypeDetail, Dataset, PolicyDetail } from '../dataset.ts';
import type { PolicyAnalysis } from './policy.ts';
import { assembleRecord } from './assemble.ts';
import { planCorpus } from './plan.ts';
import { finishCorpus } from './finish.ts';
import { digestOf } from './views.ts';
import type { ContentBundle } from './content.ts';
import type { CorpusOptions } from './options.ts';
import type { SourceDocument } from './source.ts';

export { readDocument, MAX_ANALYSED_CHARS } from './read.ts';
export { analyseSource, type AnalyseSource, type DocumentOutcome, type SourceDocument } from './source.ts';
export { planCorpus, type CorpusPlan, type PlannedRecord } from './plan.ts';
export { finishCorpus, TOOL } from './finish.ts';
export { assembleRecord } from './assemble.ts';
export { withResolvedSchool } from './resolved.ts';
export type { CorpusOptions, RecordOptions } from './options.ts';

export interface CorpusResult {
  dataset: Dataset;
  details: PolicyDetail[];
  clauseTypes: ClauseTypeDetail[];
}

/**
 * Every policy's record, held in memory: for tests and small corpora, with every analysis kept in memory. The CLI
 * composes planCorpus, the record parts (record-files.ts) and finishCorpus itself, so that each document part is
 * built once in a worker thread, cached, and joined to its corpus part as the records are written.
 */
export async function analyseCorpus(
  sources: readonly SourceDocument[],
  content: ContentBundle,
  options: CorpusOptions,
): Promise<CorpusResult> {
  const plan = await planCorpus(sources, content, options);
  const analysisAt = (k: number): PolicyAnalysis => {
    const analysis = plan.records[k]?.analysis;
    if (!analysis) throw new Error(`analyseCorpus needs every analysis in memory; position ${k} has none`);
    return analysis;
  };
  const details = plan.records.map((r) =>
    assembleRecord(analysisAt(r.position), r.previous === null ? null : analysisAt(r.previous), plan.comparisons, content, options),
  );
  return { ...finishCorpus(plan, details.map(digestOf), content, options), details };
}

