import { describe, expect, it } from 'vitest';
import { currentPolicies, memberGroups, memberSchools, pickerSections, policyDate } from '../../../src/pipeline/harmonise/members.ts';
import { seedCorpus, TRUST } from './corpus.ts';

describe('member schools and groups from the published dataset', () => {
  it('lists every school with a policy, by name, with its current policy', async () => {
    const { dataset } = await seedCorpus();
    const schools = memberSchools(dataset);
    expect(schools.map((s) => s.name)).toEqual([
      'Hanson School',
      'Oakwood Primary School',
      'Our Lady of Peace Catholic Primary and Nursery School',
      'West Coventry Academy',
      'Westbrook Primary School',
    ]);
    expect(schools.find((s) => s.id === 'oakwood-primary')).toMatchObject({
      localAuthority: 'Southampton',
      phase: 'primary',
      trust: null,
      policyIds: ['oakwood-primary--ict-use-policy-2012'],
    });
  });

  it('offers all schools, then each local authority and phase present in schools.csv', async () => {
    const { dataset } = await seedCorpus();
    const labels = memberGroups(memberSchools(dataset)).map((g) => g.label);
    expect(labels[0]).toBe('All schools (5 schools)');
    expect(labels).toContain('Local authority: Southampton (1 school)');
    expect(labels).toContain('Phase: primary (3 schools)');
    expect(labels).toContain('Phase: secondary (2 schools)');
    // Westbrook has no local authority in schools.csv: it is in no local-authority group.
    const la = memberGroups(memberSchools(dataset)).filter((g) => g.kind === 'local-authority');
    expect(la.flatMap((g) => g.schoolIds)).not.toContain('westbrook-primary');
  });

  it('groups the checkboxes by trust when the data names a trust', async () => {
    const { dataset } = await seedCorpus(true);
    const schools = memberSchools(dataset);
    const groups = memberGroups(schools);
    expect(groups.find((g) => g.kind === 'trust')).toMatchObject({ name: TRUST, schoolIds: ['elmfield-primary', 'oakwood-primary'] });
    const sections = pickerSections(schools);
    expect(sections[0]).toMatchObject({ heading: `Trust: ${TRUST}` });
    expect(sections.at(-1)?.heading).toBe('Not in a trust');
    expect(sections.at(-1)?.schools).toHaveLength(4);
    // Without trusts, the local authority groups the boxes.
    expect(pickerSections(memberSchools((await seedCorpus()).dataset))[0]?.heading).toBe('Local authority: Bradford');
  });

  it('takes a school’s latest version of each kind of policy as current', async () => {
    const { dataset } = await seedCorpus();
    const oakwood = dataset.policies.find((p) => p.schoolId === 'oakwood-primary');
    if (!oakwood) throw new Error('no Oakwood policy');
    expect(policyDate(oakwood)).toBe('2014-02-02');
    const reissued = { ...oakwood, id: 'oakwood-primary--ict-use-policy-2019', approved: '2019-09', lastReviewed: null };
    const social = { ...oakwood, id: 'oakwood-primary--social-media-2015', kind: 'social-media', approved: '2015', lastReviewed: null };
    expect(currentPolicies([oakwood, reissued, social]).map((p) => p.id)).toEqual(['oakwood-primary--ict-use-policy-2019', 'oakwood-primary--social-media-2015']);
  });
});
