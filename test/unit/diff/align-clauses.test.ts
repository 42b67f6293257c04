import { describe, expect, it } from 'vitest';
import { alignClauses, alignmentCounts } from '../../../src/pipeline/analyse/diff/align-clauses.ts';
import type { Clause } from '../../../src/pipeline/types.ts';
import { clausesFromText, readSeed, SEEDS } from './fixtures.ts';

const oakwoodText = readSeed('oakwood');
const oakwood = clausesFromText(oakwoodText);

function find(clauses: readonly Clause[], fragment: string): Clause {
  const c = clauses.find((x) => x.text.includes(fragment));
  if (!c) throw new Error(`no clause with "${fragment}"`);
  return c;
}

describe('alignClauses', () => {
  it('builds clauses with exact offsets from the seed', () => {
    expect(oakwood.length).toBeGreaterThan(150);
    for (const c of oakwood) expect(oakwoodText.slice(c.start, c.end)).toBe(c.text);
  });

  it('aligns a seed with itself as all same', () => {
    const rows = alignClauses(oakwood, oakwood);
    expect(rows).toHaveLength(oakwood.length);
    expect(rows.every((r) => r.change === 'same' && r.similarity === 1 && r.a === r.b && !r.moved)).toBe(true);
  });

  it('finds the changed, removed, added and moved clauses of a perturbed copy', () => {
    const changedFrom = 'You should not use any school provided ICT equipment for personal purposes.';
    const removedText = find(oakwood, 'take place at the expense of contractual hours').text;
    const movedText = find(oakwood, 'You have a duty to whistleblow any suspected misuse').text;
    const edited = oakwoodText
      .replace(changedFrom, 'You must not use any school provided ICT equipment for personal purposes, including social media.')
      .replace(`- ${removedText}\n`, '')
      .replace(`${movedText}\n`, '')
      .replace('Installation of Software\n', `Installation of Software\n\nYou must use multi-factor authentication for all school accounts.\n\n${movedText}\n`);
    const rows = alignClauses(oakwood, clausesFromText(edited));
    const counts = alignmentCounts(rows);
    expect(counts).toMatchObject({ changed: 1, removed: 1, added: 1, moved: 1 });
    expect(counts.same).toBe(oakwood.length - 2);

    const changed = rows.find((r) => r.change === 'changed');
    expect(changed?.a?.text).toBe(changedFrom);
    expect(changed?.similarity).toBeGreaterThan(0.7);
    expect(changed?.diff).toMatchObject({ rewritten: false });
    if (changed?.diff && !changed.diff.rewritten) {
      expect(changed.diff.ops.filter((o) => o.op !== 'eq').map((o) => `${o.op}:${o.text}`)).toEqual([
        'del:should',
        'ins:must',
        'ins:, including social media',
      ]);
    }
    expect(rows.find((r) => r.change === 'removed')?.a?.text).toBe(removedText);
    expect(rows.find((r) => r.change === 'added')?.b?.text).toBe('You must use multi-factor authentication for all school accounts.');
    expect(rows.find((r) => r.moved)?.b?.text).toBe(movedText);
    // The removed clause sits where it was: right after the clause that preceded it in the old text.
    const removedAt = rows.findIndex((r) => r.change === 'removed');
    expect(rows[removedAt - 1]?.a?.text).toBe('In addition, you should not make use of school owned equipment for activities which:');
  });

  it('matches reworded clauses between two different policies only when they are similar', () => {
    const westbrook = clausesFromText(readSeed('westbrook'));
    const rows = alignClauses(oakwood, westbrook);
    const pairs = rows.filter((r) => r.change === 'changed' || r.change === 'same');
    // Different schools, different templates: few clauses pair up, and each pair is genuinely similar.
    expect(pairs.length).toBeLessThan(oakwood.length / 4);
    expect(pairs.every((r) => r.similarity >= 0.5)).toBe(true);
    expect(rows.filter((r) => r.a).length).toBe(oakwood.length);
    expect(rows.filter((r) => r.b).length).toBe(westbrook.length);
  });

  it('aligns two 300-clause documents quickly', () => {
    const big = (Object.keys(SEEDS) as (keyof typeof SEEDS)[]).flatMap((k) => clausesFromText(readSeed(k))).slice(0, 300);
    const shuffled = big.map((c, i) => (i % 7 === 0 ? { ...c, text: `${c.text} This has been updated.` } : c)).reverse();
    const start = performance.now();
    const rows = alignClauses(big, shuffled);
    console.log(`alignClauses 300 × 300 clauses: ${(performance.now() - start).toFixed(1)} ms`);
    expect(rows.filter((r) => r.a).length).toBe(300);
    expect(rows.filter((r) => r.change === 'changed').length).toBeGreaterThanOrEqual(40);
    expect(rows.filter((r) => r.change === 'added' || r.change === 'removed').length).toBeLessThan(10);
  });
});
