/**
 * Pins what each caller of the date module relies on, so merging the four old helpers changed nobody's answers.
 */
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  addMonthsTo,
  compareDates,
  compareDays,
  comparePartialDates,
  endOf,
  laterOf,
  monthsBetween,
  parsePartialDate,
  startOf,
  summaryDate,
  yearOf,
} from '../../../src/pipeline/dates/index.ts';
import { reviewStatus } from '../../../src/pipeline/analyse/staleness/index.ts';
import type { PolicyMetadata } from '../../../src/pipeline/types.ts';

const p = (d: string) => parsePartialDate(d)!;

function meta(fields: Partial<Record<'approved' | 'lastReviewed' | 'nextReview', string>>, cycle: number | null = null): PolicyMetadata {
  const v = (x: string | undefined) => (x === undefined ? null : { value: x, evidence: null, source: 'text' as const });
  return {
    school: null,
    schoolIsPlaceholder: false,
    title: null,
    approved: v(fields.approved),
    lastReviewed: v(fields.lastReviewed),
    nextReview: v(fields.nextReview),
    reviewCycleMonths: cycle === null ? null : { value: cycle, evidence: null, source: 'text' },
    approvingBody: null,
    audiences: null,
    warnings: [],
  };
}

describe('metadata: choosing between candidates', () => {
  it('a month and a day in that month are not known to differ; precision is kept', () => {
    expect(compareDates('2018-05', '2018-05-14')).toBe(0);
    expect(compareDates('2018', '2018-05')).toBe(0);
    expect(compareDates('2018-05', '2018-06-01')).toBeLessThan(0);
    expect(monthsBetween('2024-07-04', '2025-07-04')).toBe(12);
    expect(monthsBetween('2022-07-13', '2025-09')).toBe(38);
    expect(addMonthsTo('2018-05', 12)).toBe('2019-05');
  });
});

describe('staleness: due dates run to the end of their period', () => {
  it('a month-precision review is due by the last day of that month', () => {
    expect(endOf(p('2019-05'))).toEqual({ year: 2019, month: 5, day: 31 });
    expect(compareDays(startOf(p('2019-06-01')), endOf(p('2019-05')))).toBeGreaterThan(0);
    expect(reviewStatus(meta({ nextReview: '2019-05' }), '2019-05-31').status).not.toBe('overdue');
    expect(reviewStatus(meta({ nextReview: '2019-05' }), '2019-06-01').status).toBe('overdue');
  });
  it('a year-precision date plus a cycle gives the year of the last possible day', () => {
    expect(addMonths(p('2016'), 18)).toEqual({ year: 2018, month: null, day: null });
    expect(reviewStatus(meta({ approved: '2016' }, 18), '2018-12-31').status).not.toBe('overdue');
  });
  it('a term date is a month and ages like one', () => {
    expect(reviewStatus(meta({ lastReviewed: '2015-09' }, 12), '2016-10-01')).toMatchObject({ status: 'overdue', dueDate: '2016-09' });
  });
});

describe('versions, lineage and gaps: a total order for sorting', () => {
  it('a coarser date sorts at the start of its period; unknown first', () => {
    expect(comparePartialDates('2018', '2018-05')).toBeLessThan(0);
    expect(comparePartialDates('2018-05', '2018-05-14')).toBeLessThan(0);
    expect(comparePartialDates(null, '2001')).toBeLessThan(0);
    expect(['2018-05-14', '2018', null, '2018-05'].sort(comparePartialDates)).toEqual([null, '2018', '2018-05', '2018-05-14']);
  });
  it('the sign-off date is the later of approval and last review', () => {
    expect(summaryDate({ approved: '2012-10-19', lastReviewed: '2014-02-02' })).toBe('2014-02-02');
    expect(summaryDate({ approved: '2024-11', lastReviewed: null })).toBe('2024-11');
    expect(laterOf('2018', '2018-05')).toBe('2018-05');
    expect(yearOf('2018-05')).toBe(2018);
    expect(yearOf(null)).toBeNull();
  });
});
