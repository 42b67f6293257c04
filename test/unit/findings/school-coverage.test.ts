/**
 * A topic missing from a school's AUP may sit in its online safety policy. Two real documents filed under one
 * school: the Oakwood AUP (no password rules) and a primary school's online safety policy (which has them).
 */
import { readFile } from 'node:fs/promises';
import { beforeAll, expect, it } from 'vitest';
import { loadContent } from '../../../scripts/lib/content.ts';
import { analyseCorpus, type CorpusResult } from '../../../src/pipeline/run/corpus.ts';

let result: CorpusResult;

beforeAll(async () => {
  const { bundle } = await loadContent('content', null);
  const files: Record<string, string> = {
    'one-school/ict-use-policy-2012.txt': 'test/fixtures/seeds/000_f295fe4824b47e99.txt',
    'one-school/online-safety-policy-2018.txt': 'test/fixtures/text/decoy-2018.txt',
  };
  result = await analyseCorpus(
    Object.entries(files).map(([sourceFile, path]) => ({ sourceFile, read: async () => new Uint8Array(await readFile(path)) })),
    bundle,
    { asOf: '2026-11-22', dueSoonMonths: 3, maskPersonalData: true, includeText: true },
  );
});

it('says which of the school\'s other documents covers a gap in its AUP', () => {
  const aup = result.details.find((d) => d.summary.id === 'one-school--ict-use-policy-2012');
  const gap = aup?.gaps.find((g) => g.typeId === 'sec-passwords');
  expect(gap?.coveredElsewhere).toBe('one-school--online-safety-policy-2018');
  expect(aup?.findings.find((f) => f.clauseId === 'sec-passwords')?.detail).toContain('online-safety-policy-2018 covers it');
});

it('gives the school one coverage across its current documents', () => {
  const school = result.dataset.schools.find((s) => s.id === 'one-school');
  const passwords = result.dataset.taxonomy.types.findIndex((t) => t.id === 'sec-passwords');
  expect(school?.currentPolicyIds).toHaveLength(2);
  expect(school?.coverageCode[passwords]).toBe('p');
  expect(school?.coverageCode).toHaveLength(result.dataset.taxonomy.types.length);
});
