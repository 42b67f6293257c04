import { describe, expect, it } from 'vitest';
import { allTypes, buildHarmonisation, referenceWording, uncoveredTypes, type HarmonisationModel, type TypeEntry } from '../../../src/pipeline/harmonise/model.ts';
import { membersFor, seedCorpus, testRules } from './corpus.ts';

async function model(ids?: string[], withTrust = false): Promise<HarmonisationModel> {
  const { dataset } = await seedCorpus(withTrust);
  const { members } = await membersFor(ids, withTrust);
  return buildHarmonisation({ dataset, members, rules: await testRules() });
}
const type = (m: HarmonisationModel, id: string): TypeEntry => {
  const t = allTypes(m).find((x) => x.typeId === id);
  if (!t) throw new Error(`no ${id}`);
  return t;
};

describe('harmonising the five demo schools', () => {
  it('orders clause types by category, then taxonomy order', async () => {
    const { dataset } = await seedCorpus();
    const m = await model();
    expect(m.categories.map((c) => c.id)).toEqual(dataset.taxonomy.categories.map((c) => c.id));
    const order = dataset.taxonomy.types.map((t) => t.id);
    const shown = allTypes(m).map((t) => t.typeId);
    expect(shown).toEqual(order.filter((id) => shown.includes(id)));
    expect(m.asOf).toBe('2026-11-22');
  });

  it('asks the lead to decide personal use, showing each school’s own words', async () => {
    const t = type(await model(), 'use-personal-use');
    const q = t.stances.find((s) => s.dimensionId === 'D1');
    expect(q?.conflict).toBe(true);
    const held = Object.fromEntries((q?.options ?? []).filter((o) => o.holders.length > 0).map((o) => [o.value, o.holders.map((h) => h.schoolId)]));
    expect(held).toEqual({
      'with-permission': ['our-lady-of-peace'],
      'own-time': ['hanson-school'],
      reasonable: ['westbrook-primary'],
      forbidden: ['oakwood-primary'],
    });
    const forbidden = q?.options.find((o) => o.value === 'forbidden')?.holders[0];
    expect(forbidden?.quote).toBe('You should not use any school provided ICT equipment for personal purposes.');
    // Each variant says which position its wording takes.
    expect(t.variants.find((v) => v.sourceSchoolId === 'oakwood-primary')?.stances.filter((s) => s.dimensionId === 'D1').map((s) => s.value)).toEqual(['forbidden']);
  });

  it('without any shared wording, suggests the most recent current variant', async () => {
    const t = type(await model(), 'use-personal-use');
    // West Coventry Academy's personal-use lines are mainly about other rules, so they are offered there instead.
    expect(t.variants.map((v) => v.sourceSchoolId).sort()).toEqual(['hanson-school', 'oakwood-primary', 'our-lady-of-peace', 'westbrook-primary']);
    expect(t.variants.some((v) => v.mostCommon)).toBe(false);
    const recent = t.variants.filter((v) => v.mostRecent);
    expect(recent.map((v) => v.sourceSchoolId)).toEqual(['westbrook-primary']);
    expect(recent[0]?.stale).toEqual([]);
    expect(t.defaultVariant).toBe(recent[0]?.key);
  });

  it('never suggests a variant that names something out of date', async () => {
    const m = await model();
    for (const t of allTypes(m)) {
      const def = t.variants.find((v) => v.key === t.defaultVariant);
      if (def) expect(def.stale, t.typeId).toEqual([]);
      if (t.variants.length > 0 && t.variants.every((v) => v.stale.length > 0)) expect(t.defaultVariant, t.typeId).toBeNull();
    }
  });

  it('flags out-of-date references inside a variant’s own clauses', async () => {
    const m = await model();
    const stale = allTypes(m).flatMap((t) => t.variants.flatMap((v) => v.stale.map((s) => ({ t: t.typeId, v, s }))));
    expect(stale.length).toBeGreaterThan(10);
    const dpa = stale.find((x) => /Data Protection Act 1998/.test(x.s.label));
    expect(dpa?.s.replacedBy).toMatch(/UK GDPR|Data Protection Act 2018/);
    expect(dpa?.v.text).toMatch(/1998/);
    // The flagged words are in the wording offered, not elsewhere in that school's policy.
    for (const x of stale) {
      const longest = [...x.s.quote.matchAll(/[A-Za-z]{4,}/g)].map((w) => w[0]).sort((a, b) => b.length - a.length)[0] ?? '';
      expect(x.v.text.toLowerCase(), `${x.t} ${x.s.referenceId}`).toContain(longest.toLowerCase());
    }
  });

  it('flags core types no member covers and offers the corpus wording when there is one', async () => {
    const m = await model();
    const uncovered = allTypes(m).filter((t) => t.variants.length === 0);
    const core = uncovered.filter((t) => t.level === 'core');
    expect(core.map((t) => t.typeId)).toEqual(expect.arrayContaining(['sec-mfa', 'safe-nudes-semi-nudes', 'safe-prevent-extremism']));
    // Nobody mentions MFA; Prevent is touched on only inside rules that are mainly about something else.
    expect(type(m, 'sec-mfa').coveredElsewhere).toEqual([]);
    const prevent = type(m, 'safe-prevent-extremism').coveredElsewhere;
    expect(prevent.length).toBeGreaterThanOrEqual(2);
    expect(prevent.flatMap((c) => c.typeIds)).toContain('use-prohibited-content');
    expect(uncoveredTypes(m)).toEqual(uncovered.map((t) => t.typeId));
    // Optional types nobody covers are not listed at all.
    expect(uncovered.every((t) => t.level !== 'optional')).toBe(true);
  });

  it('a smaller group sees types the others cover as uncovered, with peers’ wording to start from', async () => {
    const { dataset, clauseTypes } = await seedCorpus();
    const { members } = await membersFor(['oakwood-primary']);
    const first = buildHarmonisation({ dataset, members, rules: await testRules() });
    const phishing = type(first, 'sec-phishing');
    expect(phishing.variants).toEqual([]);
    expect(phishing.suggestedWording).toMatch(/virus/);
    const ref = clauseTypes.find((c) => c.typeId === 'sec-phishing');
    const fromCorpus = buildHarmonisation({ dataset, members, rules: await testRules(), referenceWordings: new Map([['sec-phishing', referenceWording(ref ?? { wordings: [] }) ?? '']]) });
    expect(type(fromCorpus, 'sec-phishing').suggestedWording).toBe(ref?.wordings.find((w) => w.isReference)?.text);
  });
});

describe('harmonising a trust whose schools share a template', () => {
  it('groups the shared wording into one variant, most common and suggested, worded generically', async () => {
    const m = await model(['oakwood-primary', 'elmfield-primary', 'westbrook-primary'], true);
    const t = type(m, 'use-personal-use');
    expect(t.variants).toHaveLength(2);
    const [shared, other] = t.variants;
    expect(shared?.users.map((u) => u.name)).toEqual(['Elmfield Primary School', 'Oakwood Primary School']);
    expect(shared?.mostCommon).toBe(true);
    expect(t.defaultVariant).toBe(shared?.key);
    // The newest copy (Elmfield's 2021 reissue) supplies the text.
    expect(shared?.sourceSchoolId).toBe('elmfield-primary');
    expect(shared?.date).toBe('2021-03-03');
    expect(other?.mostRecent).toBe(true);
    expect(other?.users.map((u) => u.schoolId)).toEqual(['westbrook-primary']);
    // Wherever both copies cover a type, they are one variant.
    const both = allTypes(m).filter((x) => ['oakwood-primary', 'elmfield-primary'].every((id) => x.variants.some((v) => v.users.some((u) => u.schoolId === id))));
    expect(both.length).toBeGreaterThan(30);
    const apart = both.filter((x) => !x.variants.some((v) => v.users.length === 2 && v.users.every((u) => u.schoolId !== 'westbrook-primary')));
    expect(apart.map((x) => x.typeId)).toEqual([]);
  });
});
