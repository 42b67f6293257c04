import { describe, expect, it } from 'vitest';
import { findSources, type LineageDoc } from '../../../src/pipeline/analyse/lineage/nearest-source.ts';
import { estimateJaccard, minhashSignature } from '../../../src/pipeline/analyse/lineage/minhash.ts';
import { intersectionSize, shingleSet } from '../../../src/pipeline/analyse/lineage/shingles.ts';
import { peerGroupsOf, prevalence } from '../../../src/pipeline/analyse/gaps/prevalence.ts';
import type { CoverageCell } from '../../../src/pipeline/types.ts';
import { decoyText, readSeed, rng, SEEDS } from '../diff/fixtures.ts';

const seedKeys = Object.keys(SEEDS) as (keyof typeof SEEDS)[];
const seedTexts = seedKeys.map((k) => readSeed(k));

describe('shingles and MinHash', () => {
  it('estimates Jaccard close to the exact value, deterministically', async () => {
    const a = shingleSet(await decoyText(2016));
    const b = shingleSet(await decoyText(2018));
    const exact = intersectionSize(a, b) / (a.length + b.length - intersectionSize(a, b));
    const est = estimateJaccard(minhashSignature(a), minhashSignature(b));
    expect(exact).toBeGreaterThan(0.9);
    expect(Math.abs(est - exact)).toBeLessThan(0.1);
    expect(minhashSignature(a)).toEqual(minhashSignature(shingleSet(await decoyText(2016))));
    const unrelated = estimateJaccard(minhashSignature(shingleSet(seedTexts[0] ?? '')), minhashSignature(shingleSet(seedTexts[1] ?? '')));
    expect(unrelated).toBeLessThan(0.1);
  });

  it('makes the school name generic before shingling', () => {
    const x = shingleSet('Staff at Oakwood Primary School must not share passwords with anyone.', { schoolName: 'Oakwood Primary School' });
    const y = shingleSet('Staff at Hanson School must not share passwords with anyone.', { schoolName: 'Hanson School' });
    expect([...x]).toEqual([...y]);
  });
});

describe('findSources', () => {
  it('names the earlier decoy version as the source of the later one, and nothing for the seeds', async () => {
    const docs: LineageDoc[] = [
      { id: 'decoy-2018', text: await decoyText(2018), date: '2018-01' },
      ...seedKeys.map((k, i) => ({ id: SEEDS[k], text: seedTexts[i] ?? '', date: '2015' })),
      { id: 'decoy-2016', text: await decoyText(2016), date: '2016-01' },
    ];
    const results = findSources(docs);
    const r18 = results.find((r) => r.policyId === 'decoy-2018');
    expect(r18?.nearest).toMatchObject({ policyId: 'decoy-2016', direction: 'source-earlier', isTemplate: false });
    expect(r18?.nearest?.reusedShare).toBeGreaterThan(0.9);
    // The 2016 version's only similar document is later: a candidate, never its source.
    const r16 = results.find((r) => r.policyId === 'decoy-2016');
    expect(r16?.nearest).toBeNull();
    expect(r16?.candidates[0]).toMatchObject({ policyId: 'decoy-2018', direction: 'source-later' });
    for (const k of seedKeys) expect(results.find((r) => r.policyId === SEEDS[k])?.nearest).toBeNull();
  });

  it('finds a model template reused (with the school name changed) inside a longer policy', () => {
    const template = (seedTexts[0] ?? '').replaceAll('Oakwood Primary School', 'Anytown School');
    const adopted = `${seedTexts[1] ?? ''}\n${(seedTexts[0] ?? '').split('\n').slice(0, 120).join('\n')}`.replaceAll(
      'Oakwood Primary School',
      'Westbrook Primary School',
    );
    const results = findSources([
      { id: 'template:city-model', text: template, date: null, isTemplate: true, schoolName: 'Anytown School' },
      { id: 'westbrook-2024', text: adopted, date: '2024-11-25', schoolName: 'Westbrook Primary School' },
      { id: 'hanson-2018', text: seedTexts[2] ?? '', date: '2018-05', schoolName: 'Hanson School' },
    ]);
    const r = results.find((x) => x.policyId === 'westbrook-2024');
    expect(r?.nearest).toMatchObject({ policyId: 'template:city-model', isTemplate: true, direction: 'source-earlier' });
    // A third of the adopted text is the template's (120 of Oakwood's lines after all of Westbrook's policy).
    const shareOfTemplateText = (seedTexts[0] ?? '').split('\n').slice(0, 120).join('\n').length / adopted.length;
    expect(r?.nearest?.reusedShare).toBeGreaterThan(shareOfTemplateText - 0.1);
    expect(r?.nearest?.reusedShare).toBeLessThan(shareOfTemplateText + 0.1);
    expect(results.find((x) => x.policyId === 'template:city-model')?.nearest).toBeNull();
  });

  it('scales to 2,000 recombined policies (prevalence + lineage), finding each one’s parent', () => {
    const random = rng(20240611);
    const lines = seedTexts.map((t) => t.split('\n').filter((l) => l.trim().split(/\s+/).length >= 6));
    const docs: LineageDoc[] = seedKeys.map((k, i) => ({ id: `template:${k}`, text: seedTexts[i] ?? '', date: null, isTemplate: true }));
    const parents: number[] = [];
    const coverage: CoverageCell[][] = [];
    const typeIds = Array.from({ length: 70 }, (_, t) => `type-${t}`);
    for (let n = 0; n < 2000; n++) {
      const parent = Math.floor(random() * lines.length);
      const own = lines[parent] ?? [];
      const picked: string[] = [];
      for (const line of own) if (random() < 0.7) picked.push(line);
      for (let extra = 0; extra < 12; extra++) {
        const other = lines[Math.floor(random() * lines.length)] ?? [];
        picked.push(other[Math.floor(random() * other.length)] ?? '');
      }
      parents.push(parent);
      docs.push({ id: `p${n}`, text: picked.join('\n'), date: `20${10 + (n % 15)}`, schoolId: `s${n}` });
      coverage.push(typeIds.map((typeId, t) => ({ typeId, status: (t + n) % 3 === 0 ? 'absent' : 'present', confidence: 1, evidence: [], verified: false })));
    }
    const policies = coverage.map((c, n) => ({ policyId: `p${n}`, coverage: c, la: `la-${n % 40}`, phase: n % 2 ? 'primary' : 'secondary' }));

    const start = performance.now();
    const prev = prevalence(policies, (p) =>
      peerGroupsOf({ schoolId: p.policyId, name: p.policyId, localAuthority: p.la, trust: null, phase: p.phase, nation: 'England' }),
    );
    const mid = performance.now();
    const results = findSources(docs);
    const end = performance.now();
    console.log(
      `2,000 synthetic policies: prevalence ${(mid - start).toFixed(0)} ms, lineage ${(end - mid).toFixed(0)} ms (${docs.length} documents)`,
    );

    const corpus = prev.get('corpus:all policies');
    expect(corpus?.size).toBe(2000);
    // type-0 is absent for n ≡ 0 (mod 3): 666 or 667 of 2000 lack it.
    expect(corpus?.counts['type-0']).toBe(2000 - Math.ceil(2000 / 3));
    expect(prev.get('local-authority:la-7')?.size).toBe(50);

    let right = 0;
    results.slice(seedKeys.length).forEach((r, n) => {
      if (r.nearest?.policyId === `template:${seedKeys[parents[n] ?? 0]}`) right++;
    });
    expect(right / 2000).toBeGreaterThan(0.97);
  });
});
