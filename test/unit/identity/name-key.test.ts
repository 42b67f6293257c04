import { describe, expect, it } from 'vitest';
import { compareNames, describeKey, nameKey } from '../../../src/pipeline/identity/index.ts';
import { loadContent } from '../../../scripts/lib/content.ts';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const key = (s: string) => {
  const k = nameKey(s);
  if (!k) throw new Error(`no key for ${s}`);
  return k;
};

describe('nameKey', () => {
  it.each([
    ["St Mary's CE Primary", 'st mary (primary, ce)'],
    ["Saint Mary's Church of England Primary School", 'st mary (primary, ce)'],
    ['St. Marys C of E Primary Academy', 'st mary (primary, ce)'],
    ["St Mary's Catholic Primary School", 'st mary (primary, rc)'],
    ['Our Lady of Peace Catholic Primary and Nursery School', 'our lady peace (primary, rc)'],
    ["Queen's Park Infant and Nursery School", 'queen park (infant)'],
    ['Sandbach Junior and Infant School', 'sandbach (primary)'],
    ['Decoy Community Primary School', 'decoy (primary)'],
    ['STEP Academy Trust', 'step (group)'],
  ])('%s → %s', (name, want) => {
    expect(describeKey(key(name))).toBe(want);
  });

  it('is not a name when only kinds of school are left', () => {
    expect(nameKey('Primary School')).toBeNull();
    expect(nameKey('The Academy')).toBeNull();
  });
});

describe('compareNames', () => {
  it.each([
    ["St Mary's CE Primary", "St Mary's Church of England Primary School", 'same'],
    ['Hanson School', 'Hanson Academy', 'same'],
    ['Decoy', 'Decoy Community Primary School', 'contained'],
    ['St. Marys', "St Mary's CE Primary", 'contained'],
    ['Oakwood', 'Oakwood Park Primary School', 'partial'],
    ["St Mary's CE Primary", "St Mary's Catholic Primary", 'conflict'],
    ["Queen's Park Infant School", 'Queens Park Junior School', 'conflict'],
    ['Oakwood Primary School', 'Elmwood Primary School', 'conflict'],
    ['Oak Valley Diocesan Academy Trust', "St Mary's CE Primary", 'neutral'],
  ] as const)('%s / %s: %s', (a, b, want) => {
    expect(compareNames(key(a), key(b))).toBe(want);
    expect(compareNames(key(b), key(a))).toBe(want);
  });
});

describe('schools.csv aliases', () => {
  it('keeps the committed schools.csv (no aliases column) valid', async () => {
    const { bundle, warnings } = await loadContent('content', null);
    expect(warnings).toEqual([]);
    expect(bundle.schools.length).toBeGreaterThan(0);
    for (const row of bundle.schools) expect(row.aliases).toEqual([]);
  });

  it('reads aliases separated by semicolons', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'atlas-aliases-'));
    const file = join(dir, 'schools.csv');
    await writeFile(
      file,
      "school_id,name,urn,local_authority,trust,phase,nation,aliases\nst-marys,St Mary's CE Primary School,,Salford,,primary,England, St Marys ; stmaryswinton.sch.uk;old/aup-2019.docx \n",
    );
    const { bundle } = await loadContent('content', file);
    expect(bundle.schools[0]?.aliases).toEqual(['St Marys', 'stmaryswinton.sch.uk', 'old/aup-2019.docx']);
  });
});
