import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'yaml';
import { loadTaxonomy, resolveTypeId, TaxonomyError } from '../../../src/pipeline/taxonomy/index.ts';
import { loadContentTaxonomy } from '../../../scripts/dev-score.ts';

const typesYaml = (): Record<string, unknown> & { types: Record<string, unknown>[] } =>
  parse(readFileSync('content/taxonomy/types.yaml', 'utf8')) as Record<string, unknown> & { types: Record<string, unknown>[] };
const cueFiles = (): unknown[] =>
  readdirSync('content/taxonomy/cues')
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => parse(readFileSync(`content/taxonomy/cues/${f}`, 'utf8')) as unknown);

describe('taxonomy content', () => {
  const taxonomy = loadContentTaxonomy();

  it('has 11 categories and 70 types with unique stable ids, version "1"', () => {
    expect(taxonomy.version).toBe('1');
    expect(taxonomy.categories).toHaveLength(11);
    expect(taxonomy.types).toHaveLength(70);
    expect(new Set(taxonomy.types.map((t) => t.id)).size).toBe(70);
    expect(taxonomy.types[0]?.id).toBe('gov-purpose-scope');
    expect(taxonomy.types.at(-1)?.id).toBe('comp-sanctions');
  });

  it('keeps level, level note and expected-since from the research brief', () => {
    const mfa = taxonomy.types.find((t) => t.id === 'sec-mfa');
    expect(mfa).toMatchObject({ level: 'core', expectedSince: 2022, category: 'security' });
    expect(taxonomy.types.find((t) => t.id === 'soc-employer-identification')?.level).toBe('optional');
    expect(taxonomy.types.filter((t) => t.expectedSince !== null).map((t) => t.id)).toContain('safe-generative-ai');
  });

  it('gives every type text cues and compiles them', () => {
    for (const t of taxonomy.types) expect(t.textCues.length, t.id).toBeGreaterThan(0);
  });

  it('resolves ids and follows aliases', () => {
    expect(resolveTypeId(taxonomy, 'sec-passwords')).toBe('sec-passwords');
    expect(resolveTypeId(taxonomy, 'no-such-type')).toBeNull();
    expect(resolveTypeId(taxonomy, 'constructor')).toBeNull();
    const types = typesYaml();
    const target = types.types.find((t) => t['id'] === 'sec-passwords');
    if (target) target['aliases'] = ['sec-password-rules'];
    const withAlias = loadTaxonomy(types, cueFiles());
    expect(resolveTypeId(withAlias, 'sec-password-rules')).toBe('sec-passwords');
  });

  it('merges guidance when given and accepts its absence per type', () => {
    const guidance = {
      version: '1',
      types: { 'sec-mfa': { why_it_matters: 'Stolen passwords are the commonest way in.', what_to_ask: 'Is MFA on for staff email?' } },
    };
    const t = loadTaxonomy(typesYaml(), cueFiles(), guidance);
    expect(t.types.find((x) => x.id === 'sec-mfa')?.guidance?.what_to_ask).toMatch(/MFA/);
    expect(t.types.find((x) => x.id === 'sec-passwords')?.guidance).toBeNull();
  });
});

describe('taxonomy validation names the bad entry', () => {
  it('rejects an unknown level on a named type', () => {
    const types = typesYaml();
    const t = types.types.find((x) => x['id'] === 'sec-mfa');
    if (t) t['level'] = 'mandatory';
    expect(() => loadTaxonomy(types, cueFiles())).toThrow(/types\[17\] \(sec-mfa\)\.level/);
  });

  it('rejects an invalid regular expression, naming type and cue', () => {
    const bad = { version: '1', types: { 'sec-mfa': { text: [{ w: 0.8, re: '\\b(unclosed' }] } } };
    const others = cueFiles().map((f) => {
      const file = f as { version: string; types: Record<string, unknown> };
      return { ...file, types: Object.fromEntries(Object.entries(file.types).filter(([id]) => id !== 'sec-mfa')) };
    });
    expect(() => loadTaxonomy(typesYaml(), [...others, bad])).toThrow(TaxonomyError);
    expect(() => loadTaxonomy(typesYaml(), [...others, bad])).toThrow(/sec-mfa\.text\[0\]/);
  });

  it('rejects cues for a type that does not exist and a cue with two sources', () => {
    expect(() => loadTaxonomy(typesYaml(), { version: '1', types: { 'sec-passwordz': { text: [] } } })).toThrow(/unknown type "sec-passwordz"/);
    expect(() =>
      loadTaxonomy(typesYaml(), { version: '1', types: { 'sec-mfa': { text: [{ w: 0.5, re: 'mfa', phrase: 'mfa' }] } } }),
    ).toThrow(/exactly one of "phrase" or "re"/);
  });

  it('rejects guidance for an unknown type', () => {
    const guidance = { version: '1', types: { 'sec-mfx': { why_it_matters: 'x', what_to_ask: 'y' } } };
    expect(() => loadTaxonomy(typesYaml(), cueFiles(), guidance)).toThrow(/guidance for unknown type "sec-mfx"/);
  });
});
