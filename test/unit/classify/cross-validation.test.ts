/**
 * The honest quality figure: leave-one-family-out cross-validation over all shared gold (seeds, extra, dev).
 * For each template family the model is trained without that family's sentences, and its documents go through
 * the real pipeline and are scored against the document-level gold. The bars are the ones the project promises
 * (docs/quality.md); a change that lowers the held-out figures below them fails here.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadContentTaxonomy } from '../../../scripts/dev-score.ts';
import { readTrainingData } from '../../../scripts/lib/training-data.ts';
import { crossValidate, loadEvalDocuments, type VariantResult } from '../../../scripts/lib/cross-validate.ts';

/** The bar the issue sets on corpus-dev (held out: 0.810 today, docs/quality.md). */
const DEV_FLOOR = 0.8;

let result: VariantResult;

beforeAll(async () => {
  const docs = await loadEvalDocuments(join('test', 'fixtures'));
  const [combined] = crossValidate('combined', docs, readTrainingData('content'), loadContentTaxonomy());
  if (!combined) throw new Error('cross-validation gave no result');
  result = combined;
}, 900_000);

describe('document-held-out cross-validation of the clause labels (cues and model combined)', () => {
  it('holds out every one of the 56 gold documents', () => {
    expect(result.scores.all.docs).toBe(56);
    expect(result.predicted.size).toBe(56);
  });

  it('over all shared gold: micro-F1 ≥ 0.85, macro-F1 ≥ 0.75, absent-F1 ≥ 0.92', () => {
    expect(result.scores.all.micro).toBeGreaterThanOrEqual(0.85);
    expect(result.scores.all.macro).toBeGreaterThanOrEqual(0.75);
    expect(result.scores.all.absentF1).toBeGreaterThanOrEqual(0.92);
  });

  it(`over corpus-dev alone (policies the cues were not written for): micro-F1 ≥ ${DEV_FLOOR}`, () => {
    expect(result.scores.dev.micro).toBeGreaterThanOrEqual(DEV_FLOOR);
  });
});
