import { describe, expect, it } from 'vitest';
import { findPersonalData, mask, maskQuote } from '../../../src/pipeline/analyse/redact/index.ts';
import { readFixture, readSeed } from '../staleness/seed-helpers.ts';

const found = (text: string) => findPersonalData(text).map((s) => [s.kind, s.text]);

describe('findPersonalData on the seeds', () => {
  it('finds the network manager named in West Coventry and keeps the role mailbox', () => {
    const text = readSeed('westCoventry');
    expect(found(text)).toEqual([['staff-name', 'Sue Blower']]);
    const masked = mask(text, findPersonalData(text));
    expect(masked).toContain('Only ICT Network Manager – [staff name] will be allowed');
    expect(masked).toContain('wcaicthelpdesk@westcoventryacademy.org');
  });

  it('finds "return to Ian" in Oakwood and nothing in the other seeds', () => {
    expect(found(readSeed('oakwood'))).toEqual([['staff-name', 'Ian']]);
    expect(found(readSeed('westbrook'))).toEqual([]);
    expect(found(readSeed('hanson'))).toEqual([]);
    expect(found(readSeed('ourLady'))).toEqual([]);
    expect(found(readFixture('extra/london-clc-community-users-aup-2017.txt'))).toEqual([]);
  });
});

describe('findPersonalData precision', () => {
  it('masks names given as contacts, with or without a title', () => {
    expect(found('If unsure, contact Mrs Smith in the office.')).toEqual([['staff-name', 'Mrs Smith']]);
    expect(found('Network Manager Sue Blower will help.')).toEqual([['staff-name', 'Sue Blower']]);
    expect(found('Headteacher: Mr J. Patel')).toEqual([['staff-name', 'Mr J. Patel']]);
    expect(found('Jane Doe (Data Protection Officer) handles requests.')).toEqual([['staff-name', 'Jane Doe']]);
  });

  it('does not mask role titles, organisations or ordinary sentences', () => {
    for (const text of [
      'E Safety Officer: Headteacher',
      'Contact the Data Protection Officer or the Headteacher.',
      'speak to your Line Manager, Leadership Team or HR Manager.',
      'report it to Childline or contact Slough Borough Council.',
      'See Regulation of Investigatory Powers Act 2000, below.',
      'Ask Questions about the policy at induction.',
      'The Designated Safeguarding Lead will decide.',
    ]) {
      expect(found(text), text).toEqual([]);
    }
  });

  it('tells personal mailboxes from role mailboxes', () => {
    expect(found('Email jane.smith@school.org.uk or jsmith@school.org.uk')).toEqual([
      ['email', 'jane.smith@school.org.uk'],
      ['email', 'jsmith@school.org.uk'],
    ]);
    expect(found('Email office@school.org.uk, admin@x.sch.uk, helpdesk@x.org, dpo@x.org or head@x.org.')).toEqual([]);
  });

  it('finds UK phone numbers but not years, section numbers or statutory instruments', () => {
    expect(found('Call 01234 567890, (01234) 567 890, +44 (0)1234 567890 or 07700 900123.').map(([k]) => k)).toEqual(['phone', 'phone', 'phone', 'phone']);
    expect(found('SI 2018/356, section 4.2 and 25/11/2024 are not phones; nor is 2019 2020.')).toEqual([]);
  });
});

describe('mask and maskQuote', () => {
  const text = 'Please sign one copy and return to Ian. Call 01234 567890 or email ian.jones@oakwood.sch.uk today.';
  const spans = findPersonalData(text);

  it('replaces each span with its placeholder', () => {
    expect(mask(text, spans)).toBe('Please sign one copy and return to [staff name]. Call [phone] or email [email] today.');
  });

  it('masks a quote taken from the middle of the text, leaving the rest verbatim', () => {
    const start = text.indexOf('return');
    const end = text.indexOf(' today');
    const quote = text.slice(start, end);
    expect(maskQuote(quote, start, spans)).toBe('return to [staff name]. Call [phone] or email [email]');
  });

  it('masks a span cut by the edge of the quote, and leaves quotes without personal data untouched', () => {
    const start = text.indexOf('567890');
    expect(maskQuote(text.slice(start, start + 12), start, spans)).toBe('[phone] or em');
    expect(maskQuote('Please sign', 0, spans)).toBe('Please sign');
  });
});
