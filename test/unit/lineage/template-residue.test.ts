import { describe, expect, it } from 'vitest';
import { templateResidue } from '../../../src/pipeline/analyse/lineage/template-residue.ts';
import { decoyText, readFixture, readSeed, schools, SEED_SCHOOL, SEEDS } from '../diff/fixtures.ts';

const schoolRows = schools();
const known = schoolRows.map((s) => s.name);
const schoolOf = (id: string) => schoolRows.find((s) => s.schoolId === id);

describe('templateResidue on real policies', () => {
  const text = readSeed('oakwood');
  const oak = schoolOf('oakwood-primary');
  const found = templateResidue(text, oak?.name ?? null, { localAuthority: oak?.localAuthority ?? null, knownOrganisations: known });

  it('finds the council template residue in Oakwood (SCC desktop, the Council, return to Ian)', () => {
    for (const f of found) expect(text.slice(f.evidence.start, f.evidence.end)).toBe(f.evidence.quote);
    const summary = found.map((f) => `${f.kind}:${f.evidence.quote}`);
    expect(summary).toContain('organisation-system:your SCC desktop');
    expect(summary).toContain('council-voice:the Council');
    expect(summary).toContain('personal-name:return to Ian');
    expect(found.filter((f) => f.kind === 'council-voice').map((f) => f.evidence.quote)).toEqual([
      'the City Council',
      'the City Council',
      'City Council',
      'the Council',
      'City Council',
    ]);
    expect(found.find((f) => f.kind === 'personal-name')).toMatchObject({ token: 'Ian', severity: 'medium' });
    // "based on the Southampton City Council Model Policy" names the school's own LA: not residue.
    expect(found.some((f) => f.evidence.quote.includes('Southampton'))).toBe(false);
  });

  it('flags the template author left in the decoy 2016 incident log, and nothing in the clean seeds', async () => {
    const decoy = templateResidue(await decoyText(2016), 'Decoy Community Primary School');
    expect(decoy.map((f) => `${f.kind}:${f.token}`)).toContain('personal-name:Steve Bone');
    for (const key of ['westbrook', 'hanson', 'ourLady', 'westCoventry'] as const) {
      const school = schoolOf(SEED_SCHOOL[key]);
      const r = templateResidue(readSeed(key), school?.name ?? null, {
        localAuthority: school?.localAuthority ?? null,
        knownOrganisations: known,
      });
      expect(r, `${SEEDS[key]}: ${JSON.stringify(r.map((f) => f.evidence.quote))}`).toEqual([]);
    }
    for (const path of [
      'test/fixtures/extra/lexden-montessori-staff-internet-access-2010.txt',
      'test/fixtures/extra/london-clc-community-users-aup-2017.txt',
    ]) {
      expect(templateResidue(readFixture(path), null)).toEqual([]);
    }
  });
});

describe('templateResidue patterns', () => {
  const westbrook = readSeed('westbrook');

  it('finds unfilled placeholders with exact offsets', () => {
    const text = westbrook
      .replace('Westbrook Primary School', '[enter your school name here]')
      .replace('Acceptable Use Policy', 'Acceptable Use Policy for [School Name]')
      .replace('Governors', 'XXXX');
    const r = templateResidue(text, 'Westbrook Primary School').filter((f) => f.kind === 'placeholder');
    expect(r.map((f) => f.evidence.quote)).toEqual(['[School Name]', '[enter your school name here]', 'XXXX']);
    for (const f of r) expect(text.slice(f.evidence.start, f.evidence.end)).toBe(f.evidence.quote);
    expect(r.every((f) => f.severity === 'high')).toBe(true);
  });

  it('ignores Markdown links and ordinary brackets', () => {
    // Oakwood's "[Smart Notebook](#)" is a link, not a placeholder.
    const oak = templateResidue(readSeed('oakwood'), 'Oakwood Primary School');
    expect(oak.some((f) => f.kind === 'placeholder')).toBe(false);
    expect(templateResidue('Staff [including supply staff] must comply.', 'Westbrook Primary School')).toEqual([]);
  });

  it('names another school or council left from someone else’s policy', () => {
    const text = `${westbrook}\nThis policy was adopted from St Mary's Church of England Primary School and agreed with Kent County Council.\nStaff at Hanson School may not use this.`;
    const r = templateResidue(text, 'Westbrook Primary School', { localAuthority: 'Southampton', knownOrganisations: known });
    const summary = r.map((f) => `${f.kind}:${f.token}`);
    expect(summary).toContain("other-school:St Mary's Church of England Primary School");
    expect(summary).toContain('other-council:Kent County Council');
    expect(summary).toContain('known-organisation:Hanson School');
    // Its own name is never residue.
    expect(r.some((f) => f.evidence.quote.includes('Westbrook'))).toBe(false);
  });

  it('does not mistake roles, own initials or school councils for residue', () => {
    const text =
      'Please return the form to the Headteacher. Contact the School Office if unsure. Log in to your WPS laptop. ' +
      'The School Council meets termly. Report concerns to the DSL. Use your ICT account only.';
    expect(templateResidue(text, 'Westbrook Primary School')).toEqual([]);
    expect(templateResidue('Log in to your WCC laptop.', 'Westbrook Primary School')[0]).toMatchObject({
      kind: 'organisation-system',
      token: 'WCC',
    });
  });
});

describe('residue is only other organisations\' names', () => {
  it('does not read a guidance title in a reading list as another school ("Protecting School Data")', async () => {
    for (const year of [2016, 2018] as const) {
      const found = templateResidue(await decoyText(year), year === 2016 ? 'Decoy Community Primary School' : 'Decoy');
      expect(found.filter((f) => f.kind === 'other-school').map((f) => f.token)).toEqual([]);
    }
  });

  it('still flags another school named in running text', () => {
    const text = 'Staff must not use Westbrook Primary School equipment at home. See the NEN - Guidance Note - Protecting School Data.';
    expect(templateResidue(text, 'Oakwood Primary School').map((f) => `${f.kind}:${f.token}`)).toEqual(['other-school:Westbrook Primary School']);
  });
});
