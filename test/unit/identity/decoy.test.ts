/**
 * The two real Decoy online safety policies (2016 and 2018, 99% the same text) dropped into a folder with no
 * schools.csv: the 2016 file names "Decoy Community Primary School", the 2018 file only "Decoy". They are one
 * school with a two-version history, the 2018 version is a review on paper only, and neither is the other's
 * "source" or residue.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { CorpusResult } from '../../../src/pipeline/run/corpus.ts';
import { DECOY_2016, DECOY_2018, runCorpus } from './corpus.ts';

const OLD = 'decoy-online-safety-policy-2016';
const NEW = 'decoy-online-safety-policy-2018';

describe('Decoy 2016 and 2018 without schools.csv', () => {
  let result: CorpusResult;
  beforeAll(async () => {
    result = await runCorpus({ [`${OLD}.pdf`]: DECOY_2016, [`${NEW}.pdf`]: DECOY_2018 });
  });
  const detail = (id: string) => {
    const d = result.details.find((x) => x.summary.id === id);
    if (!d) throw new Error(`no ${id}`);
    return d;
  };

  it('recognises one school, named as the fuller document names it', () => {
    expect(result.dataset.schools).toHaveLength(1);
    const school = result.dataset.schools[0];
    expect(school?.id).toBe('decoy-community-primary-school');
    expect(school?.name).toBe('Decoy Community Primary School');
    expect(school?.policyIds).toEqual([OLD, NEW]);
    expect(school?.names).toEqual(['Decoy', 'Decoy Community Primary School']);
    expect(school?.listed).toBe(false);
    expect(detail(NEW).summary.school).toBe('Decoy');
    expect(detail(NEW).summary.schoolName).toBe('Decoy Community Primary School');
    expect(result.dataset.aggregates).toMatchObject({ policies: 2, schools: 1, currentPolicies: 1, earlierVersions: 1 });
  });

  it('says why, with a confidence', () => {
    const identity = detail(NEW).identity;
    expect(identity?.schoolId).toBe('decoy-community-primary-school');
    expect(identity?.confidence).toBeGreaterThanOrEqual(0.7);
    const why = identity?.reasons.join(' | ') ?? '';
    expect(why).toContain('"Decoy" is a short form of "Decoy Community Primary School"');
    expect(why).toMatch(/9\d% of the text is the same/);
    expect(why).toContain('the file name decoy-online-safety-policy-2016.pdf carries "Decoy"');
    expect(result.dataset.schools[0]?.identityReasons[0]).toContain(`${OLD}.pdf and ${NEW}.pdf`);
  });

  it('makes a two-version chain: 2018 is the policy, 2016 its history', () => {
    expect(result.dataset.schools[0]?.chains).toEqual([{ kind: 'online-safety', title: 'Online Safety Policy', policyIds: [OLD, NEW] }]);
    expect(result.dataset.schools[0]?.currentPolicyIds).toEqual([NEW]);
    expect(detail(NEW).history.map((h) => [h.id, h.date, h.current])).toEqual([
      [OLD, '2016-01', false],
      [NEW, '2018-01', true],
    ]);
    expect(detail(OLD).history).toEqual(detail(NEW).history);
    expect(detail(NEW).summary.current).toBe(true);
    expect(detail(OLD).summary.current).toBe(false);
  });

  it('finds the review date moved but the text unchanged', () => {
    expect(detail(NEW).version).toMatchObject({ previousId: OLD, reviewDateMovedTextUnchanged: true });
    const cosmetic = detail(NEW).findings.filter((f) => f.kind === 'cosmetic-review');
    expect(cosmetic).toHaveLength(1);
    expect(cosmetic[0]?.detail).toContain(`unchanged since the previous version (${OLD}.pdf)`);
    expect(cosmetic[0]?.evidence).toContain('January 2018');
    expect(detail(OLD).findings.some((f) => f.kind === 'cosmetic-review')).toBe(false);
  });

  it('reports no lineage or residue between the two versions', () => {
    for (const id of [OLD, NEW]) {
      expect(detail(id).lineage.sourceId).toBeNull();
      const residue = detail(id).findings.filter((f) => f.kind === 'template-residue');
      expect(residue.some((f) => /Decoy|Protecting School/.test(f.detail + f.evidence))).toBe(false);
    }
    // The template author's contact left in the 2016 incident log is still residue; it went in 2018.
    expect(detail(OLD).lineage.residue.map((r) => r.quote)).toEqual(['send an electronic or paper copy of this document to Steve Bone']);
    expect(detail(NEW).lineage.residue).toEqual([]);
  });

  it('reports the review only on the current version', () => {
    expect(detail(NEW).findings.some((f) => f.kind === 'review-overdue')).toBe(true);
    expect(detail(OLD).findings.some((f) => f.kind.startsWith('review-'))).toBe(false);
  });
});

describe('content/schools.csv wins over what the documents say', () => {
  it('joins both versions under a listed school by its name', async () => {
    const result = await runCorpus({ [`${OLD}.pdf`]: DECOY_2016, [`${NEW}.pdf`]: DECOY_2018 }, [
      { school_id: 'decoy', name: 'Decoy Community Primary School', urn: '113100', local_authority: 'Devon', trust: null, phase: 'primary', nation: 'England', aliases: [] },
    ]);
    expect(result.dataset.schools.map((s) => [s.id, s.policyIds, s.localAuthority, s.listed])).toEqual([['decoy', [OLD, NEW], 'Devon', true]]);
    const reasons = result.details.find((d) => d.summary.id === OLD)?.identity?.reasons ?? [];
    expect(reasons[0]).toBe(`its name "Decoy Community Primary School" is decoy's in content/schools.csv`);
  });

  it('splits them when an officer lists each file under its own school', async () => {
    const result = await runCorpus({ [`${OLD}.pdf`]: DECOY_2016, [`${NEW}.pdf`]: DECOY_2018 }, [
      { school_id: 'decoy-old-site', name: 'Decoy Community Primary School', urn: null, local_authority: null, trust: null, phase: null, nation: null, aliases: [`${OLD}.pdf`] },
      { school_id: 'decoy-new-site', name: 'Decoy Primary (new site)', urn: null, local_authority: null, trust: null, phase: null, nation: null, aliases: [`${NEW}.pdf`] },
    ]);
    expect(result.dataset.schools.map((s) => [s.id, s.policyIds])).toEqual([
      ['decoy-new-site', [NEW]],
      ['decoy-old-site', [OLD]],
    ]);
    // Apart, the 2018 text is again reused from the 2016 one: lineage names it, as for any two schools.
    expect(result.details.find((d) => d.summary.id === NEW)?.lineage.sourceId).toBe(OLD);
    expect(result.details.find((d) => d.summary.id === NEW)?.version).toBeNull();
  });
});
