import { describe, expect, it } from 'vitest';
import { ingest } from '../../../src/pipeline/ingest/index.ts';
import { parseLabel, structure } from '../../../src/pipeline/structure/index.ts';
import { splitLong } from '../../../src/pipeline/structure/sentences.ts';
import { isFieldLine } from '../../../src/pipeline/structure/signature.ts';
import type { PolicyDocument } from '../../../src/pipeline/types.ts';
import { allDocuments, load } from '../ingest/fixtures.ts';

const SEEDS = ['000_f295fe4824b47e99', '001_e467dfff412ec3fa', '002_0133e99881feddac', '003_ba2811e87db779cd', '004_e10d6709eb2a89d0'];
const BIG_PDFS = ['extra/decoy-online-safety-policy-2016.pdf', 'extra/decoy-online-safety-policy-2018.pdf'];

function noClauseIsFurniture(doc: PolicyDocument): void {
  for (const c of doc.clauses) {
    expect(c.text, c.id).not.toMatch(/^\s*(?:page\s*)?\d+(?:\s*of\s*\d+)?\s*$/i);
    expect(c.text, c.id).not.toMatch(/\.{5,}|\t\d+$/);
    expect(c.text, c.id).not.toMatch(/^(?:signed|signature|print name|date)\b[\s_:.…]*$/i);
    expect(c.text, c.id).not.toMatch(/_{4,}/);
    expect(c.text, c.id).toMatch(/\p{L}{2}/u);
  }
}

describe('offsets', () => {
  for (const path of allDocuments()) {
    it(`every clause, heading and exclusion of ${path} is a slice of the text`, async () => {
      const doc = await load(path);
      expect(doc.clauses.length).toBeGreaterThan(10);
      for (const c of doc.clauses) {
        expect(doc.text.slice(c.start, c.end)).toBe(c.text);
        expect(c.text).toBe(c.text.trim());
      }
      for (const h of doc.headings) expect(doc.text.slice(h.start, h.end)).toBe(h.text);
      for (const x of doc.excluded) expect(x.end).toBeGreaterThan(x.start);
      const ids = doc.clauses.map((c) => c.id);
      expect(new Set(ids).size).toBe(ids.length);
      // Clauses are in document order and never overlap.
      for (let i = 1; i < doc.clauses.length; i++) expect(doc.clauses[i]?.start).toBeGreaterThanOrEqual(doc.clauses[i - 1]?.end ?? 0);
      noClauseIsFurniture(doc);
    });
  }
});

describe('exclusions on the seeds', () => {
  it('keeps the Oakwood signature block out and sees its acknowledgement form', async () => {
    const doc = await load(`seeds/${SEEDS[0]}.txt`);
    expect(doc.hasAcknowledgementForm).toBe(true);
    expect(doc.clauses.some((c) => c.text.startsWith('Signed'))).toBe(false);
    expect(doc.clauses.some((c) => c.text === 'I have read and understood the ICT Use Policy')).toBe(true);
    const block = doc.excluded.find((x) => x.kind === 'signature-block');
    expect(block && doc.text.slice(block.start, block.end)).toBe('Signed _____\n(member of staff)\nPrint Name _____\nDate _____');
  });

  it('finds acknowledgement forms only where staff sign up to the policy', async () => {
    const expected = [true, true, false, true, false];
    for (const [i, seed] of SEEDS.entries()) expect((await load(`seeds/${seed}.txt`)).hasAcknowledgementForm, seed).toBe(expected[i]);
  });

  it('excludes contents pages and keeps the first section', async () => {
    for (const seed of [SEEDS[2], SEEDS[4]]) {
      const doc = await load(`seeds/${seed}.txt`);
      const contents = doc.excluded.filter((x) => x.kind === 'contents');
      expect(contents.length, seed).toBeGreaterThan(0);
      expect(doc.text.slice(contents[0]?.start, contents[0]?.end)).toMatch(/^Contents\n/);
      expect(doc.headings.find((h) => h.label === '1')?.text).toBe('Introduction');
      expect(doc.clauses.some((c) => /Policy statement$|^Scope and purpose$/.test(c.text))).toBe(false);
    }
  });

  it('ends a contents list at a line that introduces a list, and keeps that line as a clause', async () => {
    const doc = await load('dev/step-trust-esafety-data-security.txt');
    expect(doc.excluded.some((x) => x.kind === 'contents')).toBe(true);
    expect(doc.clauses.map((c) => c.text)).toContain('This policy is to be read in conjunction with our Safeguarding Policies and Curriculum Policies:');
  });

  it('does not take a glossary entry or a phone number for a heading', async () => {
    const anthem = await load('dev/anthem-schools-trust-staff-aua-2019.txt');
    expect(anthem.headings.map((h) => h.text)).toEqual(['Acceptable Use Agreement']);
    const rainford = await load('dev/rainford-ce-primary-online-safety-policy.txt');
    expect(rainford.headings.map((h) => h.text).filter((t) => !/\p{L}{2}/u.test(t))).toEqual([]);
  });

  it('keeps the West Coventry clause numbers, qualified by their section', async () => {
    const doc = await load(`seeds/${SEEDS[4]}.txt`);
    const labels = doc.clauses.map((c) => c.label);
    for (const l of ['1.1', '1.6', '3.2', '4.1', '4.2 (a)', '4.2 (i)', '4.5 (j)(iii)', '4.6 (e)(iv)', '5.1'].filter((x) => x !== '1.6')) {
      expect(labels, l).toContain(l);
    }
    const a = doc.clauses.find((c) => c.label === '4.2 (a)');
    expect(a?.kind).toBe('numbered');
    expect(a?.text.startsWith('You are permitted to adjust computer settings')).toBe(true);
    expect(a?.headingPath).toEqual(['Policy rules', 'The network and appropriate use of equipment']);
    expect(doc.headings.find((h) => h.label === '4.2')?.level).toBe(2);
  });

  it('keeps Hanson labels on numbered headings and reads nested bullets', async () => {
    const doc = await load(`seeds/${SEEDS[2]}.txt`);
    expect(doc.headings.map((h) => h.label).filter(Boolean)).toContain('1.6');
    const legislation = doc.clauses.filter((c) => c.headingPath.at(-1) === 'Relevant Legislation');
    expect(legislation.map((c) => c.text)).toContain('Data Protection Act 1998');
    const nested = doc.clauses.find((c) => c.text === 'Outside of their contracted hours');
    expect(nested?.depth).toBe(1);
    expect(nested?.kind).toBe('list-item');
  });

  it('joins a bullet broken by a blank line back together', async () => {
    const doc = await load(`seeds/${SEEDS[1]}.txt`);
    const clause = doc.clauses.find((c) => c.text.startsWith('Staff members have a responsibility to protect the reputation'));
    expect(clause?.text).toMatch(/students and\nassociates of the school with professionalism/);
  });

  it('drops emphasis markup from text but keeps it in emphasis', async () => {
    const doc = await load(`seeds/${SEEDS[0]}.txt`);
    expect(doc.text).not.toContain('**');
    const clause = doc.clauses.find((c) => c.text.startsWith('You must not connect by installing proprietary software'));
    expect(clause?.emphasis).toEqual(['must not']);
  });
});

describe('the 52-page PDFs', () => {
  for (const path of BIG_PDFS) {
    it(`${path}: no page furniture, contents or form lines among the clauses`, async () => {
      const doc = await load(path);
      expect(doc.pages).toBeGreaterThanOrEqual(50);
      expect(doc.clauses.length).toBeGreaterThan(500);
      const kinds = new Set(doc.excluded.map((x) => x.kind));
      for (const k of ['running-header', 'page-number', 'contents', 'signature-block']) expect(kinds, k).toContain(k);
      expect(doc.excluded.filter((x) => x.kind === 'page-number').length).toBeGreaterThanOrEqual(45);
      expect(doc.clauses.some((c) => c.text.includes('SWGfL Online Safety Policies'))).toBe(false);
      expect(doc.clauses.some((c) => c.text.includes('Belvedere House'))).toBe(false);
      // Contents entries (page 2) and the appendix list with page numbers are not clauses.
      expect(doc.clauses.some((c) => c.text === 'Schedule for development, monitoring and review')).toBe(false);
      expect(doc.clauses.some((c) => /^Legislation\s+\d+$/.test(c.text))).toBe(false);
      expect(doc.hasAcknowledgementForm).toBe(true);
      // Lines joined into paragraphs, across page breaks, without breaking words.
      const scope = doc.clauses.find((c) => c.text.startsWith('This policy applies to all members of the school'));
      expect(scope?.text).toMatch(/visitors, community users\) who have access to and are users of school (?:ICT|digital technology) systems, both in and out of the school\.$/);
      const governors = doc.clauses.find((c) => c.text.startsWith('Governors are responsible for the approval of the Online'));
      expect(governors?.headingPath.at(-1)).toBe('Governors:');
      for (const c of doc.clauses) expect(c.text, c.id).not.toMatch(/\b\p{Ll}+- \p{Ll}+\b(?<!\b(?:and|or|to)\b)/u);
    });
  }
});

describe('labels and sentences', () => {
  it('parses the label forms policies use', () => {
    expect(parseLabel('4.2 The network')?.label).toBe('4.2');
    expect(parseLabel('3.3. Mobile Devices')?.label).toBe('3.3');
    expect(parseLabel('1.\tIntroduction')?.label).toBe('1');
    expect(parseLabel('(b) Computer hardware')?.kind).toBe('letter');
    expect(parseLabel('a) first')?.label).toBe('a)');
    expect(parseLabel('(iii) Hacking software')).toMatchObject({ kind: 'roman', ordinal: 3 });
    expect(parseLabel('(i) after h', 8)?.kind).toBe('letter');
    expect(parseLabel('(c) Do not disclose')?.kind).toBe('letter');
    expect(parseLabel('3 minutes per day')).toBeNull();
    expect(parseLabel('2018 was a good year')).toBeNull();
  });

  it('splits long paragraphs at sentence ends with exact offsets', () => {
    const sentence = (i: number): string => `Sentence ${i} says staff must follow the rules, e.g. log off, and report problems to Mr. Smith at once.`;
    const text = Array.from({ length: 14 }, (_, i) => sentence(i)).join(' ');
    const pieces = splitLong(text, 100);
    expect(pieces.length).toBeGreaterThan(2);
    for (const p of pieces) {
      const slice = text.slice(p.start - 100, p.end - 100);
      expect(slice.length).toBeLessThanOrEqual(600);
      expect(slice).toMatch(/^Sentence \d+ says/);
      expect(slice).toMatch(/at once\.$/);
    }
  });

  it('recognises form lines', () => {
    for (const l of ['Signed _____', 'Print Name _____', 'Name:', 'Signed:', 'Date: ……', 'Signature\tDate', 'Staff / Volunteer Name', 'Signed (child):……']) {
      expect(isFieldLine(l), l).toBe(true);
    }
    for (const l of ['Staff must sign the agreement.', 'Date of next review: May 2019', 'Names of pupils must not be published']) {
      expect(isFieldLine(l), l).toBe(false);
    }
  });

  it('treats page numbers and repeated page edges in paged text as furniture', async () => {
    const rules = ['Staff must log off.', 'Passwords are private.', 'Report lost devices at once.', 'Do not install software.'];
    const page = (n: number): string => `Oakfield School – ICT Policy\n${rules[n - 1]}\n\nPage ${n} of 4`;
    const doc = structure(await ingest(new TextEncoder().encode([1, 2, 3, 4].map(page).join('\f')), 'paged.txt'));
    expect(doc.clauses.map((c) => c.text)).toEqual(rules);
    expect(doc.excluded.filter((x) => x.kind === 'running-header')).toHaveLength(4);
    expect(doc.excluded.filter((x) => x.kind === 'page-number')).toHaveLength(4);
  });
});
