import { describe, expect, it } from 'vitest';
import { detectStances, loadStanceDefs, stanceConflicts, StanceDefsError, type StanceFinding } from '../../../src/pipeline/analyse/stances/index.ts';
import { loadStances, readSeed, readYaml, seedClauses, SEEDS, type SeedName } from '../staleness/seed-helpers.ts';

const defs = loadStances();
const taxonomyIds = new Set((readYaml('content/taxonomy/types.yaml') as { types: { id: string }[] }).types.map((t) => t.id));

function stancesOf(name: SeedName): { text: string; found: Map<string, StanceFinding> } {
  const text = readSeed(name);
  return { text, found: new Map(detectStances(seedClauses(text), defs).map((s) => [s.dimensionId, s])) };
}
const seeds = Object.fromEntries((Object.keys(SEEDS) as SeedName[]).map((n) => [n, stancesOf(n)])) as Record<SeedName, ReturnType<typeof stancesOf>>;
const value = (name: SeedName, dimension: string) => seeds[name].found.get(dimension)?.valueId ?? null;

describe('content/stances.yaml', () => {
  it('defines the required dimensions, each tied to real taxonomy types', () => {
    expect(defs.dimensions.map((d) => d.id)).toEqual(['D1', 'D2', 'D3', 'D4', 'D5', 'D6', 'D7', 'D8', 'D9a', 'D9b', 'D10', 'D11', 'D13', 'D16', 'D18']);
    for (const d of defs.dimensions) for (const t of d.relatedTypes) expect(taxonomyIds.has(t), `${d.id} → ${t}`).toBe(true);
  });

  it('fails clearly, naming the dimension and value, when a cue is broken', () => {
    const bad = { version: '1', dimensions: [{ id: 'D1', title: 't', related_types: ['use-personal-use'], values: [{ id: 'a', label: 'a', description: 'a', cues: ['(oops'] }, { id: 'b', label: 'b', description: 'b', cues: ['ok'] }] }] };
    expect(() => loadStanceDefs(bad)).toThrow(StanceDefsError);
    expect(() => loadStanceDefs(bad)).toThrow(/stances\.yaml\.dimensions\[0\] \(D1\)\.values\[0\] \(a\)\.cues\[0\]: pattern "\(oops" not a valid regular expression/u);
  });
});

describe('detectStances on the seeds, against the quotes in the research brief §4', () => {
  it('D1 personal use: Oakwood forbidden, Hanson limited in own time, Westbrook reasonable, Our Lady only with permission', () => {
    expect(seeds.oakwood.found.get('D1')?.evidence.quote).toBe('You should not use any school provided ICT equipment for personal purposes.');
    expect(value('oakwood', 'D1')).toBe('forbidden');
    expect(value('hanson', 'D1')).toBe('own-time');
    expect(seeds.hanson.found.get('D1')?.matched).toMatch(/^personal use .* during their \*\*own\*\* time$/u);
    expect(value('westbrook', 'D1')).toBe('reasonable');
    expect(value('ourLady', 'D1')).toBe('with-permission');
    expect(seeds.ourLady.found.get('D1')?.alsoSeen.map((a) => a.valueId)).toEqual(['reasonable']);
    expect(value('westCoventry', 'D1')).toBeNull();
  });

  it('D2 email: Westbrook none, West Coventry minimal, Hanson limited; silent elsewhere', () => {
    expect(value('westbrook', 'D2')).toBe('none');
    expect(seeds.westbrook.found.get('D2')?.evidence.quote).toBe('Where email is provided, it is for academic and professional use, with no personal use being permitted.');
    expect(value('westCoventry', 'D2')).toBe('minimal');
    expect(value('hanson', 'D2')).toBe('limited');
    expect(value('oakwood', 'D2')).toBeNull();
  });

  it('D9a: West Coventry termly change, Westbrook regular change', () => {
    expect(value('westCoventry', 'D9a')).toBe('fixed-interval');
    expect(seeds.westCoventry.found.get('D9a')?.evidence.quote).toBe('You are required to change your password every term in accordance with the login prompts.');
    expect(value('westbrook', 'D9a')).toBe('regular');
    expect(value('hanson', 'D9a')).toBeNull();
  });

  it('D10 monitoring: Hanson RIPA, Westbrook data protection framing, West Coventry and Our Lady no privacy, Oakwood plain notice', () => {
    expect(value('hanson', 'D10')).toBe('ripa');
    expect(seeds.hanson.found.get('D10')?.evidence.quote).toMatch(/^Under the Regulation of Investigatory Powers Act 2000 \(RIPA\), the School can exercise the right to monitor/u);
    expect(value('westbrook', 'D10')).toBe('data-protection-framing');
    expect(value('westCoventry', 'D10')).toBe('no-privacy-consent');
    expect(value('ourLady', 'D10')).toBe('no-privacy-consent');
    expect(value('oakwood', 'D10')).toBe('simple-notice');
  });

  it('the other dimensions match the brief', () => {
    const table: Record<string, Partial<Record<SeedName, string | null>>> = {
      D3: { oakwood: 'banned-in-working-time', ourLady: 'own-devices-outside-sessions', hanson: 'not-on-school-systems', westCoventry: 'not-on-school-systems', westbrook: 'not-on-school-systems' },
      D4: { westbrook: 'not-when-with-children', hanson: 'outside-contracted-hours', ourLady: 'switched-off-locked-away', westCoventry: null },
      D5: { westbrook: 'banned', westCoventry: 'with-approval', ourLady: 'rules-apply', oakwood: 'rules-apply' },
      D6: { oakwood: 'school-supplied-only', ourLady: 'encrypted-for-personal-data', westbrook: 'encrypted-only', westCoventry: 'encrypted-no-unknown' },
      D7: { oakwood: 'pupils-and-families-never', ourLady: 'pupils-or-parents-unless-known', westbrook: 'pupils-only', westCoventry: 'pupils-and-former-pupils' },
      D8: { oakwood: 'never-reference-school', westCoventry: 'disclaimer-required', ourLady: 'disclaimer-but-omit-name' },
      D9b: { hanson: 'never', westbrook: 'admin-support-exception', ourLady: 'cover-teacher-exception', westCoventry: 'manager-investigation-exception' },
      D11: { westbrook: 'first-name-only', ourLady: 'no-names' },
      D13: { oakwood: 'condition-of-employment', westCoventry: 'non-contractual', westbrook: null },
      D16: { oakwood: 'no-rights', westbrook: 'head-permission', hanson: 'technician-authorised', westCoventry: 'network-only', ourLady: 'permission-unspecified' },
      D18: { westCoventry: 'annual', oakwood: 'two-yearly', westbrook: 'three-yearly', ourLady: null },
    };
    for (const [dimension, expected] of Object.entries(table)) {
      for (const [seed, v] of Object.entries(expected)) expect(value(seed as SeedName, dimension), `${seed} ${dimension}`).toBe(v);
    }
  });

  it('quotes every stance verbatim with offsets into the document, inside its clause', () => {
    for (const name of Object.keys(SEEDS) as SeedName[]) {
      const { text, found } = seeds[name];
      const clauses = new Map(seedClauses(text).map((c) => [c.id, c]));
      for (const s of found.values()) {
        expect(text.slice(s.evidence.start, s.evidence.end)).toBe(s.evidence.quote);
        const clause = clauses.get(s.evidence.clauseId);
        expect(clause !== undefined && clause.start <= s.evidence.start && s.evidence.end <= clause.end).toBe(true);
        expect(s.evidence.quote).toContain(s.matched);
        expect(s.value).toBe(s.valueId);
      }
    }
  });

  it('reports the list lead-in a stance relied on', () => {
    const d3 = seeds.westbrook.found.get('D3');
    expect(d3?.evidence.quote).toBe('engaging in online chat rooms, instant messaging, social networking sites and online gambling;');
    expect(d3?.leadIn).toMatch(/will amount to gross misconduct \(this list is not exhaustive\):$/u);
  });

  it('prefers evidence from clauses labelled with a related type when the cue and value tie', () => {
    const text = readSeed('westCoventry');
    const clauses = seedClauses(text);
    const d10 = (labels?: Map<string, string[]>) => detectStances(clauses, labels, defs).find((s) => s.dimensionId === 'D10');
    const unlabelled = d10();
    const consentClause = clauses.find((c) => c.text.includes('you consent to such monitoring'));
    expect(unlabelled?.evidence.clauseId).not.toBe(consentClause?.id);
    const labelled = d10(new Map([[consentClause!.id, ['comp-privacy-expectation']]]));
    expect(labelled?.valueId).toBe('no-privacy-consent');
    expect(labelled?.evidence.clauseId).toBe(consentClause?.id);
  });

  it('says nothing when the policy is silent', () => {
    expect(detectStances([{ id: 'c0001', text: 'This policy applies to all staff.', start: 0, end: 33 }], defs)).toEqual([]);
  });
});

describe('stanceConflicts', () => {
  const policies = (Object.keys(SEEDS) as SeedName[]).map((n) => ({ policyId: n, stances: [...seeds[n].found.values()] }));
  const conflicts = stanceConflicts(policies, defs);

  it('lists per dimension the distinct values with the policies holding each', () => {
    const d1 = conflicts.find((c) => c.dimensionId === 'D1');
    expect(d1?.values).toEqual([
      { valueId: 'with-permission', valueLabel: 'Only with permission', policyIds: ['ourLady'] },
      { valueId: 'own-time', valueLabel: 'Limited, in own time only', policyIds: ['hanson'] },
      { valueId: 'reasonable', valueLabel: 'Reasonable or limited personal use allowed', policyIds: ['westbrook'] },
      { valueId: 'forbidden', valueLabel: 'No personal use', policyIds: ['oakwood'] },
    ]);
    const d3 = conflicts.find((c) => c.dimensionId === 'D3');
    expect(d3?.values.find((v) => v.valueId === 'not-on-school-systems')?.policyIds).toEqual(['hanson', 'westCoventry', 'westbrook']);
  });

  it('keeps only dimensions with at least two values, in the YAML order', () => {
    expect(conflicts.every((c) => c.values.length >= 2)).toBe(true);
    expect(conflicts.map((c) => c.dimensionId)).toEqual(['D1', 'D2', 'D3', 'D4', 'D5', 'D6', 'D7', 'D8', 'D9a', 'D9b', 'D10', 'D11', 'D13', 'D16', 'D18']);
    const single = stanceConflicts([policies[0]!, { policyId: 'copy', stances: policies[0]!.stances }], defs);
    expect(single).toEqual([]);
  });
});
