/**
 * A held-out check: phrases from real policies other than the seeds (quoted in the domain brief from SWGfL,
 * The Key, LGfL-style, NCSC, E2BN and named schools), each on its own with no heading to help. The cues were
 * written from many templates, not these sentences, so this estimates how labels carry to unseen policies.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, expect, it } from 'vitest';
import { loadContent } from '../../../scripts/lib/content.ts';
import { classifyClauses } from '../../../src/pipeline/classify/classify.ts';
import { DEFAULT_COVERAGE } from '../../../src/pipeline/classify/coverage.ts';
import type { Clause } from '../../../src/pipeline/types.ts';
import type { Taxonomy } from '../../../src/pipeline/taxonomy/index.ts';

const { phrases } = JSON.parse(readFileSync('test/fixtures/external-triggers.json', 'utf8')) as {
  phrases: { type: string; phrase: string; source: string }[];
};
let taxonomy: Taxonomy;

beforeAll(async () => {
  taxonomy = (await loadContent('content', null)).bundle.taxonomy;
});

it('labels at least 80% of trigger phrases from other templates with their clause type', () => {
  const misses: string[] = [];
  for (const p of phrases) {
    const clause: Clause = { id: 'c0001', label: null, headingPath: [], text: p.phrase, start: 0, end: p.phrase.length, kind: 'paragraph', depth: 0, emphasis: [] };
    const labels = classifyClauses([clause], taxonomy)[0]?.labels ?? [];
    if (!labels.some((l) => l.typeId === p.type && l.confidence >= DEFAULT_COVERAGE.partial)) misses.push(`${p.type}: ${p.phrase}`);
  }
  const recall = (phrases.length - misses.length) / phrases.length;
  expect(phrases.length).toBeGreaterThan(50);
  expect(recall, `missed:\n${misses.join('\n')}`).toBeGreaterThanOrEqual(0.8);
});
