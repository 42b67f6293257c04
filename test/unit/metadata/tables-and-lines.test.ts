/**
 * Cover sheets as real policies lay them out once converted to text: a row of labels over a row of values, labels
 * and values on separate lines, a date or a label wrapped over two lines, version-control tables, and US dates.
 * Each case is a short snippet in the shape found in real documents, never one document's sentence.
 */
import { describe, expect, it } from 'vitest';
import { extractMetadata } from '../../../src/pipeline/metadata/index.ts';
import type { PolicyMetadata } from '../../../src/pipeline/types.ts';

function meta(text: string, nation?: string): PolicyMetadata {
  return extractMetadata({ text, headings: [], clauses: [] }, { fileName: 'test.txt', asOf: '2026-12-07', ...(nation ? { nation } : {}) });
}

type Want = Partial<{ approved: string | null; last: string | null; next: string | null; cycle: number | null }>;

const CASES: ReadonlyArray<readonly [string, string, Want]> = [
  [
    'a row of labels over a row of values (tabs keep a blank cell)',
    'Online Safety Policy\nDate approved\tApproved by\tReview date\n14/03/2023\tFull Governing Body\t\n',
    { approved: '2023-03-14', next: null },
  ],
  [
    'a version-control table: the latest approved row is the approval, its blank review cell no review date',
    'E-Safety Policy\nVersion\tDate\tAuthor\tStatus\tReview date\n1.0\t12/05/2019\tJ Smith\tApproved\t12/05/2020\n2.0\t03/02/2022\tJ Smith\tApproved\t\n2.1\t10/01/2023\tA Jones\tDraft\t10/01/2024\n',
    { approved: '2022-02-03', next: null },
  ],
  [
    'a Markdown table of labels and values',
    '# Acceptable Use Policy\n\n| Date adopted | Last reviewed | Next review |\n|---|---|---|\n| September 2021 | September 2023 | September 2024 |\n',
    { approved: '2021-09', last: '2023-09', next: '2024-09', cycle: 12 },
  ],
  [
    'a label over its value on the next line (one cell per line)',
    'Acceptable Use Policy\n\nPolicy review date\n\nJUNE 2017\n\nDate of next review\n\nJUNE 2020\n',
    { last: '2017-06', next: '2020-06', cycle: 36 },
  ],
  [
    'a column of labels, then a column of values',
    'Devices Policy\nThis policy was adopted on\nSigned on behalf of the\nmanagement team\nDate for review\nSeptember 2019\nSeptember 2020\n',
    { approved: '2019-09', next: '2020-09', cycle: 12 },
  ],
  [
    'a date split over two lines',
    'Online Safety Policy\nDate approved by governors: 4th\nJuly 2024\nNext review: July 2025\n',
    { approved: '2024-07-04', next: '2025-07', cycle: 12 },
  ],
  [
    'a label wrapped onto the next line, its value beside the first half',
    'Online Safety Policy\n        Date this policy was     October 2020   A Head\n        reviewed and by whom\n        Date of next review      October 2021\n',
    { approved: null, last: '2020-10', next: '2021-10', cycle: 12 },
  ],
  [
    'a change-history table with one cell per line',
    'ICT Policy\nChange History\nVersion\nAuthorised by\nDate\nSummary of Changes\n1.1\nN/A\n18/06/2015\nFull review and update\n1.2\nN/A\n11/09/2015\nUpdated following consultation with\nunions\n1.3\nN/A\n02/10/2015\nMinor wording\n',
    { last: '2015-10-02' },
  ],
  [
    'a strip of labels on one line after a non-date key',
    'Title: Online Access and Safety Policy Issued: May 2020 Review: May 2022 Page 1 of 22\n',
    { approved: '2020-05', next: '2022-05', cycle: 24 },
  ],
  [
    'labels in a page with no line breaks',
    `${'The school expects all staff to use technology safely and to report concerns promptly. '.repeat(6)}Safeguarding Governor Written: June 2017 Date of Review: June 2018`,
    { approved: '2017-06', next: '2018-06', cycle: 12 },
  ],
  [
    'a date in the title line, with a later update line',
    'Acceptable Use Policy – September 2022\nUpdated: March 2023\n',
    { approved: '2022-09', last: '2023-03' },
  ],
  [
    'a "for approval" line is not the approval',
    'Online Safety Policy\nDate for approval: June 2024\nReviewed: May 2024\n',
    { approved: null, last: '2024-05' },
  ],
  [
    'a "reviewed" line is the last review, not the approval',
    'ICT Policy\nApproved: 12 March 2021\nReviewed: 9 March 2023\nNext review: March 2024\n',
    { approved: '2021-03-12', last: '2023-03-09', next: '2024-03', cycle: 12 },
  ],
  [
    '"approved and reviewed" on one date gives both',
    'Staff AUP\nReviewed and approved: 7 February 2024\n',
    { approved: '2024-02-07', last: '2024-02-07' },
  ],
  ['an ordinal day after the month', 'Technology Policy\nAdopted: May 3rd 2019\n', { approved: '2019-05-03' }],
  ['publication stamps', 'Online Safety Guidance\nPublished on 12 January 2021\nCreation date: 02/11/2020\n', { approved: '2021-01-12' }],
  ['a term', 'E-Safety Policy\nLast reviewed: Autumn term 2024\nNext review: Autumn term 2025\n', { last: '2024-09', next: '2025-09', cycle: 12 }],
  ['an academic year keeps year precision', 'Acceptable Use Policy\nReview date: 2024/25\n', { next: '2024' }],
  ['"It will be reviewed annually" after a sentence about the policy', 'Our policy was written by the school. It will be reviewed annually.\n', { cycle: 12 }],
  ['"This AUP is reviewed annually"', 'This AUP is reviewed annually, and staff sign it on entry.\n', { cycle: 12 }],
  [
    'a cycle from an earlier stated date when the latest is off-cycle',
    'Online Safety Policy\n- Date reviewed - 04/12/2024\n- Date approved by trust board - 04 July 2024\n- Next review date - 04 July 2025\n',
    { approved: '2024-07-04', last: '2024-12-04', next: '2025-07-04', cycle: 12 },
  ],
  [
    'a wrapped prose sentence across a blank line',
    'This policy is reviewed annually by the Governing Body and was last\n\nreviewed on 19th January 2015\n',
    { last: '2015-01-19', cycle: 12 },
  ],
  [
    'US month-first dates decided from the document',
    'Springfield School District\nTechnology Acceptable Use\nApproved by the Board of Education: 09/04/2019\nThe superintendent will review this policy every two years in line with state and federal law.\n',
    { approved: '2019-09-04', cycle: 24 },
  ],
];

describe('cover sheets and tables', () => {
  for (const [name, text, want] of CASES) {
    it(name, () => {
      const m = meta(text);
      if ('approved' in want) expect(m.approved?.value ?? null, 'approved').toBe(want.approved);
      if ('last' in want) expect(m.lastReviewed?.value ?? null, 'last reviewed').toBe(want.last);
      if ('next' in want) expect(m.nextReview?.value ?? null, 'next review').toBe(want.next);
      if ('cycle' in want) expect(m.reviewCycleMonths?.value ?? null, 'cycle').toBe(want.cycle);
      for (const v of [m.approved, m.lastReviewed, m.nextReview, m.reviewCycleMonths]) {
        if (v?.evidence) expect(text.slice(v.evidence.start, v.evidence.end)).toBe(v.evidence.quote);
      }
    });
  }
});

describe('evidence cites the label and the value', () => {
  it('a value on the next line is quoted with its label', () => {
    const m = meta('Acceptable Use Policy\n\nPolicy review date\n\nJUNE 2017\n\nDate of next review\n\nJUNE 2020\n');
    expect(m.nextReview?.evidence?.quote).toBe('Date of next review\n\nJUNE 2020');
  });
  it('a value in a table row is quoted from its column label to the value', () => {
    const m = meta('Online Safety Policy\nDate approved\tApproved by\tReview date\n14/03/2023\tFull Governing Body\t\n');
    expect(m.approved?.evidence?.quote).toMatch(/^Date approved[\s\S]*14\/03\/2023$/);
  });
});

describe('numeric date order', () => {
  it('the school’s nation decides', () => {
    expect(meta('AUP\nApproved: 04/05/2020\n', 'United States').approved?.value).toBe('2020-04-05');
    expect(meta('AUP\nApproved: 04/05/2020\n', 'England').approved?.value).toBe('2020-05-04');
  });
  it('an ambiguous date in a document that does not show its country is read day first, with a warning', () => {
    const m = meta('AUP\nApproved: 04/05/2020\n');
    expect(m.approved?.value).toBe('2020-05-04');
    expect(m.warnings).toContainEqual(expect.stringMatching(/"Approved: 04\/05\/2020" read day first as 2020-05-04/));
  });
  it('no warning when the document shows it is British', () => {
    const m = meta('AUP\nApproved by the governing body: 04/05/2020\nThe headteacher monitors behaviour.\n');
    expect(m.approved?.value).toBe('2020-05-04');
    expect(m.warnings.some((w) => /day first/.test(w))).toBe(false);
  });
});
