/**
 * Issue 17 item 6: one definition of "share of policies that include it". The dashboard's aggregates (from the
 * analysis), the site's build-time counts and Check my policy's peers (rebuilt in the browser from each policy's
 * coverage code) must give the same figure for every clause type: partly covered counts as included everywhere.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { CorpusResult } from '../../../src/pipeline/run/corpus.ts';
import { currentPeers, peerPrevalence } from '../../../src/client/check/peers.ts';
import { groupKey, shareOf } from '../../../src/pipeline/analyse/gaps/index.ts';
import { includedText, includes, missingText, percentText } from '../../../src/site/share.ts';
import { seedCorpus } from '../harmonise/corpus.ts';

let corpus: CorpusResult;
beforeAll(async () => {
  corpus = await seedCorpus();
});

describe('share of policies that include a clause type', () => {
  it('Check my policy counts the same policies as the dashboard for every type, partial ones included', () => {
    const { dataset } = corpus;
    const entry = peerPrevalence(currentPeers(dataset)).get(groupKey({ kind: 'corpus', name: 'All policies' }));
    expect(entry?.size).toBe(dataset.aggregates.currentPolicies);
    const partials = dataset.aggregates.prevalence.filter((p) => p.partial > 0);
    expect(partials.length).toBeGreaterThan(0);
    for (const p of dataset.aggregates.prevalence) {
      expect(entry ? shareOf(entry, p.typeId) : -1, p.typeId).toBeCloseTo(p.share, 10);
    }
  });

  it('the coverage-code reading matches the analysis: p, r and s include the type, a does not', () => {
    const { dataset } = corpus;
    dataset.taxonomy.types.forEach((t, i) => {
      const current = dataset.policies.filter((p) => p.current);
      const counted = current.filter((p) => includes(p.coverageCode[i])).length;
      const agg = dataset.aggregates.prevalence.find((x) => x.typeId === t.id);
      expect(counted, t.id).toBe((agg?.present ?? 0) + (agg?.partial ?? 0));
    });
  });

  it('says who is counted, so a gap never reads "100% of all policies include it"', () => {
    expect(includedText({ count: 4, of: 4 }, { others: true })).toBe('4 of the other 4 current policies (100%) include it');
    expect(includedText({ count: 1, of: 5 })).toBe('1 of 5 current policies (20%) includes it');
    expect(includedText({ count: 2, of: 3 }, { where: 'in Bradford' })).toBe('2 of 3 current policies in Bradford (67%) include it');
    expect(missingText(4, 5)).toBe('missing from 4 of 5 current policies');
    expect(percentText({ count: 0, of: 0 })).toBe('0%');
  });
});
