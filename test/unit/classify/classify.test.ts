import { describe, expect, it } from 'vitest';
import type { Clause } from '../../../src/pipeline/types.ts';
import { classifyClauses, computeCoverage, modalityOf, actorOf } from '../../../src/pipeline/classify/index.ts';
import { openingStems } from '../../../src/pipeline/classify/compile.ts';
import { loadContentTaxonomy } from '../../../scripts/dev-score.ts';

const taxonomy = loadContentTaxonomy();

/** Real seed sentences as clauses, laid end to end so offsets are consistent. */
function clauses(items: { text: string; headingPath?: string[]; kind?: Clause['kind']; depth?: number; emphasis?: string[] }[]): Clause[] {
  let at = 0;
  return items.map((item, i) => {
    const c: Clause = {
      id: `c${String(i + 1).padStart(4, '0')}`,
      label: null,
      headingPath: item.headingPath ?? [],
      text: item.text,
      start: at,
      end: at + item.text.length,
      kind: item.kind ?? 'paragraph',
      depth: item.depth ?? 0,
      emphasis: item.emphasis ?? [],
    };
    at += item.text.length + 1;
    return c;
  });
}

const labelsOf = (text: string, headingPath: string[] = []) => classifyClauses(clauses([{ text, headingPath }]), taxonomy)[0]?.labels ?? [];
const typesOf = (text: string, headingPath: string[] = []) => labelsOf(text, headingPath).map((l) => l.typeId);

describe('cues on real seed sentences', () => {
  it('recognises the brief §1.4 seed examples', () => {
    expect(typesOf('You should not use any school provided ICT equipment for personal purposes.')).toContain('use-personal-use');
    expect(typesOf('You must make sure that your home wifi connection has appropriate security encryption (at least WPA2).')).toContain('sec-remote-working');
    expect(typesOf('No personal equipment should be connected to or used with the School\u2019s ICT systems.')).toContain('dev-byod-network');
    expect(typesOf('Emails should never contain children\u2019s full names either in the subject line or preferably not in the main body of the text. Initials should be used wherever possible.')).toContain('email-personal-data');
    expect(typesOf('Emerging technologies will be examined for educational benefit and a risk assessment will be carried out before use in school is allowed.')).toContain('safe-emerging-tech');
    expect(typesOf('You are required to change your password every term in accordance with the login prompts.')).toContain('sec-passwords');
    expect(typesOf('You should not interact with any ex-pupil of the School who is under 18 on such sites.')).toContain('conduct-no-befriending');
  });

  it('is multi-label and explains each label with the cue text that fired', () => {
    const labels = labelsOf(
      'Monitoring software is installed to ensure that use of the network is regularly checked by the Designated Safeguarding Leads to ensure there are no pastoral or behaviour concerns or issues of a safeguarding or prevent nature.',
    );
    const ids = labels.map((l) => l.typeId);
    expect(ids).toEqual(expect.arrayContaining(['safe-monitoring-dsl', 'safe-prevent-extremism', 'comp-monitoring-notice']));
    const dsl = labels.find((l) => l.typeId === 'safe-monitoring-dsl');
    expect(dsl?.source).toBe('auto');
    expect(dsl?.cues.some((c) => /^phrase "Monitoring software/.test(c) || /^phrase ".*safeguarding/i.test(c))).toBe(true);
    for (const l of labels) {
      expect(l.confidence).toBeGreaterThan(0);
      expect(l.confidence).toBeLessThanOrEqual(1);
    }
  });

  it('uses headings as evidence and says so', () => {
    const labels = labelsOf('The use of removable media, including memory sticks (also known as USB keys), CDs and DVDs to name but a few, carry inherent risks.', ['General ICT Use', 'Removable Media']);
    const rm = labels.find((l) => l.typeId === 'sec-removable-media');
    expect(rm?.cues).toContain('heading "Removable Media"');
    expect(rm?.confidence).toBeGreaterThan(0.9);
  });

  it('does not treat a passing mention of a password as a password rule', () => {
    expect(typesOf('Confidential information on computer systems is controlled by usernames and passwords.')).not.toContain('sec-passwords');
    expect(typesOf('If you have to enter a password to access your home wifi, then it\u2019s likely this system is already in place.')).not.toContain('sec-passwords');
  });

  it('does not read "retain the confidence" as record retention, nor an owner\u2019s permission as image consent', () => {
    expect(typesOf('Those working with children have a duty of care and therefore are expected to adopt high standards of behaviour to retain the confidence and respect of colleagues, pupils and the public.')).not.toContain('data-retention-disposal');
    expect(typesOf('Downloading any copyright material without the owner\u2019s permission or distributing non-company information, images or text.')).not.toContain('img-consent');
  });

  it('lets a list item borrow evidence from its lead-in', () => {
    const result = classifyClauses(
      clauses([
        { text: 'Users must not use the school\u2019s ICT systems for any of the following:' },
        { text: 'online gambling', kind: 'list-item', depth: 1 },
      ]),
      taxonomy,
    );
    expect(result[1]?.modality).toBe('must-not');
    expect(result[1]?.labels.map((l) => l.typeId)).toContain('use-prohibited-activities');
  });

  it('indexes cues by opening word without changing what matches', () => {
    expect(openingStems('\\b(?:dsls?|designated\\s+safeguarding)\\b')).toEqual(['dsl', 'desi']);
    expect(openingStems('\\bI\\s+have\\s+read')).toEqual(['=i']);
    expect(openingStems('\\be-?mail\\b')).toEqual(['=e', 'emai']);
    expect(openingStems('\\b(?:un)?authori[sz]ed')).toEqual(['un', 'auth']);
    expect(openingStems('^\\s*signed')).toBeNull();
  });
});

describe('modality and actor', () => {
  it('reads the deontic force, emphasis first', () => {
    expect(modalityOf('You must lock computer screens when leaving them unattended.')).toBe('must');
    expect(modalityOf('Child Protection information must not be stored on ICT systems.', ['must not'])).toBe('must-not');
    expect(modalityOf('Accessing social networking sites in working time and/or from school owned ICT equipment is strictly forbidden, whether the equipment is used at home or at school.')).toBe('must-not');
    expect(modalityOf('Staff should set their Social Network (facebook) settings to the maximum.')).toBe('should');
    expect(modalityOf('You can store non-confidential data on the memory stick for transfer to another desktop or laptop.')).toBe('may');
    expect(modalityOf('Staff are permitted to occasionally use school ICT facilities for personal use.')).toBe('permitted');
    expect(modalityOf('Many programs the school uses are available to personal users either free or at very reduced cost.')).toBeNull();
  });

  it('tells staff duties from school commitments and rules for pupils or parents', () => {
    expect(actorOf('The school will monitor the use of school owned ICT equipment.', 'must')).toBe('school');
    expect(actorOf('Virus protection will be updated regularly.', 'must')).toBe('school');
    expect(actorOf('Staff should never contact pupils or parents from their personal mobile phone.', 'must-not')).toBe('staff');
    expect(actorOf('Do not disclose your login username and password to anyone.', 'must-not')).toBe('staff');
    expect(actorOf('Pupils will be taught what Internet use is acceptable and what is not.', 'must')).toBe('pupils');
    expect(actorOf('Parents will be asked to sign and return a consent form.', 'must')).toBe('parents');
  });
});

describe('coverage', () => {
  const cs = clauses([
    { text: 'You must lock computer screens when leaving them unattended.' },
    { text: 'Confidential information on computer systems is controlled by usernames and passwords.' },
  ]);
  const cells = computeCoverage(classifyClauses(cs, taxonomy), cs, taxonomy);

  it('gives one cell per type in taxonomy order', () => {
    expect(cells.map((c) => c.typeId)).toEqual(taxonomy.types.map((t) => t.id));
  });

  it('quotes the clause verbatim with its offsets as evidence', () => {
    const lock = cells.find((c) => c.typeId === 'sec-screen-lock');
    expect(lock?.status).toBe('present');
    expect(lock?.evidence[0]).toEqual({ clauseId: 'c0001', quote: cs[0]?.text, start: 0, end: cs[0]?.text.length });
    expect(lock?.verified).toBe(false);
  });

  it('leaves unsure types absent with no evidence', () => {
    const pw = cells.find((c) => c.typeId === 'sec-passwords');
    expect(pw?.status).toBe('absent');
    expect(pw?.evidence).toEqual([]);
    expect(cells.find((c) => c.typeId === 'safe-generative-ai')).toMatchObject({ status: 'absent', confidence: 0 });
  });

  it('marks weak evidence partial', () => {
    const weak = clauses([{ text: 'Personal use includes, but is not limited to, social networking, internet shopping, checking personal email accounts.' }]);
    const cell = computeCoverage(classifyClauses(weak, taxonomy), weak, taxonomy).find((c) => c.typeId === 'email-personal-use');
    expect(cell?.status).toBe('partial');
  });
});
