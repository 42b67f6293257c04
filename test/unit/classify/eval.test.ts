import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runScorer, writeCoverage } from '../../../scripts/dev-score.ts';

interface Scores {
  micro: number;
  macro: number;
  absentF1: number;
  precision: number;
  recall: number;
  docs: { file: string; found: boolean }[];
}

/**
 * The classifier against hand-labelled gold, through the dataset's coverage.csv and the real scorer
 * (test/fixtures/score.mjs), on documents read by the real ingest and structure stages.
 */
describe('clause coverage against seed gold', () => {
  it('meets the bars: micro-F1 ≥ 0.90, macro-F1 ≥ 0.85, absent-F1 ≥ 0.80', async () => {
    const out = mkdtempSync(join(tmpdir(), 'pa-eval-'));
    const { results } = await writeCoverage('seeds', out);
    expect(results).toHaveLength(5);
    const scores = JSON.parse(runScorer('seeds', out, true).trim().split('\n')[0] ?? '{}') as Scores;
    expect(scores.docs.every((d) => d.found)).toBe(true);
    expect(scores.micro).toBeGreaterThanOrEqual(0.9);
    expect(scores.macro).toBeGreaterThanOrEqual(0.85);
    expect(scores.absentF1).toBeGreaterThanOrEqual(0.8);
  });

  it('stays above the unseen-policy goal on the extra gold (micro-F1 ≥ 0.85, absent-F1 ≥ 0.75)', async () => {
    const out = mkdtempSync(join(tmpdir(), 'pa-eval-extra-'));
    await writeCoverage('extra', out);
    const scores = JSON.parse(runScorer('extra', out, true).trim().split('\n')[0] ?? '{}') as Scores;
    expect(scores.docs.every((d) => d.found)).toBe(true);
    expect(scores.micro).toBeGreaterThanOrEqual(0.85);
    expect(scores.absentF1).toBeGreaterThanOrEqual(0.75);
  });
});
