import { describe, expect, it } from 'vitest';
import { dualOf, dualRegExp, fastSafe, patternScreen, screenText } from '../../../src/pipeline/structure/fast-regex.ts';
import { findOutdatedReferences } from '../../../src/pipeline/analyse/staleness/index.ts';
import { detectStances } from '../../../src/pipeline/analyse/stances/index.ts';
import { loadRefs, loadStances, readFixture, readSeed, seedClauses, SEEDS, type SeedName } from '../staleness/seed-helpers.ts';

const refs = loadRefs();
const stances = loadStances();
const texts: [string, string][] = [
  ...(Object.keys(SEEDS) as SeedName[]).map((n): [string, string] => [n, readSeed(n)]),
  ['lexden', readFixture('extra/lexden-montessori-staff-internet-access-2010.txt')],
  ['london-clc', readFixture('extra/london-clc-community-users-aup-2017.txt')],
  ['minuteman', readFixture('extra/minuteman-internet-social-media-agreement-2015.md')],
];

const referencePatterns = refs.entries.flatMap((e) => e.patterns.map((source) => ({ source, flags: e.match_case ? 'u' : 'iu' })));
const stanceRegExps = stances.dimensions.flatMap((d) => [
  ...(d.subject ? [d.subject] : []),
  ...(d.exclude ? [d.exclude] : []),
  ...d.values.flatMap((v) => v.cues.flatMap((c) => (c.leadIn ? [c.re, c.leadIn] : [c.re]))),
]);

const matches = (re: RegExp, text: string): string[] =>
  [...text.matchAll(new RegExp(re.source, re.flags.includes('g') ? re.flags : `g${re.flags}`))].map((m) => `${m.index}:${m[0]}`);

describe('fast twins of Unicode patterns', () => {
  it('the real fixtures are all fast-safe, and text with ſ, K or an emoji is not', () => {
    for (const [name, text] of texts) expect(fastSafe(text), name).toBe(true);
    expect(fastSafe('Pa\u017Fsword')).toBe(false);
    expect(fastSafe('5 \u212Aelvin')).toBe(false);
    expect(fastSafe('Be kind online 😀')).toBe(false);
    // Why: Unicode case folding maps those onto ASCII letters, which a pattern without `u` does not.
    expect(/kelvin/iu.test('\u212Aelvin')).toBe(true);
    expect(/kelvin/i.test('\u212Aelvin')).toBe(false);
  });

  it('gives exactly the matches of the original for every reference pattern and stance cue on every fixture', () => {
    let twins = 0;
    const all = [...referencePatterns.map((p) => dualRegExp(p.source, `g${p.flags}`)), ...stanceRegExps.map(dualOf)];
    for (const dual of all) {
      if (dual.fast !== dual.full) twins += 1;
      for (const [, text] of texts) expect(matches(dual.fast, text)).toEqual(matches(dual.full, text));
    }
    // Nearly every pattern is plain ASCII and gets the fast twin (the rest keep their Unicode flags).
    expect(twins / all.length).toBeGreaterThan(0.9);
  });

  it('keeps the Unicode flags for patterns whose meaning could change without them', () => {
    for (const source of [String.raw`\p{Lu}\w+`, String.raw`caf\u{e9}`, 'café', '[ -–]x', 'naïve']) {
      const dual = dualRegExp(source, 'iu');
      expect(dual.fast, source).toBe(dual.full);
    }
    expect(dualRegExp(String.raw`[’'“”]s\b`, 'iu').fast.flags).toBe('i');
  });
});

describe('pattern screens', () => {
  it('report exactly the reference patterns that match somewhere, on every fixture', () => {
    for (const flags of ['iu', 'u']) {
      const sources = referencePatterns.filter((p) => p.flags === flags).map((p) => p.source);
      const screen = patternScreen(sources, flags);
      expect(screen).not.toBeNull();
      for (const [name, text] of texts) {
        const expected = sources.flatMap((s, i) => (new RegExp(s, flags).test(text) ? [i] : []));
        expect([...screenText(screen!, text)].sort((a, b) => a - b), `${name} ${flags}`).toEqual(expected);
      }
    }
  });

  it('find a pattern that only matches where an earlier one already matched, and ones that cannot be joined', () => {
    const sources = [String.raw`\bData\s+Protection\s+Act\b`, String.raw`\bData\s+Protection\s+Act\s+1998\b`, String.raw`(\w)\1`, null];
    const screen = patternScreen(sources, 'iu')!;
    const text = readSeed('westbrook');
    const found = screenText(screen, text);
    expect(found.has(0)).toBe(/\bData\s+Protection\s+Act\b/iu.test(text));
    expect(found.has(1)).toBe(/\bData\s+Protection\s+Act\s+1998\b/iu.test(text));
    // Back-references cannot be joined and members with no pattern are reported for the caller to decide.
    expect(found.has(2)).toBe(true);
    expect(found.has(3)).toBe(true);
  });
});

describe('the analyses give the same answers on text that needs the Unicode patterns', () => {
  it('outdated references and stances are unchanged by an emoji and a Kelvin sign after the policy', () => {
    for (const name of Object.keys(SEEDS) as SeedName[]) {
      const text = readSeed(name);
      const marked = `${text}\n\u212A 😀\n`;
      expect(fastSafe(marked)).toBe(false);
      const strip = (hits: ReturnType<typeof findOutdatedReferences>) => hits.map((h) => [h.entryId, h.match, h.count, h.historical]);
      expect(strip(findOutdatedReferences(marked, refs)), name).toEqual(strip(findOutdatedReferences(text, refs)));

      const clauses = seedClauses(text);
      const markedClauses = clauses.map((c) => ({ ...c, text: `\u212A ${c.text}` }));
      const key = (found: ReturnType<typeof detectStances>) => found.map((s) => [s.dimensionId, s.valueId, s.evidence.clauseId, s.matched]);
      expect(key(detectStances(markedClauses, stances)), name).toEqual(key(detectStances(clauses, stances)));
    }
  });
});
