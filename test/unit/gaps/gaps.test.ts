import { describe, expect, it } from 'vitest';
import {
  documentKind,
  findGaps,
  latestVersions,
  peerGroupsOf,
  prevalence,
  schoolCoverage,
  shareOf,
  versionSeries,
  type PolicySummary,
  type SchoolInfo,
} from '../../../src/pipeline/analyse/gaps/index.ts';
import {
  clausesFromText,
  decoyText,
  goldCoverage,
  readGold,
  readSeed,
  SEED_SCHOOL,
  SEEDS,
  schools,
  taxonomyTypes,
} from '../diff/fixtures.ts';

const types = taxonomyTypes();
const schoolRows = schools();
const schoolById = new Map(schoolRows.map((s) => [s.schoolId, s]));

function seedSummary(key: keyof typeof SEEDS): PolicySummary {
  const text = readSeed(key);
  const gold = readGold(`seeds/${SEEDS[key]}`);
  return {
    policyId: SEEDS[key],
    schoolId: SEED_SCHOOL[key],
    kind: 'aup',
    approved: gold.metadata.approved,
    lastReviewed: gold.metadata.last_reviewed,
    coverage: goldCoverage(`seeds/${SEEDS[key]}`, text, clausesFromText(text)),
  };
}

const corpus = (Object.keys(SEEDS) as (keyof typeof SEEDS)[]).map(seedSummary);
const groupOf = (p: PolicySummary) => peerGroupsOf(schoolById.get(p.schoolId));
const prev = prevalence(corpus, groupOf);
const oakwood = corpus[0] as PolicySummary;
const hanson = corpus[2] as PolicySummary;

describe('prevalence', () => {
  it('counts each group once per policy, from the schools.csv groups', () => {
    const all = prev.get('corpus:all policies');
    expect(all?.size).toBe(5);
    expect(prev.get('phase:primary')?.size).toBe(3);
    expect(prev.get('phase:secondary')?.size).toBe(2);
    expect(prev.get('local-authority:southampton')?.size).toBe(1);
    // Westbrook has no local authority in schools.csv: no LA group for it.
    expect([...prev.keys()].filter((k) => k.startsWith('local-authority:'))).toHaveLength(4);
  });

  it('shares match the gold labels (present or partial)', () => {
    const all = prev.get('corpus:all policies');
    if (!all) throw new Error('no corpus group');
    // Every seed states its purpose and scope; only Oakwood lacks a password clause.
    expect(shareOf(all, 'gov-purpose-scope')).toBe(1);
    expect(shareOf(all, 'sec-passwords')).toBe(0.8);
    // No seed covers generative AI.
    expect(shareOf(all, 'safe-generative-ai')).toBe(0);
  });
});

describe('findGaps', () => {
  const groups = groupOf(oakwood);
  const gaps = findGaps(oakwood, types, prev, groups, { nation: 'England' });
  const byType = new Map(gaps.map((g) => [g.typeId, g]));

  it('reports core guidance gaps as high, with peer evidence when peers have the type', () => {
    const pw = byType.get('sec-passwords');
    expect(pw).toMatchObject({ basis: 'guidance-core', severity: 'high', peerShare: 1, peerCount: 4 });
    expect(pw?.group).toEqual({ kind: 'corpus', name: 'All policies' });
    expect(pw?.guidanceNote).toBeUndefined();
  });

  it('reports a type only guidance recommends as medium when peers have it, low when they do not', () => {
    // Technical safeguards: recommended, 3 of the 4 other seeds have it.
    expect(byType.get('sec-technical-safeguards')).toMatchObject({ basis: 'guidance-recommended', severity: 'medium', peerShare: 0.75 });
    // Generative AI: recommended, no peer has it.
    const ai = byType.get('safe-generative-ai');
    expect(ai).toMatchObject({ basis: 'guidance-recommended', severity: 'low', expectedSince: 2023, predatesGuidance: true });
    expect(ai?.peerShare).toBeUndefined();
  });

  it('reports optional types only on peer evidence, with the share of peers', () => {
    // comp-privacy-expectation is optional: 2 of the 4 other seeds have it, exactly the threshold.
    expect(byType.get('comp-privacy-expectation')).toMatchObject({ basis: 'peers', severity: 'low', peerShare: 0.5, peerCount: 4 });
    const hansonGaps = findGaps(hanson, types, prev, groupOf(hanson));
    // Every other seed says whether staff may identify their employer online; Hanson does not.
    expect(hansonGaps.find((g) => g.typeId === 'soc-employer-identification')).toMatchObject({
      basis: 'peers',
      severity: 'medium',
      peerShare: 1,
    });
  });

  it('does not report types the policy covers, even partially', () => {
    const covered = oakwood.coverage.filter((c) => c.status !== 'absent').map((c) => c.typeId);
    expect(covered.length).toBeGreaterThan(40);
    for (const t of covered) expect(byType.has(t)).toBe(false);
  });

  it('ignores groups with fewer peers than minGroupSize, and prefers the most specific qualifying group', () => {
    // Oakwood has 2 primary peers: too few by default, enough at minGroupSize 2.
    expect(gaps.every((g) => g.group?.kind !== 'phase')).toBe(true);
    const loose = findGaps(oakwood, types, prev, groups, { minGroupSize: 2 });
    const phaseGap = loose.find((g) => g.typeId === 'sec-passwords');
    expect(phaseGap?.group).toEqual({ kind: 'phase', name: 'primary' });
    expect(phaseGap?.peerCount).toBe(2);
    expect(phaseGap?.peerGroups?.map((p) => p.group.kind)).toEqual(['phase', 'corpus']);
  });

  it('annotates guidance gaps for schools in Wales and lowers their severity', () => {
    const welsh: SchoolInfo = { ...(schoolById.get('oakwood-primary') as SchoolInfo), nation: 'Wales' };
    const wGaps = findGaps(oakwood, types, prev, peerGroupsOf(welsh), { nation: welsh.nation });
    const pw = wGaps.find((g) => g.typeId === 'sec-passwords');
    expect(pw?.severity).toBe('medium');
    expect(pw?.guidanceNote).toBe("follows England's guidance (KCSIE, DfE standards); check the equivalent for Wales");
    const guidance = wGaps.filter((g) => g.basis !== 'peers');
    expect(guidance.length).toBeGreaterThan(0);
    expect(guidance.every((g) => g.guidanceNote?.endsWith('for Wales'))).toBe(true);
    expect(guidance.some((g) => g.severity === 'high')).toBe(false);
    // Peer gaps are about peers, not England's guidance: no note.
    expect(wGaps.filter((g) => g.basis === 'peers').every((g) => g.guidanceNote === undefined)).toBe(true);
  });

  it('lists gaps in taxonomy order, one per type', () => {
    const order = types.map((t) => t.id);
    const idx = gaps.map((g) => order.indexOf(g.typeId));
    expect(idx).toEqual([...idx].sort((a, b) => a - b));
    expect(new Set(gaps.map((g) => g.typeId)).size).toBe(gaps.length);
  });
});

describe('documentKind', () => {
  it('reads the kind from the seeds’ and extras’ titles and file names', () => {
    expect(documentKind('ICT Use Policy')).toBe('aup');
    expect(documentKind('Acceptable Use Policy')).toBe('aup');
    expect(documentKind('Acceptable use of ICT, mobile devices and social networking sites')).toBe('aup');
    expect(documentKind('Computing Code of Conduct – On-line Safety, Social Media & Computing Systems')).toBe('aup');
    expect(documentKind('ICT USER POLICY')).toBe('aup');
    expect(documentKind('Online Safety Policy')).toBe('online-safety');
    expect(documentKind(null, 'decoy-online-safety-policy-2016.pdf')).toBe('online-safety');
    expect(documentKind('E-Safety Policy')).toBe('online-safety');
    expect(documentKind('Staff Social Media Policy')).toBe('social-media');
    expect(documentKind('Data Protection Policy', 'gdpr.docx')).toBe('other');
    expect(documentKind(null, 'minuteman-internet-social-media-agreement-2015.md')).toBe('social-media');
  });
});

describe('latestVersions and schoolCoverage', () => {
  it('keeps the latest version of each kind and reads coverage across the current documents', async () => {
    const gold16 = readGold('extra/decoy-online-safety-policy-2016');
    const gold18 = readGold('extra/decoy-online-safety-policy-2018');
    const t16 = await decoyText(2016);
    const t18 = await decoyText(2018);
    const decoy16: PolicySummary = {
      policyId: 'decoy-2016',
      schoolId: 'oakwood-primary',
      kind: documentKind(null, 'decoy-online-safety-policy-2016.pdf'),
      approved: gold16.metadata.approved,
      lastReviewed: gold16.metadata.last_reviewed,
      coverage: goldCoverage('extra/decoy-online-safety-policy-2016', t16, clausesFromText(t16)),
    };
    const decoy18: PolicySummary = {
      ...decoy16,
      policyId: 'decoy-2018',
      lastReviewed: gold18.metadata.last_reviewed,
      coverage: goldCoverage('extra/decoy-online-safety-policy-2018', t18, clausesFromText(t18)),
    };
    const school = [decoy18, oakwood, decoy16];
    expect(latestVersions(school).map((p) => p.policyId)).toEqual(['decoy-2018', oakwood.policyId]);
    expect(versionSeries(school).map((s) => s.map((p) => p.policyId))).toEqual([['decoy-2016', 'decoy-2018'], [oakwood.policyId]]);

    const cov = schoolCoverage(school);
    expect(cov.documents).toEqual([
      { policyId: 'decoy-2018', kind: 'online-safety' },
      { policyId: oakwood.policyId, kind: 'aup' },
    ]);
    const passwords = cov.types.find((t) => t.typeId === 'sec-passwords');
    // Missing from the AUP, covered by the online-safety policy.
    expect(passwords?.status).not.toBe('absent');
    expect(passwords?.coveredBy.map((c) => c.policyId)).toEqual(['decoy-2018']);
    const sanctions = cov.types.find((t) => t.typeId === 'comp-sanctions');
    expect(sanctions?.coveredBy.map((c) => c.policyId).sort()).toEqual(['decoy-2018', oakwood.policyId].sort());
    expect(cov.types).toHaveLength(70);
  });
});
