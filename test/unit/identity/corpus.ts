/**
 * Runs the real pipeline (read → analyse → compare → assemble) over fixture files as an officer's folder would
 * hold them, with no content/schools.csv unless a test gives rows.
 */
import { readFile } from 'node:fs/promises';
import { loadContent } from '../../../scripts/lib/content.ts';
import { analyseCorpus, type CorpusResult } from '../../../src/pipeline/run/corpus.ts';
import type { SchoolRow } from '../../../src/pipeline/run/content.ts';

/** `files`: source file (as named in the input folder) → its bytes or a fixture path. */
export async function runCorpus(files: Record<string, string | Uint8Array>, schools: SchoolRow[] = []): Promise<CorpusResult> {
  const { bundle } = await loadContent('content', null);
  return analyseCorpus(
    Object.keys(files)
      .sort()
      .map((sourceFile) => ({
        sourceFile,
        read: async () => {
          const f = files[sourceFile] as string | Uint8Array;
          return typeof f === 'string' ? new Uint8Array(await readFile(f)) : f;
        },
      })),
    { ...bundle, schools },
    { asOf: '2026-11-22', dueSoonMonths: 3, maskPersonalData: true, includeText: false },
  );
}

export const DECOY_2016 = 'test/fixtures/extra/decoy-online-safety-policy-2016.pdf';
export const DECOY_2018 = 'test/fixtures/extra/decoy-online-safety-policy-2018.pdf';
