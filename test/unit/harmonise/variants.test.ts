import { describe, expect, it } from 'vitest';
import { clusterPassages, passagesOf, passageSimilarity, variantLetter } from '../../../src/pipeline/harmonise/variants.ts';
import { typeIndex } from '../../../src/pipeline/harmonise/placement.ts';
import type { PolicyDetail } from '../../../src/pipeline/dataset.ts';
import { seedCorpus } from './corpus.ts';

async function detail(id: string, withTrust = false): Promise<PolicyDetail> {
  const d = (await seedCorpus(withTrust)).details.find((x) => x.summary.id === id);
  if (!d) throw new Error(`no ${id}`);
  return d;
}
const ids = (d: PolicyDetail) => ({ schoolId: d.summary.schoolId, policyId: d.summary.id, date: d.summary.approved, schoolName: d.summary.school });

const index = async () => typeIndex((await seedCorpus()).dataset.taxonomy.types);
const passage = async (d: PolicyDetail, typeId: string) => passagesOf(d, await index(), ids(d)).get(typeId) ?? null;

describe('a member’s passage for a clause type', () => {
  it('keeps a lead-in together with the list it introduces, in document order', async () => {
    const d = await detail('westbrook-primary--acceptable-use-policy-2024');
    const p = await passage(d, 'gov-purpose-scope');
    const texts = p?.blocks.map((b) => b.text) ?? [];
    const lead = texts.indexOf('This policy aims to:');
    expect(lead).toBeGreaterThanOrEqual(0);
    expect(p?.blocks[lead]?.kind).toBe('lead-in');
    expect(p?.blocks[lead + 1]).toMatchObject({ kind: 'item', depth: 1 });
    expect(texts[lead + 1]).toMatch(/^Promote the professional, ethical, lawful and productive use/);
    const starts = p?.clauses.map((c) => c.start) ?? [];
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it('gives every clause of a policy to one passage only', async () => {
    for (const id of ['hanson-school--acceptable-use-ict-mobile-social-2018', 'oakwood-primary--ict-use-policy-2012', 'westbrook-primary--acceptable-use-policy-2024']) {
      const d = await detail(id);
      const all = [...passagesOf(d, await index(), ids(d)).values()].flatMap((p) => p.clauses.map((c) => c.clauseId));
      expect(all.length, id).toBe(new Set(all).size);
      expect(all.length, id).toBeGreaterThan(d.clauses.length / 2);
    }
  });

  it('reads the school’s own name as “the school” and has no passage for a type the policy lacks', async () => {
    const d = await detail('oakwood-primary--ict-use-policy-2012');
    const passages = [...passagesOf(d, await index(), ids(d)).values()];
    const named = passages.flatMap((p) => p.clauses).filter((c) => /\bOakwood\b/.test(d.clauses.find((x) => x.id === c.clauseId)?.text ?? ''));
    expect(named.length).toBeGreaterThan(0);
    for (const c of named) {
      expect(c.text).not.toMatch(/\bOakwood\b/);
      expect(c.text).toMatch(/the school/i);
    }
    expect(await passage(d, 'sec-mfa')).toBeNull();
  });
});

describe('clustering passages into variants', () => {
  it('puts a policy reissued under another school’s name in the same variant, and different policies apart', async () => {
    const oak = await detail('oakwood-primary--ict-use-policy-2012', true);
    const elm = await detail('elmfield-primary--ict-use-policy-2021', true);
    const west = await detail('westbrook-primary--acceptable-use-policy-2024', true);
    const ix = typeIndex((await seedCorpus(true)).dataset.taxonomy.types);
    const passages = [west, oak, elm].map((d) => passagesOf(d, ix, ids(d)).get('use-personal-use')).filter((p) => p !== undefined);
    expect(passageSimilarity(passages[1]?.text ?? '', passages[2]?.text ?? '')).toBe(1);
    expect(passageSimilarity(passages[0]?.text ?? '', passages[1]?.text ?? '')).toBeLessThan(0.6);
    const groups = clusterPassages(passages);
    expect(groups.map((g) => g.map((p) => p.schoolId))).toEqual([['oakwood-primary', 'elmfield-primary'], ['westbrook-primary']]);
    // Input order does not change which passages go together.
    expect(clusterPassages([...passages].reverse()).map((g) => g.map((p) => p.schoolId).sort())).toEqual([['elmfield-primary', 'oakwood-primary'], ['westbrook-primary']]);
  });

  it('respects the threshold', () => {
    const a = { text: 'Staff must not share their password with anyone.' };
    const b = { text: 'Staff must never share their password with anyone at all.' };
    expect(clusterPassages([a, b], 0.6)).toHaveLength(1);
    expect(clusterPassages([a, b], 0.95)).toHaveLength(2);
  });

  it('letters variants A…Z, then AA', () => {
    expect([0, 1, 25, 26, 27].map(variantLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB']);
  });
});
