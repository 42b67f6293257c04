import { describe, expect, it } from 'vitest';
import { bestType, NON_RULE_TYPES, placeClauses, typeIndex } from '../../../src/pipeline/harmonise/placement.ts';
import { blocksToText, isFragment, standAlone, textToBlocks, tidyItem } from '../../../src/pipeline/harmonise/blocks.ts';
import { bringUpToDate, dropFromList } from '../../../src/pipeline/harmonise/suggest.ts';
import { stanceWording } from '../../../src/pipeline/harmonise/stance-wordings.ts';
import type { PolicyDetail } from '../../../src/pipeline/dataset.ts';
import { seedCorpus, testRules } from './corpus.ts';

async function detail(id: string): Promise<PolicyDetail> {
  const d = (await seedCorpus()).details.find((x) => x.summary.id === id);
  if (!d) throw new Error(`no ${id}`);
  return d;
}
const index = async () => typeIndex((await seedCorpus()).dataset.taxonomy.types);

describe('one rule, one place', () => {
  it('gives a clause its strongest label, and a near-tie to the type its heading names', async () => {
    const ix = await index();
    const labels = (a: number, b: number) => [
      { typeId: 'sec-software-malware', confidence: a, cues: [], source: 'auto' as const },
      { typeId: 'sec-removable-media', confidence: b, cues: [], source: 'auto' as const },
    ];
    expect(bestType({ labels: labels(0.93, 0.93), headingPath: ['General ICT Use', 'Removable Media'] }, ix)).toBe('sec-removable-media');
    expect(bestType({ labels: labels(0.93, 0.93), headingPath: ['Installation of Software'] }, ix)).toBe('sec-software-malware');
    expect(bestType({ labels: labels(0.95, 0.6), headingPath: ['Removable Media'] }, ix)).toBe('sec-software-malware');
    expect(bestType({ labels: [], headingPath: ['Removable Media'] }, ix)).toBeNull();
  });

  it('reads nested lists under both lead-ins, and keeps a scope list whole under its non-rule type', async () => {
    const ix = await index();
    const oak = await detail('oakwood-primary--ict-use-policy-2012');
    const placed = placeClauses(oak, ix);
    const byText = (start: string) => placed.find((p) => p.clause.text.startsWith(start));
    const nested = byText('is illegal, obscene');
    expect(nested?.leadIns.map((i) => placed[i]?.clause.text.slice(0, 30))).toEqual(['You must not do any of the fol', 'Create, use, transmit or encou']);
    expect(byText('Create, use, transmit')?.leadInOnly).toBe(true);
    const hanson = await detail('hanson-school--acceptable-use-ict-mobile-social-2018');
    const hp = placeClauses(hanson, ix);
    // "This policy covers the use … :" then a list of devices, one of them flash drives (a removable-media label).
    const flash = hp.find((p) => p.clause.text.startsWith('Flash drives'));
    expect(NON_RULE_TYPES.has(flash?.typeId ?? '')).toBe(true);
    // An unlabelled item follows its list rather than being lost.
    const photos = hp.find((p) => p.clause.text.startsWith('should not place inappropriate photographs'));
    expect(photos?.typeId).toBe('soc-content-restrictions');
  });
});

describe('whole rules', () => {
  it('round-trips lists through the text form the lead edits', () => {
    const blocks = textToBlocks('You must not:\n- share passwords;\n- use material which:\n  - is illegal; and\nNote this.');
    expect(blocks.map((b) => [b.kind, b.depth])).toEqual([['lead-in', 0], ['item', 1], ['item', 1], ['item', 2], ['para', 0]]);
    expect(textToBlocks(blocksToText(blocks))).toEqual(blocks);
  });

  it('tidies items and rewrites an item with no lead-in as a sentence', () => {
    expect(tidyItem('engaging in online chat rooms and online gambling; and')).toBe('engaging in online chat rooms and online gambling');
    expect(standAlone('should not befriend pupils online as personal communication could be misread;')).toBe('Staff should not befriend pupils online as personal communication could be misread.');
    expect(isFragment('clear objectives for Internet use and')).toBe(true);
    expect(isFragment('The Human Rights Act 1998')).toBe(false);
  });
});

describe('current by default', () => {
  it('drops an out-of-date name from a list, or its sentence when it is not in one', async () => {
    const t = 'Staff must not use sites such as Facebook, Bebo and Instagram.';
    const at = t.indexOf('Bebo');
    expect(dropFromList(t, at, at + 4)).toBe('Staff must not use sites such as Facebook and Instagram.');
    const u = 'We use AudioBoo for podcasts.';
    expect(dropFromList(u, 7, 15)).toBeNull();
    const rules = await testRules();
    const { blocks, changes } = bringUpToDate(
      [
        { kind: 'para', depth: 0, text: 'Staff must not post on social networking sites such as MySpace, Bebo or Instagram. We use AudioBoo for podcasts. Staff must be careful online.' },
        { kind: 'lead-in', depth: 0, text: 'Relevant law:' },
        { kind: 'item', depth: 1, text: 'Data Protection Act 1998' },
      ],
      {},
      rules,
    );
    expect(blocks.map((b) => b.text)).toEqual(['Staff must not post on social networking sites such as Instagram. Staff must be careful online.']);
    expect(changes.join(' ')).toMatch(/MySpace.*Bebo.*AudioBoo.*Data Protection Act 1998/s);
  });

  it('has a plain-English wording for each position that reads as that position and nothing out of date', async () => {
    const rules = await testRules();
    const { dataset } = await seedCorpus();
    let checked = 0;
    for (const d of dataset.stanceDimensions) {
      for (const v of d.values) {
        const w = stanceWording(d.id, v.id, v.description);
        if (!w || rules.outdated(w).length > 0) continue;
        const found = rules.stances([{ kind: 'para', depth: 0, text: w }]);
        expect(found.map((s) => `${s.dimensionId}=${s.value}`), w).toEqual([`${d.id}=${v.id}`]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(40);
  });
});
