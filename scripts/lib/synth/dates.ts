/**
 * Dates written the many ways school policies write them ("12/03/2021", "3rd October 2019", "Autumn Term 2025"),
 * with the precision each form really carries, so the truth file never claims a day the text does not give.
 */
import type { Random } from './prng.ts';

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

export type Precision = 'day' | 'month' | 'term' | 'year';

export interface ShownDate {
  text: string;
  precision: Precision;
  /** The date at the precision shown: `2021-03-12`, `2021-03`, or `2021` for a term or a bare year. */
  value: string;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MON_SEPT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'June', 'July', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'];

type Style =
  | 'dd/mm/yyyy' | 'dd/mm/yy' | 'd/m/yy' | 'dd.mm.yyyy' | 'd month yyyy' | 'dth month yyyy' | 'month yyyy'
  | 'mon yyyy' | 'MONTH YYYY' | 'iso' | 'term' | 'season';

const STYLES: ReadonlyArray<readonly [Style, number]> = [
  ['dd/mm/yyyy', 14], ['dd/mm/yy', 6], ['d/m/yy', 3], ['dd.mm.yyyy', 3], ['d month yyyy', 14], ['dth month yyyy', 10],
  ['month yyyy', 24], ['mon yyyy', 8], ['MONTH YYYY', 3], ['iso', 2], ['term', 8], ['season', 3],
];

const pad = (n: number): string => String(n).padStart(2, '0');

function ordinal(d: number): string {
  const rem = d % 100;
  if (rem >= 11 && rem <= 13) return `${d}th`;
  return `${d}${d % 10 === 1 ? 'st' : d % 10 === 2 ? 'nd' : d % 10 === 3 ? 'rd' : 'th'}`;
}

/** English school terms: autumn from September, spring from January, summer from April (after Easter). */
export function termOf(m: number): 'Autumn' | 'Spring' | 'Summer' {
  return m >= 9 ? 'Autumn' : m <= 3 ? 'Spring' : 'Summer';
}

export function pickDateStyle(rng: Random): Style {
  return rng.weighted(STYLES);
}

export function showDate(date: Ymd, style: Style): ShownDate {
  const { y, m, d } = date;
  const day = `${y}-${pad(m)}-${pad(d)}`;
  const month = `${y}-${pad(m)}`;
  const monthName = MONTHS[m - 1] ?? '';
  switch (style) {
    case 'dd/mm/yyyy':
      return { text: `${pad(d)}/${pad(m)}/${y}`, precision: 'day', value: day };
    case 'dd/mm/yy':
      return { text: `${pad(d)}/${pad(m)}/${pad(y % 100)}`, precision: 'day', value: day };
    case 'd/m/yy':
      return { text: `${d}/${m}/${pad(y % 100)}`, precision: 'day', value: day };
    case 'dd.mm.yyyy':
      return { text: `${pad(d)}.${pad(m)}.${y}`, precision: 'day', value: day };
    case 'd month yyyy':
      return { text: `${d} ${monthName} ${y}`, precision: 'day', value: day };
    case 'dth month yyyy':
      return { text: `${ordinal(d)} ${monthName} ${y}`, precision: 'day', value: day };
    case 'month yyyy':
      return { text: `${monthName} ${y}`, precision: 'month', value: month };
    case 'mon yyyy':
      return { text: `${(y + m) % 2 === 0 ? MON[m - 1] : MON_SEPT[m - 1]} ${y}`, precision: 'month', value: month };
    case 'MONTH YYYY':
      return { text: `${monthName.toUpperCase()} ${y}`, precision: 'month', value: month };
    case 'iso':
      return { text: day, precision: 'day', value: day };
    case 'term':
      return { text: `${termOf(m)} Term ${y}`, precision: 'term', value: String(y) };
    case 'season':
      return { text: `${termOf(m)} ${y}`, precision: 'term', value: String(y) };
  }
}

export function addMonths(date: Ymd, months: number): Ymd {
  const total = date.y * 12 + (date.m - 1) + months;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  return { y, m, d: Math.min(date.d, 28) };
}

export function compareYmd(a: Ymd, b: Ymd): number {
  return a.y - b.y || a.m - b.m || a.d - b.d;
}

export function isoOf(date: Ymd): string {
  return `${date.y}-${pad(date.m)}-${pad(date.d)}`;
}

/** Governors meet in term time: approval dates avoid August and the Christmas week. */
export function randomMeetingDate(rng: Random, fromYear: number, toYear: number): Ymd {
  const y = rng.int(fromYear, toYear);
  const m = rng.weighted<number>([[1, 7], [2, 8], [3, 9], [4, 6], [5, 8], [6, 9], [7, 7], [8, 1], [9, 10], [10, 10], [11, 10], [12, 5]]);
  const d = rng.int(1, m === 12 ? 18 : 28);
  return { y, m, d };
}
