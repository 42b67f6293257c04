/** What a corpus run is asked to do: shared by every stage from the plan to the written record. */
import type { AnalyseSource } from './source.ts';

export interface CorpusOptions {
  asOf: string;
  dueSoonMonths: number;
  maskPersonalData: boolean;
  includeText: boolean;
  onProgress?: (done: number, sourceFile: string) => void;
  /** How each file is analysed; defaults to in-process. */
  analyseSource?: AnalyseSource;
  /** Files analysed at once (useful when `analyseSource` hands work to threads). */
  concurrency?: number;
}

/** The options a published record depends on (besides its analysis and the corpus). */
export type RecordOptions = Pick<CorpusOptions, 'maskPersonalData' | 'includeText'>;
