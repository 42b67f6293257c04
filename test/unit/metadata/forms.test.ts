/**
 * Metadata header forms seen in real school policies (domain brief §3.2), as small documents. These check that we
 * parse forms, not the ten fixtures.
 */
import { describe, expect, it } from 'vitest';
import { extractMetadata } from '../../../src/pipeline/metadata/index.ts';
import type { PolicyMetadata } from '../../../src/pipeline/types.ts';

function meta(text: string, asOf = '2025-06-01'): PolicyMetadata {
  return extractMetadata({ text, headings: [], clauses: [] }, { fileName: 'test.txt', asOf });
}

type Want = Partial<{ approved: string | null; last: string | null; next: string | null; cycle: number | null; body: string | null }>;

const FORMS: ReadonlyArray<readonly [string, Want]> = [
  [
    'Staff AUP\n\nThis policy was approved by the Governing Body in October 2020, and will next be reviewed in October 2022.\n',
    { approved: '2020-10', last: null, next: '2022-10', cycle: 24 },
  ],
  [
    'ICT Policy\n\nThis policy was adopted by the Board of Trustees on 18/10/2012, and will next be reviewed by 18/10/2015.\n',
    { approved: '2012-10-18', last: null, next: '2015-10-18', cycle: 36 },
  ],
  [
    'Acceptable Use Policy\nDate Written: October 2019\nDate to be reviewed: October 2020 or before\nRatified by Governors: 31st October 2019\n',
    { approved: '2019-10-31', last: null, next: '2020-10', cycle: 12, body: 'Governing Body' },
  ],
  ['Staff AUP\nIssued: May 2020 Review: May 2022\n', { approved: '2020-05', next: '2022-05', cycle: 24 }],
  [
    'Online Safety Policy\nDate of Policy: September 2024\nStatus & Review Cycle: Annually\nNext Review Date: September 2025\n',
    { approved: '2024-09', next: '2025-09', cycle: 12 },
  ],
  [
    'ICT Policy\nDate Approved - September 2023\nApproved By - Full Governing Body\nReview Frequency - Annually\nDate of Next Review - September 2024\n',
    { approved: '2023-09', next: '2024-09', cycle: 12, body: 'Full Governing Body' },
  ],
  [
    'E-Safety Policy\nDATE APPROVED: JUNE 2018, CFC COMMITTEE MEETING\nDATE OF NEXT REVIEW: JANUARY 2020\n',
    { approved: '2018-06', next: '2020-01', cycle: null, body: 'CFC COMMITTEE' },
  ],
  [
    'Online Safety Policy\nDate this policy was reviewed and by whom February 2021 Safeguarding Team/ Governing Body\nDate of next review and by whom September 2021\n',
    { approved: null, last: '2021-02', next: '2021-09' },
  ],
  [
    'Acceptable Use Policy\n\nThis policy is reviewed annually by the Governing Body and was last reviewed on 19th January 2015.\n',
    { last: '2015-01-19', cycle: 12 },
  ],
  ['AUP\nApproved by governors 29 March 2022 To be reviewed by March 2023\n', { approved: '2022-03-29', next: '2023-03', cycle: 12 }],
  ['Staff Acceptable Use Policy\nUpdated Feb 2024 (JAL) Review date Feb 2025\n', { last: '2024-02', next: '2025-02' }],
  ['ICT Policy\nReview Date: September 2020 To be Reviewed: September 2021\n', { last: '2020-09', next: '2021-09' }],
  [
    'Online Safety Policy\nIssue Date Mar 2017 Review Date Sep 2017\nApproved by CEO/LAC Trustees Local Academy Council\n',
    { approved: '2017-03', next: '2017-09', body: 'Local Academy Council' },
  ],
  ['E-Safety Policy\nWritten: Reviewed Autumn Term 2015\n', { last: '2015-09' }],
  [
    'ICT Policy\nDate Created\tDate 1st Review Due\tDate Reviewed\tVersion\tNext Review Due\nDec 2023\tDec 2024\tDec 2025\t2\tDec 2026\n',
    { approved: '2023-12', last: '2025-12', next: '2026-12' },
  ],
  [
    'Acceptable Use Policy\nAuthorised by: Exec 6/10/16 and Full Governors 26/11/16\nEffective date of Policy: 23 September 2016\nLegal Sign-off Date: 22/9/16\n',
    { approved: '2016-11-26', body: 'Full Governing Body' },
  ],
  [
    'Online Safety Policy\nCreated August 2016\nLast Review Date September 2020\nNext Review September 2021\nOwner-Name\n',
    { approved: '2016-08', last: '2020-09', next: '2021-09', cycle: 12 },
  ],
  ['Staff ICT Policy\nUpdated: January 2018. Based on © London Grid for Learning (www.lgfl.net) template.\n', { last: '2018-01', approved: null }],
  ['Approved by:\nGovernors\nDate:\n25/11/24\nLast reviewed on:\n25/11/2024\nNext review due by:\nNov 2027\n', { approved: '2024-11-25', last: '2024-11-25', next: '2027-11', body: 'Governing Body' }],
  ['Approved by:\tGovernors\tDate: 25/11/24\nLast reviewed on:\t25/11/2024\t\nNext review due by:\tNov 2027\t\n', { approved: '2024-11-25', next: '2027-11', cycle: 36 }],
  [
    'ICT Policy\n\n(This section is based on the Model Policy, Issued October 2011)\nThe Data Protection Act 1998 applies. See KCSIE September 2016.\n',
    { approved: null, last: null, next: null },
  ],
  ['ICT USER POLICY\n\nSeptember 2017\n\nReview Date: September 2018\n', { approved: '2017-09', next: '2018-09', cycle: 12 }],
  ['Online Safety Policy\nJanuary 2018\nDATE OF REVIEW: January 2018\n', { approved: null, last: '2018-01' }],
  ['Acceptable Use Agreement 2022-2023\n\nI will use the systems responsibly.\n', { approved: null, last: null, next: null }],
  [':Date: 2010-06-19\n:Version: 1\n\nInternet access\n', { approved: '2010-06-19' }],
  ['This policy was implemented April 2016\n', { approved: '2016-04' }],
  ['Governors\n- will review this policy and its application every two years\n', { cycle: 24, body: 'Governing Body' }],
  ['The filtering policy will be reviewed annually by the technician.\n', { cycle: null }],
  ['Passwords must be changed every 90 days. Data is kept for 6 years.\n', { cycle: null }],
];

describe('header forms from real policies', () => {
  for (const [text, want] of FORMS) {
    it(JSON.stringify(text.slice(0, 90)), () => {
      const m = meta(text);
      if ('approved' in want) expect(m.approved?.value ?? null, 'approved').toBe(want.approved);
      if ('last' in want) expect(m.lastReviewed?.value ?? null, 'last reviewed').toBe(want.last);
      if ('next' in want) expect(m.nextReview?.value ?? null, 'next review').toBe(want.next);
      if ('cycle' in want) expect(m.reviewCycleMonths?.value ?? null, 'cycle').toBe(want.cycle);
      if ('body' in want) expect(m.approvingBody?.value ?? null, 'approving body').toBe(want.body);
      for (const v of [m.approved, m.lastReviewed, m.nextReview, m.reviewCycleMonths, m.approvingBody, m.title, m.school]) {
        if (v?.evidence) expect(text.slice(v.evidence.start, v.evidence.end)).toBe(v.evidence.quote);
      }
    });
  }
});

describe('titles', () => {
  it('keeps a subtitle after a colon when the words before it name a document', () => {
    expect(meta('Staff Code of Conduct: Use of Technology\nWestbrook Primary School\nApproved: 4 May 2021\n').title?.value).toBe(
      'Staff Code of Conduct: Use of Technology',
    );
  });
  it('does not take a label line for a title', () => {
    expect(meta('Policy approved: 4 May 2021\nOnline Safety Policy\n').title?.value).toBe('Online Safety Policy');
  });
});

describe('warnings', () => {
  it('names an impossible date and does not use it', () => {
    const m = meta('Acceptable Use Policy\nApproved: 31/02/2019\n');
    expect(m.approved).toBeNull();
    expect(m.warnings).toContainEqual(expect.stringMatching(/impossible date "31\/02\/2019" in "Approved: 31\/02\/2019"/));
  });

  it('flags approval and last-review dates after the as-of date, but not a future next review', () => {
    const m = meta('ICT Policy\nApproved: 12/03/2030\nLast reviewed: Jan 2031\nNext review: Jan 2032\n', '2025-06-01');
    expect(m.approved?.value).toBe('2030-03-12');
    expect(m.warnings).toContainEqual(expect.stringMatching(/^approval date 2030-03-12 is in the future \(as of 2025-06-01\)/));
    expect(m.warnings).toContainEqual(expect.stringMatching(/^last review date 2031-01 is in the future/));
    expect(m.warnings.some((w) => /next review.*future/.test(w))).toBe(false);
  });

  it('never calls a date "future" without an as-of date', () => {
    const m = extractMetadata({ text: 'Approved: 12/03/2030\n', headings: [], clauses: [] }, { fileName: 'x' });
    expect(m.warnings.some((w) => /future/.test(w))).toBe(false);
  });

  it('says when no dates are stated', () => {
    expect(meta('CLC Acceptable Use Policy\nI will not share my password.\n').warnings).toContain('no dates stated');
  });

  it('flags a template placeholder instead of a school name', () => {
    for (const placeholder of ['[enter your school name here]', '[School Name]', 'XXXX School', '<school name>']) {
      const m = meta(`${placeholder}\nAcceptable Use Policy\nApproved: May 2020\n`);
      expect(m.schoolIsPlaceholder, placeholder).toBe(true);
      expect(m.school?.value).toBe(placeholder);
      expect(m.warnings).toContainEqual(expect.stringContaining('template placeholder'));
    }
  });

  it('reads a school from a web address when the text never names it', () => {
    const m = meta('Acceptable Use Policy\nSee www.northfieldprimary.org.uk for details.\n');
    expect(m.school).toMatchObject({ value: 'Northfield Primary', source: 'url' });
    expect(m.schoolIsPlaceholder).toBe(false);
  });
});
