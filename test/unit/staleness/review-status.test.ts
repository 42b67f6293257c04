import { describe, expect, it } from 'vitest';
import { addMonths, parsePartialDate, reviewStatus, wholeMonthsBetween } from '../../../src/pipeline/analyse/staleness/index.ts';
import { meta } from './seed-helpers.ts';

const AS_OF = '2026-11-22';

describe('reviewStatus (asOf 2026-11-22), seed metadata as in the gold files', () => {
  it('Westbrook: next review Nov 2027 is in date', () => {
    const r = reviewStatus(meta({ approved: '2024-11-25', lastReviewed: '2024-11-25', nextReview: '2027-11', cycle: 36 }), AS_OF);
    expect(r).toMatchObject({ status: 'in-date', dueDate: '2027-11', basis: 'next-review' });
    expect(r.monthsOverdue).toBeUndefined();
    expect(r.explanation).toBe('The policy gives its next review as November 2027; the policy is in date.');
  });

  it('Hanson: review due May 2019 is 89 whole months overdue (counted from 31 May 2019)', () => {
    const r = reviewStatus(meta({ approved: '2018-05', nextReview: '2019-05', cycle: 12 }), AS_OF);
    expect(r).toMatchObject({ status: 'overdue', dueDate: '2019-05', basis: 'next-review', monthsOverdue: 89 });
    expect(r.explanation).toBe('The policy gives its next review as May 2019; the review is 89 months overdue.');
  });

  it('Oakwood: no next review date, so last review (Feb 2014) plus the two-year cycle', () => {
    const r = reviewStatus(meta({ approved: '2012-10-19', lastReviewed: '2014-02-02', cycle: 24 }), AS_OF);
    expect(r).toMatchObject({ status: 'overdue', dueDate: '2016-02-02', basis: 'last-review+cycle', monthsOverdue: 129 });
    expect(r.explanation).toMatch(/^Last reviewed 2 February 2014 and reviewed every 2 years, so the next review was due by 2 February 2016/u);
  });

  it('approval plus cycle when there is no review date', () => {
    const r = reviewStatus(meta({ approved: '2017-09', cycle: 12 }), AS_OF);
    expect(r).toMatchObject({ status: 'overdue', dueDate: '2018-09', basis: 'approval+cycle' });
  });

  it('Our Lady of Peace: implemented April 2016 with no review date or cycle', () => {
    const r = reviewStatus(meta({ approved: '2016-04' }), AS_OF);
    expect(r).toEqual({ status: 'no-review-date', dueDate: null, basis: 'none', explanation: 'No review date stated. It was approved April 2016.' });
  });
});

describe('month-precision rule', () => {
  const due = meta({ nextReview: '2019-05' });
  it('a review due "2019-05" is still in date (due soon) on 31 May 2019', () => {
    expect(reviewStatus(due, '2019-05-31').status).toBe('due-soon');
  });
  it('and overdue from 1 June 2019, by less than a month', () => {
    const r = reviewStatus(due, '2019-06-01');
    expect(r).toMatchObject({ status: 'overdue', monthsOverdue: 0 });
    expect(r.explanation).toMatch(/less than a month overdue/u);
  });
  it('due soon means the due period ends within dueSoonMonths', () => {
    expect(reviewStatus(due, '2019-03-01').status).toBe('due-soon');
    expect(reviewStatus(due, '2019-02-27').status).toBe('in-date');
    expect(reviewStatus(due, '2019-02-27', 6).status).toBe('due-soon');
  });
  it('a year-precision due date runs to 31 December', () => {
    expect(reviewStatus(meta({ nextReview: '2026' }), AS_OF).status).toBe('due-soon');
    expect(reviewStatus(meta({ nextReview: '2025' }), AS_OF)).toMatchObject({ status: 'overdue', monthsOverdue: 10 });
  });
});

describe('partial-date arithmetic', () => {
  it('keeps the precision it was given and clamps month ends', () => {
    const add = (d: string, m: number) => addMonths(parsePartialDate(d)!, m);
    expect(add('2018-05', 12)).toEqual({ year: 2019, month: 5, day: null });
    expect(add('2024-01-31', 1)).toEqual({ year: 2024, month: 2, day: 29 });
    expect(add('2016', 18)).toEqual({ year: 2018, month: null, day: null });
  });
  it('rejects impossible dates', () => {
    expect(parsePartialDate('2019-02-30')).toBeNull();
    expect(parsePartialDate('2019-13')).toBeNull();
  });
  it('counts whole months', () => {
    expect(wholeMonthsBetween({ year: 2019, month: 5, day: 31 }, { year: 2026, month: 11, day: 22 })).toBe(89);
    expect(wholeMonthsBetween({ year: 2019, month: 5, day: 31 }, { year: 2019, month: 6, day: 30 })).toBe(1);
  });
});
