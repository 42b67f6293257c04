/**
 * One school writing its name several ways, its trust naming itself instead, a different school of the same
 * name, and two schools sharing one local authority template word for word. The documents are the real Oakwood
 * ICT policy (test/fixtures/seeds) with its name, dates and contact address changed, run through the whole
 * pipeline with no schools.csv.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CorpusResult } from '../../../src/pipeline/run/corpus.ts';
import { runCorpus } from './corpus.ts';

const SEED = readFileSync('test/fixtures/seeds/000_f295fe4824b47e99.txt', 'utf8');
const bytes = (s: string) => new TextEncoder().encode(s);

/** The seed under another school's name, with its own update date and contact address. */
function variant(full: string, short: string, updated: string, email: string | null): Uint8Array {
  const text = SEED.replace(/Updated: 2 February 2014 \(To change school name to Oakwood Primary School\)/, `Updated: ${updated}`)
    .replace(/Oakwood Primary School/g, full)
    .replace(/Oakwood Primary/g, short)
    .replace(/OakwoodLive/g, 'SchoolLive');
  return bytes(email ? `${text}\nQuestions about this policy: ${email}\n` : text);
}

const TRUST_POLICY = `Oak Valley Diocesan Academy Trust

Social Media Policy

Approved: September 2022

Staff must not accept pupils or their parents as friends on personal social media accounts.

Staff must not post anything about pupils, colleagues or the school on personal accounts.

Questions about this policy: office@stmaryswinton.sch.uk
`;

const FILES: Record<string, Uint8Array> = {
  // St Mary's CE Primary, Swinton: four spellings of its name and its trust's policy, on one address (or none).
  'st-marys-aup-2019.txt': variant("St Mary's CE Primary School", "St Mary's CE Primary", '4 March 2019', 'office@stmaryswinton.sch.uk'),
  'staff-ict-policy-2021.txt': variant("Saint Mary's Church of England Primary School", "Saint Mary's", '9 March 2021', 'head@stmaryswinton.sch.uk'),
  'ict-policy-2023.txt': variant('St. Marys C of E Academy', 'St. Marys', '1 March 2023', null),
  'trust-social-media.txt': bytes(TRUST_POLICY),
  // Another St Mary's: a Catholic primary school.
  'st-marys-rc-ict-2020.txt': variant("St Mary's Catholic Primary School", "St Mary's Catholic Primary", '5 May 2020', 'admin@stmarysrc.sch.uk'),
  // Two schools on one LA template: the same text, different names and addresses.
  'oakwood-ict.txt': variant('Oakwood Primary School', 'Oakwood Primary', '2 February 2014', 'info@oakwood.sch.uk'),
  'elmwood-ict.txt': variant('Elmwood Primary School', 'Elmwood Primary', '2 February 2014', 'info@elmwood.sch.uk'),
};

describe('name variants without schools.csv', () => {
  let result: CorpusResult;
  beforeAll(async () => {
    result = await runCorpus(FILES);
  });
  const detail = (id: string) => {
    const d = result.details.find((x) => x.summary.id === id);
    if (!d) throw new Error(`no ${id}`);
    return d;
  };

  it('groups Saint/St/St., CE/Church of England/C of E, with and without "Primary School", and the trust', () => {
    expect(result.dataset.schools.map((s) => [s.id, s.policyIds])).toEqual([
      ['elmwood-ict', ['elmwood-ict']],
      ['oakwood-ict', ['oakwood-ict']],
      ['saint-marys-church-of-england-primary-school', ['ict-policy-2023', 'st-marys-aup-2019', 'staff-ict-policy-2021', 'trust-social-media']],
      ['st-marys-rc-ict-2020', ['st-marys-rc-ict-2020']],
    ]);
    expect(result.dataset.aggregates.schools).toBe(4);
    const stMarys = result.dataset.schools.find((s) => s.id === 'saint-marys-church-of-england-primary-school');
    expect(stMarys?.domains).toEqual(['stmaryswinton.sch.uk']);
    expect(stMarys?.names).toContain('Oak Valley Diocesan Academy Trust');
  });

  it('gives each join its reasons and confidence', () => {
    const saint = detail('staff-ict-policy-2021').identity;
    expect(saint?.reasons[0]).toBe(
      'same school as st-marys-aup-2019.txt: both give the address stmaryswinton.sch.uk; "St Mary\'s CE Primary School" and "Saint Mary\'s Church of England Primary School" are the same name; 99% of the text is the same; the file name st-marys-aup-2019.txt carries "Saint Mary\'s Church of England Primary School"',
    );
    expect(saint?.confidence).toBeGreaterThan(0.99);
    // No address and only "St. Marys C of E Academy": the short name and the near-identical text together.
    const short = detail('ict-policy-2023').identity;
    expect(short?.reasons.join(' | ')).toMatch(/"St\. Marys C of E Academy" is a short form of "(?:St|Saint) Mary's (?:CE|Church of England) Primary School"; 9\d% of the text is the same/);
    expect(short?.confidence).toBeGreaterThanOrEqual(0.7);
    expect(short?.confidence).toBeLessThan(0.9);
    // The trust names itself, not the school: the school's address ties its policy to the school.
    expect(detail('trust-social-media').identity?.reasons[0]).toMatch(/^same school as .*: both give the address stmaryswinton\.sch\.uk$/);
  });

  it('keeps two schools on one LA template apart', () => {
    for (const [id, other] of [['oakwood-ict', 'elmwood-ict'], ['elmwood-ict', 'oakwood-ict']] as const) {
      expect(detail(id).identity?.schoolId).toBe(id);
      expect(detail(id).identity?.confidence).toBe(1);
      // Apart, their shared text is lineage between two schools, as before.
      expect(detail(id).lineage.sourceId).toBe(other);
    }
  });

  it('keeps a school apart from a look-alike with the same text but a different denomination, and says so', () => {
    const rc = detail('st-marys-rc-ict-2020').identity;
    expect(rc?.reasons).toContain(
      'kept apart from st-marys-aup-2019.txt: 99% of the text is the same, but the names disagree ("St Mary\'s CE Primary School" and "St Mary\'s Catholic Primary School")',
    );
    expect(rc?.confidence).toBe(0.9);
  });

  it('keeps the Catholic St Mary\'s apart from the Church of England one', () => {
    expect(detail('st-marys-rc-ict-2020').identity?.schoolId).toBe('st-marys-rc-ict-2020');
    expect(detail('st-marys-rc-ict-2020').summary.schoolName).toBe("St Mary's Catholic Primary School");
  });

  it('chains the school\'s ICT policy versions by date and finds the paper-only reviews', () => {
    const stMarys = result.dataset.schools.find((s) => s.id === 'saint-marys-church-of-england-primary-school');
    expect(stMarys?.chains).toEqual([
      { kind: 'aup', title: 'ICT Use Policy', policyIds: ['st-marys-aup-2019', 'staff-ict-policy-2021', 'ict-policy-2023'] },
      { kind: 'social-media', title: 'Social Media Policy', policyIds: ['trust-social-media'] },
    ]);
    expect(stMarys?.currentPolicyIds).toEqual(['ict-policy-2023', 'trust-social-media']);
    for (const id of ['staff-ict-policy-2021', 'ict-policy-2023']) {
      expect(detail(id).findings.filter((f) => f.kind === 'cosmetic-review')).toHaveLength(1);
    }
    // Versions of one school are history, never one another's source.
    for (const id of ['staff-ict-policy-2021', 'ict-policy-2023']) {
      expect(['st-marys-aup-2019', 'staff-ict-policy-2021']).not.toContain(detail(id).lineage.sourceId);
    }
  });

  it('gives the same schools, ids and reasons on every run', async () => {
    const again = await runCorpus(FILES);
    expect(again.dataset.schools).toEqual(result.dataset.schools);
    expect(again.details.map((d) => d.identity)).toEqual(result.details.map((d) => d.identity));
  });
});
