/**
 * Date forms found in UK school policies, parsed at the precision the document gives them.
 *
 * UK documents write numeric dates day first, so `6/10/16` is 6 October 2016 and never 10 June. A month-only date
 * stays `2018-05`; a term maps to the month it starts (`Autumn Term 2015` → `2015-09`); an academic year maps to
 * the year it starts (`2022/23` → `2022`). Nothing here invents a day or month the text did not give.
 */
import type { PartialDate } from '../types.ts';

export type DatePrecision = 'year' | 'month' | 'day';

/** What kind of surface form a date was written in; useful in warnings and for ranking weak forms. */
export type DateForm = 'iso' | 'numeric' | 'day-month-year' | 'month-year' | 'term' | 'academic-year' | 'year';

/** A date found in a piece of text. `start`/`end` are offsets into the string that was searched. */
export interface DateMatch {
  value: PartialDate;
  precision: DatePrecision;
  form: DateForm;
  start: number;
  end: number;
  quote: string;
}

/** A date-shaped string that names no real day, e.g. `31/02/2019` or the US-style `5.19.15`. */
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

const MONTH_NAME =
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
  // 25/11/24, 25.11.2024, 6/10/16, 25-11-2024
  {
    form: 'numeric',
    re: /(?<d>\d{1,2})(?<sep>[/.-])(?<m>\d{1,2})\k<sep>(?<y>\d{4}|\d{2})(?![\d/]|\.\d)/y,
  },
  // 19 October 2012, 19th October 2012, Monday 19th of October, 2012, 19-Oct-2012
  {
    form: 'day-month-year',
    re: new RegExp(
      `${WEEKDAY}(?<d>\\d{1,2})${ORDINAL}?(?:\\s+of)?[\\s-]+(?<mon>${MONTH_NAME})\\.?,?[\\s-]+(?<y>${YEAR4})(?!\\d)`,
      'yi',
    ),
  },
  // October 19, 2012 / October 19th 2012 (unambiguous even though US-ordered)
  {
    form: 'day-month-year',
    re: new RegExp(`${WEEKDAY}(?<mon>${MONTH_NAME})\\.?\\s+(?<d>\\d{1,2})${ORDINAL}?,?\\s+(?<y>${YEAR4})(?!\\d)`, 'yi'),
  },
  // November 2027, Nov 2027, JUNE 2018, Sept. 2017, Nov-2027, Nov '27
  {
    form: 'month-year',
    re: new RegExp(`(?<mon>${MONTH_NAME})\\.?,?[\\s-]+(?:(?<y>${YEAR4})(?![\\d/–-])|['’](?<yy>\\d{2})(?!\\d))`, 'yi'),
  },
  // Autumn Term 2015, Spring 2024, Summer Term 2023, Autumn 2 2023, Spring term, 2024
  {
    form: 'term',
    re: new RegExp(
      `(?<term>Autumn|Spring|Summer)(?:\\s+(?<half>[12])(?!\\d))?(?:\\s+[Tt]erm|\\s+TERM)?(?:\\s+(?<half2>[12])(?!\\d))?,?\\s+(?<y>${YEAR4})(?![\\d])`,
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

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

type Read = { value: PartialDate; precision: DatePrecision } | { error: string } | null;

function readMatch(form: DateForm, g: Record<string, string | undefined>): Read {
  switch (form) {
    case 'iso':
    case 'numeric': {
      const y = g.y!.length === 2 ? twoDigitYear(g.y!) : Number(g.y);
      const m = Number(g.m);
      if (g.d === undefined) return m >= 1 && m <= 12 ? { value: `${y}-${pad(m)}`, precision: 'month' } : null;
      const d = Number(g.d);
      if (m < 1 || m > 12) {
        const usStyle = form === 'numeric' && d >= 1 && d <= 12 && m <= 31;
        return { error: usStyle ? 'no month ' + m + ' (looks like a US month-first date)' : 'no month ' + m };
      }
      if (d < 1 || d > daysInMonth(y, m)) return { error: `no day ${d} in ${y}-${pad(m)}` };
      return { value: `${y}-${pad(m)}-${pad(d)}`, precision: 'day' };
    }
    case 'day-month-year': {
      const m = monthNumber(g.mon!);
      if (m === null) return null;
      const y = Number(g.y);
      const d = Number(g.d);
      if (d < 1 || d > daysInMonth(y, m)) return { error: `no day ${d} in ${y}-${pad(m)}` };
      return { value: `${y}-${pad(m)}-${pad(d)}`, precision: 'day' };
    }
    case 'month-year': {
      // "may 2018" in lower case is almost always the verb ("staff may 2018…" never happens, but "may" + year
      // does in run-together table text); insist on a capital for May.
      if (/^may$/.test(g.mon!)) return null;
      const m = monthNumber(g.mon!);
      if (m === null) return null;
      const y = g.y !== undefined ? Number(g.y) : twoDigitYear(g.yy!);
      return { value: `${y}-${pad(m)}`, precision: 'month' };
    }
    case 'term': {
      const months = TERM_MONTHS[g.term!.toLowerCase()]!;
      const half = g.half ?? g.half2;
      return { value: `${g.y}-${pad(half === '2' ? months[1] : months[0])}`, precision: 'month' };
    }
    case 'academic-year': {
      const y = Number(g.y);
      const y2 = g.y2!.length === 2 ? Math.floor(y / 100) * 100 + Number(g.y2) : Number(g.y2);
      // Only a following year makes an academic year; `2018-05` and `1998-2010` are something else.
      if (y2 !== y + 1) return null;
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
export function scanDates(
  text: string,
  options: FindDatesOptions = {},
): { dates: DateMatch[]; impossible: ImpossibleDate[] } {
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
      const read = readMatch(form, m.groups ?? {});
      if (read === null) continue;
      if ('error' in read) {
        impossible.push({ start: i, end, quote: m[0], reason: read.error });
      } else {
        dates.push({ value: read.value, precision: read.precision, form, start: i, end, quote: m[0] });
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
export function parseDate(s: string): DateMatch | null {
  const r = checkDate(s);
  return r.ok ? r.date : null;
}

/** Like `parseDate`, but says why a string is not a date (for CLI and override error messages). */
export function checkDate(s: string): { ok: true; date: DateMatch } | { ok: false; error: string } {
  const { dates, impossible } = scanDates(s, { bareYears: true });
  const stripped = (from: number, to: number) => (s.slice(0, from) + s.slice(to)).replace(/[\s.,;:()]/g, '');
  const bad = impossible[0];
  if (bad && stripped(bad.start, bad.end) === '') return { ok: false, error: `"${s.trim()}" is not a real date: ${bad.reason}` };
  const d = dates[0];
  if (dates.length === 1 && d && stripped(d.start, d.end) === '') return { ok: true, date: d };
  return { ok: false, error: `"${s.trim()}" is not a date (expected e.g. 2024-11-25, 25/11/2024, Nov 2027, 2027)` };
}

/** The precision of a PartialDate string. */
export function precisionOf(d: PartialDate): DatePrecision {
  return d.length === 4 ? 'year' : d.length === 7 ? 'month' : 'day';
}

function parts(d: PartialDate): [number, number | null, number | null] {
  const [y, m, day] = d.split('-');
  return [Number(y), m === undefined ? null : Number(m), day === undefined ? null : Number(day)];
}

/**
 * Moves a partial date by whole months, keeping its precision: `addMonths('2018-05', 12)` → `2019-05`. A day that
 * does not exist in the target month is clamped (31 Jan + 1 month → 28/29 Feb). A year-only date moves by whole
 * years and stays year-only.
 */
export function addMonths(d: PartialDate, n: number): PartialDate {
  const [y, m, day] = parts(d);
  if (m === null) return String(y + Math.trunc(n / 12));
  const total = y * 12 + (m - 1) + n;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  if (day === null) return `${ny}-${pad(nm)}`;
  return `${ny}-${pad(nm)}-${pad(Math.min(day, daysInMonth(ny, nm)))}`;
}

/**
 * Orders two partial dates, comparing only as far as both are precise: `2018` vs `2018-05` is 0 (not known to
 * differ). Returns a negative number when `a` is earlier.
 */
export function compareDates(a: PartialDate, b: PartialDate): number {
  const pa = parts(a);
  const pb = parts(b);
  for (let i = 0; i < 3; i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === null || y === null || x === undefined || y === undefined) return 0;
    if (x !== y) return x - y;
  }
  return 0;
}

/**
 * Whole months from `a` to `b` at the coarser of the two precisions (days are ignored):
 * `monthsBetween('2024-11-25', '2027-11')` → 36. Year-only dates count in multiples of 12.
 */
export function monthsBetween(a: PartialDate, b: PartialDate): number {
  const [ya, ma] = parts(a);
  const [yb, mb] = parts(b);
  if (ma === null || mb === null) return (yb - ya) * 12;
  return (yb - ya) * 12 + (mb - ma);
}
