import { describe, expect, it } from 'vitest';
import { findOutdatedReferences } from '../../../src/pipeline/analyse/staleness/index.ts';
import { loadReferences, ReferenceListError } from '../../../src/pipeline/references/index.ts';
import { loadRefs, readFixture, readSeed, readYaml, seedClauses, type SeedName } from './seed-helpers.ts';

const refs = loadRefs();
const hitsFor = (name: SeedName) => {
  const text = readSeed(name);
  return { text, hits: findOutdatedReferences(text, refs, seedClauses(text)) };
};
const ids = (name: SeedName) => hitsFor(name).hits.map((h) => h.entryId);

describe('reference lists', () => {
  it('load from content/references with unique ids, a version per file and every kind used', () => {
    expect(refs.versions).toEqual(['advice.yaml@1', 'laws.yaml@1', 'platforms.yaml@1', 'terms.yaml@1']);
    expect(new Set(refs.entries.map((e) => e.id)).size).toBe(refs.entries.length);
    expect(new Set(refs.entries.map((e) => e.kind))).toEqual(new Set(['law', 'guidance', 'platform', 'device', 'term', 'advice']));
    expect(refs.entries.length).toBeGreaterThanOrEqual(45);
  });

  it('names the bad entry when a file is invalid', () => {
    const bad = { version: '1', entries: [{ id: 'ok-entry', label: 'x', kind: 'law', patterns: ['\\bx\\b'], replaced_by: 'y', since: '2018', source: 's', severity: 'low' }, { id: 'broken', label: 'x', kind: 'law', patterns: ['(unclosed'], replaced_by: 'y', since: '2018-13', source: 's', severity: 'urgent' }] };
    expect(() => loadReferences([bad], ['laws.yaml'])).toThrow(ReferenceListError);
    expect(() => loadReferences([bad], ['laws.yaml'])).toThrow(/laws\.yaml\.entries\[1\] \(broken\)\.patterns\[0\]: pattern "\(unclosed" not a valid regular expression/u);
    expect(() => loadReferences([bad], ['laws.yaml'])).toThrow(/\(broken\)\.since: must be YYYY, YYYY-MM or YYYY-MM-DD/u);
  });

  it('rejects an id used in two files, naming both', () => {
    const file = readYaml('content/references/laws.yaml');
    expect(() => loadReferences([file, file], ['a.yaml', 'b.yaml'])).toThrow(/b\.yaml: entries\[0\] \(dpa-1998\) repeats an id already used in a\.yaml/u);
  });
});

describe('findOutdatedReferences on the seeds', () => {
  it('Hanson (002) cites the Data Protection Act 1998 and RIPA 2000, quoted verbatim with offsets', () => {
    const { text, hits } = hitsFor('hanson');
    const dpa = hits.find((h) => h.entryId === 'dpa-1998');
    const ripa = hits.find((h) => h.entryId === 'ripa-2000-monitoring');
    expect(dpa?.match.quote).toBe('Data Protection Act 1998');
    expect(dpa?.entry.severity).toBe('high');
    expect(ripa?.match.quote).toBe('Regulation of Investigatory Powers Act 2000 (RIPA)');
    expect(ripa?.count).toBe(3);
    expect(ripa?.entry.replaced_by).toMatch(/Investigatory Powers Act 2016/u);
    for (const h of hits) {
      expect(text.slice(h.match.start, h.match.end)).toBe(h.match.quote);
      expect(text.slice(h.evidence.start, h.evidence.end)).toBe(h.evidence.quote);
      expect(h.evidence.quote).toContain(h.match.quote);
      expect(h.clauseId).toMatch(/^c\d{4}$/u);
    }
  });

  it("Westbrook (001)'s Employment Practices Data Protection Code is flagged as replaced by the ICO's 2023 monitoring guidance", () => {
    const { hits } = hitsFor('westbrook');
    const epc = hits.find((h) => h.entryId === 'ico-employment-practices-code');
    expect(epc?.match.quote).toBe('Employment Practices Data Protection Code');
    expect(epc?.entry.replaced_by).toMatch(/monitoring workers/u);
    expect(epc?.entry.since).toBe('2023-10-03');
    expect(epc?.evidence.quote).toBe('Protection Act 2018, together with the Employment Practices Data Protection Code issued by the Information Commissioner. Staff');
  });

  it('Oakwood 2012 (000) lists MySpace and Bebo among dated platforms', () => {
    expect(ids('oakwood')).toEqual(expect.arrayContaining(['myspace', 'bebo', 'picasaweb', 'audioboo', 'ipod']));
  });

  it('finds exactly these references per seed (the list quoted in the issue note)', () => {
    expect(ids('oakwood')).toEqual(['cds-dvds', 'wpa2-minimum', 'copyright-act-miscited', 'ipod', 'myspace', 'bebo', 'twitter', 'yammer', 'ning', 'xanga', 'picasaweb', 'audioboo', 'child-protection-officer-titles', 'cp-records-not-electronic', 'fax']);
    expect(ids('westbrook')).toEqual(['ico-employment-practices-code', 'forced-password-expiry', 'dpa-unspecified']);
    expect(ids('hanson')).toEqual(['pda', 'dpa-1998', 'ripa-2000-monitoring', 'myspace', 'bebo', 'windows-live-spaces', 'msn-messenger', 'twitter', 'dpa-unspecified']);
    expect(ids('ourLady')).toEqual(['e-safety', 'isp-filtering-reports', 'ict-coordinator', 'pda', 'child-protection-officer-titles', 'no-expectation-of-privacy', 'bebo', 'myspace', 'twitter', 'msn-messenger', 'web-2-0', 'dpa-1998', 'cds-dvds']);
    expect(ids('westCoventry')).toEqual(['no-expectation-of-privacy', 'fax', 'forced-password-expiry', 'show-my-homework', 'twitter']);
  });

  it('finds nothing outdated in the SWGfL-based community users agreement', () => {
    expect(findOutdatedReferences(readFixture('extra/london-clc-community-users-aup-2017.txt'), refs)).toEqual([]);
  });

  it('generalises to an unseen policy: Friends Reunited and "change it regularly" in the 2010 nursery handbook', () => {
    const hits = findOutdatedReferences(readFixture('extra/lexden-montessori-staff-internet-access-2010.txt'), refs);
    expect(hits.map((h) => h.entryId)).toEqual(expect.arrayContaining(['friends-reunited', 'forced-password-expiry']));
  });
});

describe('pattern bounds', () => {
  const idsIn = (text: string) => findOutdatedReferences(text, refs).map((h) => h.entryId);

  it('never flags the Data Protection Act 2018 as the 1998 Act or as an unnamed Act', () => {
    expect(idsIn('Personal data is processed under the Data Protection Act 2018 and UK GDPR.')).toEqual([]);
    expect(idsIn('the Data Protection Act (2018) applies')).toEqual([]);
    expect(idsIn('the Data Protection Act 1998 applies')).toEqual(['dpa-1998']);
    expect(idsIn('in breach of the Data Protection Act.')).toEqual(['dpa-unspecified']);
  });

  it('keeps short names bounded: no PDA in "update", no MySpace in "my space", no Flash in "flash drive"', () => {
    expect(idsIn('Please update your software; updates are installed termly.')).toEqual([]);
    expect(idsIn('Keep my space tidy and store files on flash drives.')).toEqual([]);
    expect(idsIn('Staff must not use PDAs or a grape vine.')).toEqual(['pda']);
    expect(idsIn('Report concerns about the safety of pupils.')).toEqual([]);
    expect(idsIn('Staff must follow KCSIE 2025 and the Teachers\u2019 Standards.')).toEqual([]);
    expect(idsIn('Staff must follow KCSIE 2019.')).toEqual(['kcsie-pre-2023']);
    expect(idsIn('The General Teaching Council for Scotland code applies.')).toEqual([]);
  });

  it('marks a mention that says the reference was replaced as historical', () => {
    const [hit] = findOutdatedReferences('The Data Protection Act 1998 was replaced by the Data Protection Act 2018.', refs);
    expect(hit?.entryId).toBe('dpa-1998');
    expect(hit?.historical).toBe(true);
  });
});
