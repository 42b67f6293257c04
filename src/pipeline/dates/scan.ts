/**
 * Date forms found in school policies, read at the precision the document gives them.
 *
 * Numeric dates are day first (`6/10/16` is 6 October 2016) unless the caller says the document is month first
 * (a US district's policy: see `order.ts`). A month-only date stays `2018-05`; a term maps to the month it starts
 * (`Autumn Term 2015` → `2015-09`, `Spring term 2023/24` → `2024-01`); an academic year maps to the year it starts
 * (`2022/23` → `2022`). Nothing here invents a day or month the text did not give.
 */
import type { PartialDate } from '../types.ts';
import { daysInMonth, pad2, type DatePrecision } from './partial.ts';

/** What kind of surface form a date was written in; useful in warnings and for ranking weak forms. */
export type DateForm = 'iso' | 'numeric' | 'day-month-year' | 'month-year' | 'term' | 'academic-year' | 'year';

/** Which part of a numeric date comes first: UK and most of the world `day-first`, the US `month-first`. */
export type DateOrder = 'day-first' | 'month-first';

/** A date found in a piece of text. `start`/`end` are offsets into the string that was searched. */
export interface DateMatch {
  value: PartialDate;
  precision: DatePrecision;
  form: DateForm;
  start: number;
  end: number;
  quote: string;
  /** A numeric date that reads as a different real day in the other order (`04/12/2024`). */
  ambiguous?: boolean;
}

/** A date-shaped string that names no real day, e.g. `31/02/2019` or, read day first, `5.19.15`. */
export interface ImpossibleDate {
  start: number;
  end: number;
  quote: string;
  reason: string;
}

export interface FindDatesOptions {
  /**
   * Accept a bare four-digit year (`2018`) as a date. Off by default: in running text a bare year is far more often
   * an Act ("Data Protection Act 1998") than a policy date, so only callers reading a labelled value turn it on.
   */
  bareYears?: boolean;
  /** How to read numeric dates; day first unless the document is known to be month first. */
  order?: DateOrder;
}

const MONTHS: ReadonlyArray<readonly [RegExp, number]> = [
  [/^jan(uary)?$/i, 1],
  [/^feb(ruary)?$/i, 2],
  [/^mar(ch)?$/i, 3],
  [/^apr(il)?$/i, 4],
  [/^may$/i, 5],
  [/^june?$/i, 6],
  [/^july?$/i, 7],
  [/^aug(ust)?$/i, 8],
  [/^sep(t|tember)?$/i, 9],
  [/^oct(ober)?$/i, 10],
  [/^nov(ember)?$/i, 11],
  [/^dec(ember)?$/i, 12],
];

/** A month name as a regular-expression source, for callers that must find one inside a larger phrase. */
export const MONTH_NAME =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
const YEAR4 = '(?:19[89]\\d|20\\d\\d)';
const ORDINAL = '(?:st|nd|rd|th)';
const WEEKDAY = '(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?,?\\s+)?';

/**
 * One pattern per form, tried in this order at every position; the first (longest, most specific) form wins.
 * Each has named groups read by `readMatch`.
 */
const FORMS: ReadonlyArray<{ form: DateForm; re: RegExp }> = [
  // 2015-05-19, 2015/05/19
  { form: 'iso', re: new RegExp(`(?<y>${YEAR4})[-/.](?<m>\\d{1,2})[-/.](?<d>\\d{1,2})(?![\\d])`, 'y') },
  // Academic years: 2022-2023, 2022/23, 2023 / 2024, 2022–23. Must come before ISO year-month.
  {
    form: 'academic-year',
    re: new RegExp(`(?<y>${YEAR4})\\s{0,2}[-/–—]\\s{0,2}(?<y2>${YEAR4}|\\d{2})(?![\\d/.-])`, 'y'),
  },
  // 2018-05 (ISO year-month; `2018-19` is taken above as an academic year)
  { form: 'iso', re: new RegExp(`(?<y>${YEAR4})-(?<m>0[1-9]|1[0-2])(?![\\d-])`, 'y') },
  // 25/11/24, 25.11.2024, 6/10/16, 25-11-2024 (or month first: 5.19.15)
  {
    form: 'numeric',
    re: /(?<a>\d{1,2})(?<sep>[/.-])(?<b>\d{1,2})\k<sep>(?<y>\d{4}|\d{2})(?![\d/]|\.\d)/y,
  },
  // 19 October 2012, 19th October 2012, Monday 19th of October, 2012, 19-Oct-2012
  {
    form: 'day-month-year',
    re: new RegExp(
      `${WEEKDAY}(?<d>\\d{1,2})${ORDINAL}?(?:\\s+of)?[\\s-]+(?<mon>${MONTH_NAME})\\.?,?[\\s-]+(?<y>${YEAR4})(?!\\d)`,
      'yi',
    ),
  },
  // October 19, 2012 / May 3rd 2019 / May 3rd, 2019 (the day after the month is unambiguous in any country)
  {
    form: 'day-month-year',
    re: new RegExp(`${WEEKDAY}(?<mon>${MONTH_NAME})\\.?\\s+(?<d>\\d{1,2})${ORDINAL}?,?\\s+(?<y>${YEAR4})(?!\\d)`, 'yi'),
  },
  // November 2027, Nov 2027, JUNE 2018, Sept. 2017, Nov-2027, Nov '27
  {
    form: 'month-year',
    re: new RegExp(`(?<mon>${MONTH_NAME})\\.?,?[\\s-]+(?:(?<y>${YEAR4})(?![\\d/–-])|['’](?<yy>\\d{2})(?!\\d))`, 'yi'),
  },
  // Autumn Term 2015, Spring 2024, Summer Term 2023, Autumn 2 2023, Spring term, 2024, Spring term 2023/24
  {
    form: 'term',
    re: new RegExp(
      `(?<term>Autumn|Spring|Summer)(?:\\s+(?<half>[12])(?!\\d))?(?:\\s+[Tt]erm|\\s+TERM)?(?:\\s+(?<half2>[12])(?!\\d))?,?\\s+(?<y>${YEAR4})(?:\\s{0,2}[-/–]\\s{0,2}(?<y2>${YEAR4}|\\d{2}))?(?![\\d])`,
      'yi',
    ),
  },
  { form: 'year', re: new RegExp(`(?<y>${YEAR4})(?![\\d])`, 'y') },
];

/** Term → first month, and the second half-term's first month (Autumn 2 starts after October half-term). */
const TERM_MONTHS: Record<string, readonly [number, number]> = { autumn: [9, 11], spring: [1, 2], summer: [4, 6] };

function monthNumber(name: string): number | null {
  for (const [re, n] of MONTHS) if (re.test(name)) return n;
  return null;
}

function twoDigitYear(yy: string): number {
  const n = Number(yy);
  // Policies are 1990s onward; a pivot at 70 keeps `98` as 1998 and `24` as 2024.
  return n < 70 ? 2000 + n : 1900 + n;
}

/** The second year of an academic year, or null when `y2` does not follow `y` (`1998-2010` is a range). */
function academicSecondYear(y: number, y2: string): number | null {
  const second = y2.length === 2 ? Math.floor(y / 100) * 100 + Number(y2) : Number(y2);
  return second === y + 1 ? second : null;
}

type Read = { value: PartialDate; precision: DatePrecision; ambiguous?: boolean } | { error: string } | null;

function dayValue(y: number, m: number, d: number): Read {
  if (d < 1 || d > daysInMonth(y, m)) return { error: `no day ${d} in ${y}-${pad2(m)}` };
  return { value: `${y}-${pad2(m)}-${pad2(d)}`, precision: 'day' };
}

function readNumeric(g: Record<string, string | undefined>, order: DateOrder): Read {
  const y = g.y!.length === 2 ? twoDigitYear(g.y!) : Number(g.y);
  const a = Number(g.a);
  const b = Number(g.b);
  const [d, m] = order === 'month-first' ? [b, a] : [a, b];
  if (m < 1 || m > 12) {
    const other = d >= 1 && d <= 12 && m <= 31;
    const hint = order === 'day-first' ? ' (looks like a US month-first date)' : ' (looks like a day-first date)';
    return { error: `no month ${m}${other ? hint : ''}` };
  }
  const r = dayValue(y, m, d);
  if (r && 'value' in r && a !== b && a <= 12 && b <= 12) return { ...r, ambiguous: true };
  return r;
}

function readMatch(form: DateForm, g: Record<string, string | undefined>, order: DateOrder): Read {
  switch (form) {
    case 'iso': {
      const y = Number(g.y);
      const m = Number(g.m);
      if (m < 1 || m > 12) return { error: `no month ${m}` };
      if (g.d === undefined) return { value: `${y}-${pad2(m)}`, precision: 'month' };
      return dayValue(y, m, Number(g.d));
    }
    case 'numeric':
      return readNumeric(g, order);
    case 'day-month-year': {
      const m = monthNumber(g.mon!);
      if (m === null) return null;
      return dayValue(Number(g.y), m, Number(g.d));
    }
    case 'month-year': {
      // "may 2018" in lower case is the verb in run-together table text; insist on a capital for May.
      if (/^may$/.test(g.mon!)) return null;
      const m = monthNumber(g.mon!);
      if (m === null) return null;
      const y = g.y !== undefined ? Number(g.y) : twoDigitYear(g.yy!);
      return { value: `${y}-${pad2(m)}`, precision: 'month' };
    }
    case 'term': {
      const term = g.term!.toLowerCase();
      const months = TERM_MONTHS[term]!;
      const half = g.half ?? g.half2;
      let y = Number(g.y);
      if (g.y2 !== undefined) {
        const second = academicSecondYear(y, g.y2);
        if (second === null) return null;
        // Spring and summer terms of the 2023/24 academic year fall in 2024.
        if (term !== 'autumn') y = second;
      }
      return { value: `${y}-${pad2(half === '2' ? months[1] : months[0])}`, precision: 'month' };
    }
    case 'academic-year': {
      const y = Number(g.y);
      // Only a following year makes an academic year; `2018-05` and `1998-2010` are something else.
      if (academicSecondYear(y, g.y2!) === null) return null;
      return { value: String(y), precision: 'year' };
    }
    case 'year':
      return { value: g.y!, precision: 'year' };
  }
}

function isWordChar(c: string | undefined): boolean {
  return c !== undefined && /[\p{L}\p{N}_]/u.test(c);
}

/**
 * Every date in `text`, left to right, without overlaps. Impossible dates (31/02/2019) are returned separately so
 * callers can warn about them by name instead of silently reading something else.
 */
export function scanDates(text: string, options: FindDatesOptions = {}): { dates: DateMatch[]; impossible: ImpossibleDate[] } {
  const order = options.order ?? 'day-first';
  const dates: DateMatch[] = [];
  const impossible: ImpossibleDate[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    // Dates start with a digit or a letter, never inside a word or a longer number.
    if (!/[\p{L}\p{N}]/u.test(c) || isWordChar(text[i - 1])) {
      i++;
      continue;
    }
    let advanced = false;
    for (const { form, re } of FORMS) {
      if (form === 'year' && !options.bareYears) continue;
      re.lastIndex = i;
      const m = re.exec(text);
      if (!m) continue;
      const end = i + m[0].length;
      if (isWordChar(text[end]) && !/\d/.test(text[end - 1]!)) continue;
      const read = readMatch(form, m.groups ?? {}, order);
      if (read === null) continue;
      if ('error' in read) {
        impossible.push({ start: i, end, quote: m[0], reason: read.error });
      } else {
        const match: DateMatch = { value: read.value, precision: read.precision, form, start: i, end, quote: m[0] };
        if (read.ambiguous) match.ambiguous = true;
        dates.push(match);
      }
      i = end;
      advanced = true;
      break;
    }
    if (!advanced) {
      // Skip the rest of this word or number so "12345" never yields "2345".
      let j = i + 1;
      while (j < text.length && isWordChar(text[j])) j++;
      i = j;
    }
  }
  return { dates, impossible };
}

/** All valid dates in `text`, left to right. */
export function findDates(text: string, options: FindDatesOptions = {}): DateMatch[] {
  return scanDates(text, options).dates;
}

/**
 * Reads one date that makes up the whole of `s` (surrounding spaces and punctuation allowed), e.g. for `--as-of`
 * or a reviewer's override. Accepts every form in `scanDates`, plus a bare year. Returns null when `s` is not a
 * date or names an impossible one; use `checkDate` to learn why.
 */
export function parseDate(s: string, order: DateOrder = 'day-first'): DateMatch | null {
  const r = checkDate(s, order);
  return r.ok ? r.date : null;
}

/** Like `parseDate`, but says why a string is not a date (for CLI and override error messages). */
export function checkDate(s: string, order: DateOrder = 'day-first'): { ok: true; date: DateMatch } | { ok: false; error: string } {
  const { dates, impossible } = scanDates(s, { bareYears: true, order });
  const stripped = (from: number, to: number) => (s.slice(0, from) + s.slice(to)).replace(/[\s.,;:()]/g, '');
  const bad = impossible[0];
  if (bad && stripped(bad.start, bad.end) === '') return { ok: false, error: `"${s.trim()}" is not a real date: ${bad.reason}` };
  const d = dates[0];
  if (dates.length === 1 && d && stripped(d.start, d.end) === '') return { ok: true, date: d };
  return { ok: false, error: `"${s.trim()}" is not a date (expected e.g. 2024-11-25, 25/11/2024, Nov 2027, 2027)` };
}

/** The first part of a date ending a string ("4th", "4th of", "4 July", "July 4th"), whose rest may be on the next line. */
const DATE_HEAD = new RegExp(
  `(?:\\b\\d{1,2}${ORDINAL}?(?:\\s+of)?|\\b${MONTH_NAME}\\.?(?:\\s+\\d{1,2}${ORDINAL}?)?|\\b\\d{1,2}${ORDINAL}?\\s+${MONTH_NAME}\\.?)\\s*,?$`,
  'i',
);

/** Where a date that continues past the end of `s` starts in it, or -1: `"Date approved: 4th"` → 15. */
export function dateHeadAt(s: string): number {
  return DATE_HEAD.exec(s)?.index ?? -1;
}
