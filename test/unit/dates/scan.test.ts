import { describe, expect, it } from 'vitest';
import { addMonthsTo as addMonths, checkDate, compareDates, findDates, monthsBetween, parseDate, scanDates } from '../../../src/pipeline/dates/index.ts';

/** [input, expected value or null when not a date]. Forms from the domain brief §3.2–3.3 and their pitfalls. */
const CASES: ReadonlyArray<readonly [string, string | null]> = [
  ['19 October 2012', '2012-10-19'],
  ['2 February 2014', '2014-02-02'],
  ['19th October 2012', '2012-10-19'],
  ['31st October 2019', '2019-10-31'],
  ['21st October 2016', '2016-10-21'],
  ['19th of January 2015', '2015-01-19'],
  ['Monday 4 July 2018', '2018-07-04'],
  ['October 19, 2012', '2012-10-19'],
  ['October 2011', '2011-10'],
  ['May 2018', '2018-05'],
  ['Nov 2027', '2027-11'],
  ['Sept 2017', '2017-09'],
  ['Sep. 2017', '2017-09'],
  ['JUNE 2018', '2018-06'],
  ['JANUARY 2020', '2020-01'],
  ["Nov '27", '2027-11'],
  ['25/11/24', '2024-11-25'],
  ['25/11/2024', '2024-11-25'],
  ['25.11.2024', '2024-11-25'],
  ['25-11-2024', '2024-11-25'],
  ['6/10/16', '2016-10-06'],
  ['22/9/16', '2016-09-22'],
  ['26/11/16', '2016-11-26'],
  ['1/9/98', '1998-09-01'],
  ['2015-05-19', '2015-05-19'],
  ['2018-05', '2018-05'],
  ['Autumn Term 2015', '2015-09'],
  ['Spring 2024', '2024-01'],
  ['Summer Term 2023', '2023-04'],
  ['Autumn 2 2023', '2023-11'],
  ['2022-2023', '2022'],
  ['2022/23', '2022'],
  ['2023 / 2024', '2023'],
  ['2018', '2018'],
  // pitfalls: impossible or not dates at all
  ['31/02/2019', null],
  ['29/02/2023', null],
  ['5.19.15', null],
  ['13/13/2020', null],
  ['may 2018', null],
  ['1998-2010', null],
  ['version 1.4.2', null],
  ['October', null],
];

describe('parseDate reads every date form at the precision given', () => {
  for (const [input, want] of CASES) {
    it(`${JSON.stringify(input)} → ${want ?? 'not a date'}`, () => {
      expect(parseDate(input)?.value ?? null).toBe(want);
    });
  }

  it('keeps leap days that exist', () => {
    expect(parseDate('29/02/2024')?.value).toBe('2024-02-29');
  });

  it('says why an impossible date is not a date', () => {
    const r = checkDate('31/02/2019');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/31\/02\/2019.*no day 31/);
    const us = checkDate('5.19.15');
    if (!us.ok) expect(us.error).toMatch(/US month-first/);
  });
});

describe('findDates in running text', () => {
  it('ignores bare years (Acts) unless asked', () => {
    expect(findDates('Data Protection Act 1998 and KCSIE September 2016').map((d) => d.value)).toEqual(['2016-09']);
    expect(findDates('Reviewed 2019', { bareYears: true }).map((d) => d.value)).toEqual(['2019']);
  });

  it('gives offsets that slice back to the quote', () => {
    const text = 'Approved by:\tGovernors\tDate: 25/11/24';
    const [d] = findDates(text);
    expect(d && text.slice(d.start, d.end)).toBe('25/11/24');
  });

  it('reports impossible dates separately with their text', () => {
    const r = scanDates('Approved: 31/02/2019');
    expect(r.dates).toEqual([]);
    expect(r.impossible[0]).toMatchObject({ quote: '31/02/2019' });
  });

  it('does not read clause numbers or phone numbers as dates', () => {
    expect(findDates('1.4 This policy has been implemented. Tel. 0844 800 2382. See 4.2.1.')).toEqual([]);
  });
});

describe('date arithmetic keeps precision', () => {
  it('addMonths', () => {
    expect(addMonths('2018-05', 12)).toBe('2019-05');
    expect(addMonths('2024-11-25', 36)).toBe('2027-11-25');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2022', 24)).toBe('2024');
    expect(addMonths('2018-11', 3)).toBe('2019-02');
  });

  it('compareDates compares only as far as both are precise', () => {
    expect(compareDates('2018-05', '2018-06')).toBeLessThan(0);
    expect(compareDates('2018', '2018-05')).toBe(0);
    expect(compareDates('2019-01-02', '2019-01-01')).toBeGreaterThan(0);
  });

  it('monthsBetween', () => {
    expect(monthsBetween('2024-11-25', '2027-11')).toBe(36);
    expect(monthsBetween('2017-09', '2018-09')).toBe(12);
    expect(monthsBetween('2020', '2022')).toBe(24);
  });
});

describe('term, academic-year and ordinal forms keep the precision given', () => {
  it.each([
    ['Autumn term 2024', '2024-09'],
    ['Spring term 2023/24', '2024-01'],
    ['Summer Term 2023-24', '2024-04'],
    ['Autumn Term 2023/24', '2023-09'],
    ['2023/24', '2023'],
    ['May 3rd 2019', '2019-05-03'],
    ['May 3rd, 2019', '2019-05-03'],
    ['the 3rd of May 2019', '2019-05-03'],
  ])('%s → %s', (input, want) => {
    expect(findDates(input, { bareYears: true })[0]?.value).toBe(want);
  });
});

describe('numeric date order', () => {
  it('reads day first by default and month first when told', () => {
    expect(parseDate('04/12/2024')?.value).toBe('2024-12-04');
    expect(parseDate('04/12/2024', 'month-first')?.value).toBe('2024-04-12');
    expect(parseDate('5.19.15', 'month-first')?.value).toBe('2015-05-19');
    expect(parseDate('25/11/24', 'month-first')).toBeNull();
  });

  it('marks a date that names another real day the other way round', () => {
    expect(findDates('04/12/2024')[0]?.ambiguous).toBe(true);
    expect(findDates('25/11/2024')[0]?.ambiguous).toBeUndefined();
    expect(findDates('05/05/2024')[0]?.ambiguous).toBeUndefined();
  });
});
