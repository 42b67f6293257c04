import { describe, expect, it } from 'vitest';
import { LiteralScreen, requiredLiterals } from '../../../src/pipeline/structure/required-literals.ts';
import { splitSentences } from '../../../src/pipeline/analyse/stances/detect.ts';
import { loadContentTaxonomy } from '../../../scripts/dev-score.ts';
import { loadRefs, loadStances, readFixture, readSeed, SEEDS, type SeedName } from '../staleness/seed-helpers.ts';

describe('requiredLiterals', () => {
  it('reads the words a match cannot do without', () => {
    expect(requiredLiterals('\\b(?:will|shall|to|should|must)\\s+be\\s+reviewed\\b', 'i')).toEqual([['reviewed']]);
    expect(requiredLiterals('\\bchang(?:e|es|ed)\\s+passwords?', 'i', 1)).toEqual([['password']]);
    expect(requiredLiterals('\\b(?:school|work)\\s+e-?mail\\b', 'i')).toEqual([['mail'], ['school', 'work']]);
    expect(requiredLiterals('\\bSocial Media\\b', 'i')).toEqual([['social media']]);
  });

  it('requires nothing it cannot be sure of', () => {
    expect(requiredLiterals('\\b(?:password)?\\s*reset', 'i')).toEqual([['reset']]);
    expect(requiredLiterals('(?:policy|\\w+)\\s+act', 'i')).toEqual([['act']]);
    expect(requiredLiterals('(?!not\\s)allowed', 'i')).toEqual([['allowed']]);
    expect(requiredLiterals('[abc]+d', 'i')).toEqual([]);
    expect(requiredLiterals('\\p{L}+ing', 'iu')).toEqual([]);
    expect(requiredLiterals('(?<word>abc)\\k<word>', 'i')).toEqual([]);
    expect(requiredLiterals('[a-z]', 'iv')).toEqual([]);
  });
});

describe('LiteralScreen', () => {
  it('says which filters may match, folding ASCII case only', () => {
    const screen = new LiteralScreen([[['password']], [['school', 'work'], ['mail']], []]);
    screen.scan('Change your PASSWORD often.');
    expect([0, 1, 2].map((i) => screen.passes(i))).toEqual([true, false, true]);
    screen.scan('Use your Work e-mail.');
    expect([0, 1, 2].map((i) => screen.passes(i))).toEqual([false, true, true]);
    // KELVIN SIGN is not "k" to a pattern without the Unicode flag.
    const k = new LiteralScreen([[['kit']]]);
    k.scan('\u212Ait');
    expect(k.passes(0)).toBe(false);
  });

  // Exactness on real text: a pattern that matches is never ruled out (the filter only ever skips hopeless work).
  it('never rules out a pattern that matches, on every fixture sentence and every content pattern', () => {
    const taxonomy = loadContentTaxonomy();
    const stances = loadStances();
    const refs = loadRefs();
    const sources = [
      ...taxonomy.types.flatMap((t) => [...t.textCues, ...t.headingCues].map((c) => c.source)),
      ...stances.dimensions.flatMap((d) => [d.subject, d.exclude, ...d.values.flatMap((v) => v.cues.flatMap((c) => [c.re, c.leadIn]))]).flatMap((re) => (re ? [re.source] : [])),
      ...refs.entries.flatMap((e) => e.patterns),
    ];
    const patterns = sources.map((s) => new RegExp(s, 'i'));
    const screen = new LiteralScreen(sources.map((s) => requiredLiterals(s, 'i')));
    const documents = [
      ...(Object.keys(SEEDS) as SeedName[]).map((n) => readSeed(n)),
      readFixture('extra/lexden-montessori-staff-internet-access-2010.txt'),
      readFixture('extra/london-clc-community-users-aup-2017.txt'),
    ];
    let matched = 0;
    for (const text of documents)
      for (const s of splitSentences(text)) {
        const sentence = text.slice(s.start, s.end);
        screen.scan(sentence);
        patterns.forEach((re, i) => {
          if (!re.test(sentence)) return;
          matched += 1;
          expect(screen.passes(i), `${sources[i]} on "${sentence}"`).toBe(true);
        });
      }
    expect(sources.length).toBeGreaterThan(500);
    expect(matched).toBeGreaterThan(1000);
  });
});
