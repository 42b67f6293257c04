import { describe, expect, it } from 'vitest';
import {
  buildWordingIndex,
  compareWithReference,
  peerWordingFor,
  wordingItemsFromCoverage,
  type WordingSource,
} from '../../../src/pipeline/analyse/wording/index.ts';
import { peerGroupsOf } from '../../../src/pipeline/analyse/gaps/prevalence.ts';
import { applySide } from '../../../src/pipeline/analyse/diff/word-diff.ts';
import { clausesFromText, goldCoverage, readSeed, SEED_SCHOOL, SEEDS, schools } from '../diff/fixtures.ts';

const schoolRows = schools();
const keys = Object.keys(SEEDS) as (keyof typeof SEEDS)[];
const corpusGroup = { kind: 'corpus', name: 'All policies' } as const;

function seedSource(key: keyof typeof SEEDS): WordingSource {
  const text = readSeed(key);
  const clauses = clausesFromText(text);
  const school = schoolRows.find((s) => s.schoolId === SEED_SCHOOL[key]);
  return {
    policyId: SEEDS[key],
    schoolName: school?.name ?? null,
    groups: peerGroupsOf(school),
    items: wordingItemsFromCoverage(goldCoverage(`seeds/${SEEDS[key]}`, text, clauses), clauses),
  };
}

const seeds = keys.map(seedSource);

describe('wording index', () => {
  it('takes each covered type’s evidence clauses as its wording', () => {
    const oak = seeds[0];
    const pw = oak?.items.find((i) => i.typeId === 'use-personal-use');
    expect(pw?.text).toBe('You should not use any school provided ICT equipment for personal purposes.');
  });

  it('groups copies of one wording across schools, whatever the school name, case and punctuation', () => {
    const clause = (name: string) => `Staff at ${name} must report any suspected data breach to the Data Protection Officer immediately.`;
    const extra: WordingSource[] = [
      { policyId: 'x1', schoolName: 'Oakwood Primary School', groups: [corpusGroup], items: [{ typeId: 'data-breach-reporting', clauseId: 'c1', text: clause('Oakwood Primary School') }] },
      { policyId: 'x2', schoolName: 'Hanson School', groups: [corpusGroup], items: [{ typeId: 'data-breach-reporting', clauseId: 'c9', text: clause('Hanson School').toUpperCase() }] },
      { policyId: 'x3', schoolName: 'West Coventry Academy', groups: [corpusGroup], items: [{ typeId: 'data-breach-reporting', clauseId: 'c4', text: clause('West Coventry Academy').replace('.', '!') }] },
      { policyId: 'x4', schoolName: 'Westbrook Primary School', groups: [corpusGroup], items: [{ typeId: 'data-breach-reporting', clauseId: 'c2', text: 'Report breaches to the DPO within 24 hours.' }] },
    ];
    const index = buildWordingIndex([...seeds, ...extra]);
    const tw = index.groups['corpus:all policies']?.['data-breach-reporting'];
    expect(tw?.reference).toMatchObject({
      count: 3,
      text: 'Staff at the school must report any suspected data breach to the Data Protection Officer immediately.',
      examplePolicyId: 'x1',
    });
    expect(tw?.policyCount).toBeGreaterThanOrEqual(4);
    expect(tw?.wordings.reduce((n, w) => n + w.count, 0)).toBeGreaterThanOrEqual(4);

    const peer = peerWordingFor(index, 'data-breach-reporting', [{ kind: 'trust', name: 'none' }, corpusGroup]);
    expect(peer).toMatchObject({ count: 3, group: corpusGroup });
    expect(peer?.text).toContain('Staff at the school must report');

    const x4 = compareWithReference(index, extra[3] as WordingSource, corpusGroup);
    expect(x4).toHaveLength(1);
    expect(x4[0]?.isReference).toBe(false);
    const d = x4[0]?.diff;
    if (!d || d.rewritten) throw new Error('expected a word diff');
    // The diff runs from the reference wording to the policy's own.
    expect(applySide(d.ops, 'old')).toBe(x4[0]?.reference.text);
    expect(applySide(d.ops, 'new')).toBe('Report breaches to the DPO within 24 hours.');
    const x2 = compareWithReference(index, extra[1] as WordingSource, corpusGroup);
    expect(x2[0]?.isReference).toBe(true);
  });

  it('picks the most typical wording when no two seeds share one, and caps what it keeps', () => {
    const index = buildWordingIndex(seeds, { maxWordings: 2 });
    const tw = index.groups['corpus:all policies']?.['comp-sanctions'];
    expect(tw?.policyCount).toBe(5);
    expect(tw?.wordings).toHaveLength(2);
    expect((tw?.distinct ?? 0) - 2).toBeGreaterThan(0);
    // Every wording dropped by the cap was used by at least one policy.
    expect(tw?.otherCount).toBeGreaterThanOrEqual((tw?.distinct ?? 0) - 2);
    expect(tw?.reference).not.toBeNull();
    // Phase groups: Oakwood's wording is compared within primary schools too.
    expect(index.groups['phase:primary']?.['comp-sanctions']?.policyCount).toBe(3);
    expect(peerWordingFor(index, 'safe-generative-ai', corpusGroup)).toBeNull();
  });

  it('is deterministic', () => {
    expect(JSON.stringify(buildWordingIndex(seeds))).toBe(JSON.stringify(buildWordingIndex([...seeds])));
  });
});
