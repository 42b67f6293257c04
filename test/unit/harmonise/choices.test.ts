import { describe, expect, it } from 'vitest';
import { allTypes, buildHarmonisation, type HarmonisationModel, type TypeEntry } from '../../../src/pipeline/harmonise/model.ts';
import { choicesStorageKey, emptyChoices, outstanding, resolveChoice, stanceMismatches, startingText } from '../../../src/pipeline/harmonise/choices.ts';
import { parseChoices, parseChoicesText } from '../../../src/pipeline/harmonise/choices-schema.ts';
import { stanceWording } from '../../../src/pipeline/harmonise/stance-wordings.ts';
import { membersFor, seedCorpus, testRules } from './corpus.ts';

const ALL = ['hanson-school', 'oakwood-primary', 'our-lady-of-peace', 'west-coventry-academy', 'westbrook-primary'];

async function model(): Promise<HarmonisationModel> {
  const { dataset } = await seedCorpus();
  const { members } = await membersFor();
  return buildHarmonisation({ dataset, members, rules: await testRules() });
}
const type = (m: HarmonisationModel, id: string): TypeEntry => {
  const t = allTypes(m).find((x) => x.typeId === id);
  if (!t) throw new Error(`no ${id}`);
  return t;
};

describe('the lead’s choices', () => {
  it('are keyed by the member set, in any order', () => {
    expect(choicesStorageKey(['westbrook-primary', 'hanson-school'])).toBe(choicesStorageKey(['hanson-school', 'westbrook-primary', 'hanson-school']));
    expect(emptyChoices(['b', 'a']).members).toEqual(['a', 'b']);
  });

  it('resolve to the suggestion, a chosen variant, the lead’s text or nothing', async () => {
    const m = await model();
    const t = type(m, 'use-personal-use');
    const c = emptyChoices(ALL);
    const def = resolveChoice(m, t, c);
    expect(def.action === 'variant' && def.isDefault && def.variant.key === t.defaultVariant).toBe(true);
    const other = t.variants.find((v) => v.key !== t.defaultVariant);
    c.types[t.typeId] = { action: 'variant', variant: other?.key ?? null, text: null };
    const chosen = resolveChoice(m, t, c);
    expect(chosen.action === 'variant' && !chosen.isDefault && chosen.variant.key === other?.key).toBe(true);
    c.types[t.typeId] = { action: 'edit', variant: other?.key ?? null, text: 'Staff may use school equipment for personal purposes in their own time.' };
    expect(resolveChoice(m, t, c)).toMatchObject({ action: 'edit', basedOn: { key: other?.key } });
    expect(startingText(m, t, c)).toBe('Staff may use school equipment for personal purposes in their own time.');
    c.types[t.typeId] = { action: 'exclude', variant: null, text: null };
    expect(resolveChoice(m, t, c)).toEqual({ action: 'exclude' });
    // A saved variant that no longer exists (the data changed) falls back to the suggestion.
    c.types[t.typeId] = { action: 'variant', variant: 'gone#c0001', text: null };
    expect(resolveChoice(m, t, c)).toMatchObject({ action: 'variant', isDefault: true });
    // A core type nobody covers contributes nothing until the lead adds it.
    expect(resolveChoice(m, type(m, 'sec-mfa'), c)).toEqual({ action: 'none' });
  });

  it('follow a decision: the suggestion becomes a wording that agrees, a chosen contradicting one is flagged', async () => {
    const m = await model();
    const c = emptyChoices(ALL);
    const before = outstanding(m, c);
    expect(before.conflicts.map((x) => x.dimensionId)).toContain('D1');
    expect(before.uncoveredCore.map((x) => x.typeId)).toEqual(expect.arrayContaining(['sec-mfa', 'safe-nudes-semi-nudes']));
    const t = type(m, 'use-personal-use');
    // The suggestion before deciding (Westbrook's, most recent) allows reasonable personal use.
    expect(resolveChoice(m, t, c)).toMatchObject({ action: 'variant', variant: { sourceSchoolId: 'westbrook-primary' } });
    c.stances.D1 = 'own-time';
    expect(outstanding(m, c).conflicts.map((x) => x.dimensionId)).not.toContain('D1');
    // Hanson's says own time, but also "limited" personal email, which no decision covers: it is the suggestion now.
    const now = resolveChoice(m, t, c);
    expect(now.action === 'variant' && now.variant.sourceSchoolId).toBe('hanson-school');
    expect(stanceMismatches(m, c).filter((x) => x.dimensionId === 'D1')).toEqual([]);
    // Choosing Westbrook's wording anyway is allowed, and flagged.
    const westbrook = t.variants.find((v) => v.sourceSchoolId === 'westbrook-primary');
    c.types['use-personal-use'] = { action: 'variant', variant: westbrook?.key ?? null, text: null };
    expect(stanceMismatches(m, c).filter((x) => x.dimensionId === 'D1')).toMatchObject([
      { typeId: 'use-personal-use', decided: 'own-time', decidedLabel: 'Limited, in own time only', wordingLabel: 'Reasonable or limited personal use allowed' },
    ]);
    c.types['sec-mfa'] = { action: 'edit', variant: null, text: 'Staff must use multi-factor authentication for email and the MIS.' };
    expect(outstanding(m, c).uncoveredCore.map((x) => x.typeId)).not.toContain('sec-mfa');
  });

  it('with no agreeing member wording, suggest one brought in line, with the plain-English wording of the position', async () => {
    const m = await model();
    // Every position asked here that no current member wording takes.
    const cases = allTypes(m).flatMap((t) =>
      t.stances.flatMap((q) =>
        q.options
          .filter((o) => !t.variants.some((v) => v.stale.length === 0 && v.stances.some((s) => s.dimensionId === q.dimensionId && s.value === o.value)))
          .map((o) => ({ t, dim: q.dimensionId, value: o.value, description: o.description })),
      ),
    );
    expect(cases.length).toBeGreaterThan(5);
    let worded = 0;
    for (const x of cases) {
      const c = emptyChoices(ALL);
      c.stances[x.dim] = x.value;
      const r = resolveChoice(m, x.t, c);
      expect(['suggested', 'none'], `${x.dim}=${x.value}`).toContain(r.action);
      const wording = stanceWording(x.dim, x.value, x.description);
      if (r.action === 'suggested' && wording && m.rules.outdated(wording).length === 0) {
        expect(r.blocks.map((b) => b.text), `${x.dim}=${x.value}`).toContain(wording);
        worded++;
      }
      expect(stanceMismatches(m, c).filter((s) => s.dimensionId === x.dim), `${x.dim}=${x.value}`).toEqual([]);
    }
    expect(worded).toBeGreaterThan(3);
  });
});

describe('saved choices files', () => {
  it('round-trip', () => {
    const c = emptyChoices(ALL);
    c.title = 'Solent Learning Trust: staff acceptable use policy';
    c.types['use-personal-use'] = { action: 'edit', variant: 'x#c1', text: 'Own time only.' };
    c.stances.D1 = 'own-time';
    expect(parseChoicesText(JSON.stringify(c))).toEqual({ ok: true, choices: c });
  });

  it('explain in plain words what is wrong with a bad file', () => {
    const notJson = parseChoicesText('{"format": ');
    expect(notJson.ok).toBe(false);
    expect(!notJson.ok && notJson.message).toMatch(/not valid JSON/);
    const other = parseChoicesText(JSON.stringify({ schemaVersion: 1, policies: [] }));
    expect(!other.ok && other.message).toMatch(/not a saved draft from Policy Atlas/);
    const damaged = parseChoices({ ...emptyChoices(ALL), types: { 'use-personal-use': { action: 'rewrite', variant: null, text: null } } });
    expect(!damaged.ok && damaged.message).toMatch(/damaged or from an incompatible version at "types\.use-personal-use\.action"/);
    const noMembers = parseChoices({ ...emptyChoices(ALL), members: [] });
    expect(noMembers.ok).toBe(false);
  });
});
