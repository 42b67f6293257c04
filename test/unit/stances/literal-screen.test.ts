/**
 * Stance cues and out-of-date reference patterns are screened with the literal screen classification uses
 * (structure/required-literals.ts): a pattern whose required words are missing is not run. The screen must only
 * ever rule out patterns that cannot match, on every clause of every real fixture document.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../../src/pipeline/run/read.ts';
import { cuesThatMayMatch } from '../../../src/pipeline/analyse/stances/detect.ts';
import { findOutdatedReferences } from '../../../src/pipeline/analyse/staleness/outdated-references.ts';
import { fastSafe } from '../../../src/pipeline/structure/fast-regex.ts';
import type { PolicyDocument } from '../../../src/pipeline/types.ts';
import { loadRefs, loadStances } from '../staleness/seed-helpers.ts';

const FIXTURES = join(import.meta.dirname, '../../fixtures');
const defs = loadStances();
const refs = loadRefs();

async function documents(): Promise<{ name: string; doc: PolicyDocument }[]> {
  const out: { name: string; doc: PolicyDocument }[] = [];
  for (const dir of ['seeds', 'extra']) {
    for (const name of readdirSync(join(FIXTURES, dir)).sort()) {
      out.push({ name: `${dir}/${name}`, doc: await readDocument(new Uint8Array(readFileSync(join(FIXTURES, dir, name))), name) });
    }
  }
  return out;
}

const docs = await documents();
const blank = (text: string) => text.replace(/[*_]/gu, ' ');

describe('the stance cue screen', () => {
  const cues = defs.dimensions.flatMap((d) => d.values.flatMap((v) => v.cues.map((c) => ({ id: `${d.id}/${v.id}`, re: c.re }))));

  it('never rules out a cue that matches the clause', () => {
    expect(docs.length).toBeGreaterThanOrEqual(10);
    const missed: string[] = [];
    let ruledOut = 0;
    let checked = 0;
    for (const { name, doc } of docs) {
      for (const clause of doc.clauses) {
        const text = blank(clause.text);
        if (!fastSafe(clause.text)) continue;
        const may = cuesThatMayMatch(defs, text);
        cues.forEach((cue, i) => {
          checked++;
          if (may[i] === 0) ruledOut++;
          if (may[i] === 0 && new RegExp(cue.re.source, cue.re.flags).test(text)) missed.push(`${name} ${clause.id} ${cue.id}`);
        });
      }
    }
    expect(missed).toEqual([]);
    // It earns its keep: most cues are ruled out on most clauses without running them.
    expect(ruledOut / checked).toBeGreaterThan(0.5);
  });
});

describe('the out-of-date reference screen', () => {
  it('finds exactly the entries some pattern matches, in every fixture document', () => {
    for (const { name, doc } of docs) {
      const plain = blank(doc.text);
      const expected = refs.entries
        .filter((e) => e.patterns.some((p) => [...plain.matchAll(new RegExp(p, e.match_case ? 'gu' : 'giu'))].some((m) => m[0].length > 0)))
        .map((e) => e.id)
        .sort();
      const found = findOutdatedReferences(doc.text, refs, doc.clauses).map((h) => h.entryId).sort();
      expect(found, name).toEqual(expected);
    }
  });

  it('finds the Data Protection Act 1998 where a seed cites it', () => {
    const all = docs.flatMap(({ doc }) => findOutdatedReferences(doc.text, refs, doc.clauses).map((h) => h.entry.label));
    expect(all.some((label) => /Data Protection Act 1998/u.test(label))).toBe(true);
  });
});
