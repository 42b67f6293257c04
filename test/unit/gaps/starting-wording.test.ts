/**
 * Issue 17 items 7 and 9: the wording a gap starts from, and the one clause-type pages compare against, must be a
 * current rule of the type: never a line the site flags as out of date ("AudioBoo – we use AudioBoo…"), never a
 * description rather than a rule, never a passing mention from a policy that only partly covers the type (the
 * whistleblowing line offered for breach reporting). The five real seed policies, analysed by the real pipeline.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { CorpusResult } from '../../../src/pipeline/run/corpus.ts';
import { isRuleWording } from '../../../src/pipeline/analyse/wording/wording-index.ts';
import { findOutdatedReferences } from '../../../src/pipeline/analyse/staleness/index.ts';
import { loadRefs } from '../staleness/seed-helpers.ts';
import { seedCorpus } from '../harmonise/corpus.ts';

let corpus: CorpusResult;
const refs = loadRefs();
beforeAll(async () => {
  corpus = await seedCorpus();
});

describe('starting wordings for gaps', () => {
  it('never suggest wording that cites something out of date', () => {
    const suggestions = corpus.details.flatMap((d) => d.gaps.flatMap((g) => (g.suggestedWording ? [[g.typeId, g.suggestedWording] as const] : [])));
    expect(suggestions.length).toBeGreaterThan(20);
    for (const [typeId, text] of suggestions) {
      expect(findOutdatedReferences(text, refs).filter((h) => !h.historical).map((h) => h.entryId), `${typeId}: ${text}`).toEqual([]);
    }
  });

  it('are rules, not descriptions: "we use AudioBoo to record sounds" is never offered for recording', () => {
    for (const d of corpus.details) {
      for (const g of d.gaps) {
        if (!g.suggestedWording) continue;
        expect(isRuleWording(g.suggestedWording), `${g.typeId}: ${g.suggestedWording}`).toBe(true);
        expect(g.suggestedWording).not.toMatch(/AudioBoo/);
      }
    }
  });

  it('come from a policy that covers the type fully: breach reporting is not offered a partial whistleblowing line', () => {
    for (const d of corpus.details) {
      for (const g of d.gaps) {
        if (!g.suggestedWording) continue;
        const fully = corpus.details.filter((p) => p.coverage.find((c) => c.typeId === g.typeId)?.status === 'present');
        expect(fully.length, g.typeId).toBeGreaterThan(0);
      }
    }
    const breach = corpus.details.flatMap((d) => d.gaps.filter((g) => g.typeId === 'data-breach-reporting'));
    expect(breach.length).toBeGreaterThan(0);
    for (const g of breach) expect(g.suggestedWording ?? '').not.toMatch(/whistleblow/i);
  });
});

describe('the reference wording a clause type is compared against', () => {
  it('is a rule whenever the corpus has a current rule of the type', () => {
    let checked = 0;
    for (const t of corpus.clauseTypes) {
      const ref = t.wordings.find((w) => w.isReference);
      if (!ref) continue;
      const current = (text: string): boolean => findOutdatedReferences(text, refs).every((h) => h.historical);
      if (t.wordings.some((w) => isRuleWording(w.text) && current(w.text))) {
        expect([t.typeId, isRuleWording(ref.text)]).toEqual([t.typeId, true]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
  });
});
