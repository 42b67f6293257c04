import { describe, expect, it } from 'vitest';
import { applySide, diffStats, sentenceBlocks, wordDiff } from '../../../src/pipeline/analyse/diff/word-diff.ts';
import { genericiseSchoolName, normaliseWords } from '../../../src/pipeline/analyse/diff/normalise.ts';
import { decoyText, readSeed } from './fixtures.ts';

const oakwood = readSeed('oakwood');
const westbrook = readSeed('westbrook');

describe('wordDiff', () => {
  it('shows a changed word in a real clause as one deletion and one insertion', () => {
    const a = 'You should not use any school provided ICT equipment for personal purposes.';
    const b = 'You must not use any school provided ICT equipment for personal purposes, including social media.';
    const r = wordDiff(a, b);
    if (r.rewritten) throw new Error('unexpected rewrite');
    expect(r.ops).toEqual([
      { op: 'eq', text: 'You ' },
      { op: 'del', text: 'should' },
      { op: 'ins', text: 'must' },
      { op: 'eq', text: ' not use any school provided ICT equipment for personal purposes' },
      { op: 'ins', text: ', including social media' },
      { op: 'eq', text: '.' },
    ]);
    expect(applySide(r.ops, 'old')).toBe(a);
    expect(applySide(r.ops, 'new')).toBe(b);
  });

  it('folds whitespace between changed words into one phrase', () => {
    const r = wordDiff('Passwords must be changed every 90 days.', 'Passwords must be changed at least termly.');
    if (r.rewritten) throw new Error('unexpected rewrite');
    expect(r.ops.filter((o) => o.op !== 'eq')).toEqual([
      { op: 'del', text: 'every 90 days' },
      { op: 'ins', text: 'at least termly' },
    ]);
  });

  it('reports two different policies as a rewrite instead of diffing them', () => {
    const start = performance.now();
    expect(wordDiff(oakwood, westbrook)).toEqual({ rewritten: true });
    console.log(`wordDiff of two unrelated 20 kB seeds: ${(performance.now() - start).toFixed(1)} ms`);
  });

  it('diffs a whole policy in sentence blocks, with word detail only where it changed', () => {
    const edited = oakwood
      .replace('You should not use any school provided ICT equipment', 'You must not use any school provided ICT equipment')
      .replace('return to Ian', 'return to the school office');
    const r = wordDiff(oakwood, edited);
    if (r.rewritten) throw new Error('unexpected rewrite');
    expect(applySide(r.ops, 'old')).toBe(oakwood);
    expect(applySide(r.ops, 'new')).toBe(edited);
    expect(r.ops.filter((o) => o.op !== 'eq')).toEqual([
      { op: 'del', text: 'should' },
      { op: 'ins', text: 'must' },
      { op: 'del', text: 'Ian' },
      { op: 'ins', text: 'the school office' },
    ]);
    const stats = diffStats(r.ops);
    expect(stats.deletedChars).toBe('shouldIan'.length);
  });

  it('diffs the real 2016 and 2018 decoy policies (125 kB each) without giving up', async () => {
    const a = await decoyText(2016);
    const b = await decoyText(2018);
    const start = performance.now();
    const r = wordDiff(a, b);
    console.log(`wordDiff decoy 2016 → 2018: ${(performance.now() - start).toFixed(1)} ms`);
    if (r.rewritten) throw new Error('unexpected rewrite');
    expect(applySide(r.ops, 'old')).toBe(a);
    expect(applySide(r.ops, 'new')).toBe(b);
    expect(r.ops.some((o) => o.op === 'ins' && o.text.includes('CPOMS will be used to record'))).toBe(true);
    const stats = diffStats(r.ops);
    expect(stats.equalChars / (stats.equalChars + stats.deletedChars)).toBeGreaterThan(0.95);
  });

  it('sentence blocks join back to the text', () => {
    for (const text of [oakwood, westbrook, 'No full stop at the end', 'www.example.org. Next one!\n\n- bullet']) {
      expect(sentenceBlocks(text).join('')).toBe(text);
    }
  });
});

describe('normalisation', () => {
  it('replaces the school name, full or short, with "the school"', () => {
    expect(genericiseSchoolName('At Oakwood Primary School, we use a standard form.', 'Oakwood Primary School')).toBe(
      'At the school, we use a standard form.',
    );
    expect(genericiseSchoolName('interfere with Oakwood work', 'Oakwood Primary School')).toBe('interfere with the school work');
    expect(genericiseSchoolName('Hanson Policy for School Staff', 'Hanson School')).toBe('the school Policy for School Staff');
    expect(normaliseWords('  The  School’s   ICT, e-mail!  ')).toBe("the school's ict e mail");
  });
});
