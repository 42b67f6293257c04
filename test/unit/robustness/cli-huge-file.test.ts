/**
 * A 50 MB text file (made at test time, never committed) is read and analysed, with a warning that it is
 * unusually large, and the run still finishes cleanly.
 */
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeHugeTextFile } from '../../../scripts/make-bad-inputs.ts';
import { BAD, analyse, csvText, readCsv, readJson, stackLines, tempDir, warningsFor, type CliRun, type DatasetJson } from './harness.ts';

let root: string;
let run: CliRun;

beforeAll(async () => {
  root = await tempDir('huge');
  const input = join(root, 'in');
  await writeHugeTextFile(input);
  await copyFile(join(BAD, 'westbrook-aup.txt'), join(input, 'westbrook-aup.txt'));
  run = await analyse(input, join(root, 'out'));
}, 300_000);

describe('a 50 MB text file', () => {
  it('does not stop the run', () => {
    expect(run.code, `${run.stdout}\n${run.stderr}`.slice(-2000)).toBe(0);
    expect(stackLines(`${run.stdout}\n${run.stderr}`)).toEqual([]);
  });

  it('is processed: it has a row in policies.csv, beside the ordinary file', async () => {
    const { records } = await readCsv(join(root, 'out', 'policies.csv'));
    expect(records.map((r) => csvText(r['source_file'] ?? '')).sort()).toEqual(['huge-policy.txt', 'westbrook-aup.txt']);
  });

  it('carries a warning about its size', async () => {
    const dataset = await readJson<DatasetJson>(join(root, 'out', 'dataset.json'));
    expect(warningsFor(dataset, 'huge-policy.txt').join(' | ')).toMatch(/\b(large|size|big|\d+ ?MB)\b/i);
    expect(warningsFor(dataset, 'westbrook-aup.txt').join(' | ')).not.toMatch(/\b(large|size|big)\b/i);
  });
});
