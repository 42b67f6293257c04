import { describe, expect, it } from 'vitest';
import { clusterPassages, passageFor, passageSimilarity, variantLetter } from '../../../src/pipeline/harmonise/variants.ts';
import type { PolicyDetail } from '../../../src/pipeline/dataset.ts';
import { seedCorpus } from './corpus.ts';

async function detail(id: string, withTrust = false): Promise<PolicyDetail> {
  const d = (await seedCorpus(withTrust)).details.find((x) => x.summary.id === id);
  if (!d) throw new Error(`no ${id}`);
  return d;
}
const ids = (d: PolicyDetail) => ({ schoolId: d.summary.schoolId, policyId: d.summary.id, date: d.summary.approved, schoolName: d.summary.school });

describe('a member’s passage for a clause type', () => {
  it('keeps a lead-in together with the list it introduces, in document order', async () => {
    const d = await detail('westbrook-primary--acceptable-use-policy-2024');
    const p = passageFor(d, 'gov-purpose-scope', ids(d));
    const texts = p?.clauses.map((c) => c.text) ?? [];
    const lead = texts.indexOf('This policy aims to:');
    expect(lead).toBeGreaterThanOrEqual(0);
    expect(texts[lead + 1]).toMatch(/^Promote the professional, ethical, lawful and productive use/);
    expect(texts.at(-1)).toMatch(/^This policy applies to staff members and governors/);
    const starts = p?.clauses.map((c) => c.start) ?? [];
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it('leaves out much weaker evidence (the approval table rows under “review status”)', async () => {
    const d = await detail('westbrook-primary--acceptable-use-policy-2024');
    const p = passageFor(d, 'gov-review-status', ids(d));
    expect(p?.text).toMatch(/reviewed every three years/);
    expect(p?.text).not.toMatch(/Approved by/);
  });

  it('reads the school’s own name as “the school” and is null for a type the policy lacks', async () => {
    const d = await detail('oakwood-primary--ict-use-policy-2012');
    const passages = d.coverage.map((c) => passageFor(d, c.typeId, ids(d))).filter((p) => p !== null);
    const named = passages.flatMap((p) => p.clauses).filter((c) => /\bOakwood\b/.test(d.clauses.find((x) => x.id === c.clauseId)?.text ?? ''));
    expect(named.length).toBeGreaterThan(0);
    for (const c of named) {
      expect(c.text).not.toMatch(/\bOakwood\b/);
      expect(c.text).toMatch(/the school/i);
    }
    expect(passageFor(d, 'sec-mfa', ids(d))).toBeNull();
  });
});

describe('clustering passages into variants', () => {
  it('puts a policy reissued under another school’s name in the same variant, and different policies apart', async () => {
    const oak = await detail('oakwood-primary--ict-use-policy-2012', true);
    const elm = await detail('elmfield-primary--ict-use-policy-2021', true);
    const west = await detail('westbrook-primary--acceptable-use-policy-2024', true);
    const passages = [west, oak, elm].map((d) => passageFor(d, 'use-personal-use', ids(d))).filter((p) => p !== null);
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
