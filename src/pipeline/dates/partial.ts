/**
 * Arithmetic and ordering on PartialDates (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) without inventing precision: a date
 * stands for the whole period it names, and results keep the precision of their input.
 *
 * Two orderings exist on purpose, because callers ask two different questions:
 * - `compareDates` asks "is one known to be later?": it compares only as far as both dates are precise, so
 *   `2018` against `2018-05` is 0 (metadata choosing between candidates, future-date warnings).
 * - `comparePartialDates` is a total order for sorting: a coarser date sorts at the start of its period and a
 *   missing date first (versions, lineage, latest policy per school).
 * Due dates (staleness) work on whole days instead: `startOf` / `endOf` the period, then `compareDays`.
 */
import type { PartialDate } from '../types.ts';

export type DatePrecision = 'year' | 'month' | 'day';

export interface ParsedDate {
  year: number;
  /** 1–12, or null at year precision. */
  month: number | null;
  /** 1–31, or null at year or month precision. */
  day: number | null;
}

/** A whole calendar day, used for comparisons. */
export interface Day {
  year: number;
  month: number;
  day: number;
}

const PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Parses a PartialDate; null when it is malformed or names an impossible day (2019-02-30). */
export function parsePartialDate(value: string): ParsedDate | null {
  const m = PARTIAL.exec(value.trim());
  if (m === null) return null;
  const year = Number(m[1]);
  const month = m[2] === undefined ? null : Number(m[2]);
  const day = m[3] === undefined ? null : Number(m[3]);
  if (month !== null && (month < 1 || month > 12)) return null;
  if (day !== null && month !== null && (day < 1 || day > daysInMonth(year, month))) return null;
  return { year, month, day };
}

export function formatPartialDate(d: ParsedDate): PartialDate {
  const y = String(d.year).padStart(4, '0');
  if (d.month === null) return y;
  if (d.day === null) return `${y}-${pad2(d.month)}`;
  return `${y}-${pad2(d.month)}-${pad2(d.day)}`;
}

/** The precision of a PartialDate string. */
export function precisionOf(d: PartialDate): DatePrecision {
  return d.length === 4 ? 'year' : d.length === 7 ? 'month' : 'day';
}

/** First day of the period a partial date names. */
export function startOf(d: ParsedDate): Day {
  return { year: d.year, month: d.month ?? 1, day: d.day ?? 1 };
}

/** Last day of the period a partial date names: "2019-05" ends on 31 May 2019, "2019" on 31 December 2019. */
export function endOf(d: ParsedDate): Day {
  const month = d.month ?? 12;
  return { year: d.year, month, day: d.day ?? daysInMonth(d.year, month) };
}

export function compareDays(a: Day, b: Day): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** Adds calendar months to a day, clamping to the end of a shorter month (31 Jan + 1 month = 28/29 Feb). */
export function addMonthsToDay(d: Day, months: number): Day {
  const index = d.year * 12 + (d.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return { year, month, day: Math.min(d.day, daysInMonth(year, month)) };
}

/**
 * Adds months to a partial date, keeping its precision. At year precision the result is the year in which the
 * last possible day of the period falls (2016 + 18 months = 2018: the policy gets the benefit of the doubt).
 */
export function addMonths(d: ParsedDate, months: number): ParsedDate {
  if (d.month === null) {
    const end = addMonthsToDay(endOf(d), months);
    return { year: end.year, month: null, day: null };
  }
  if (d.day === null) {
    const index = d.year * 12 + (d.month - 1) + months;
    return { year: Math.floor(index / 12), month: (index % 12) + 1, day: null };
  }
  const added = addMonthsToDay({ year: d.year, month: d.month, day: d.day }, months);
  return { year: added.year, month: added.month, day: added.day };
}

/** `addMonths` on PartialDate strings: `addMonthsTo('2018-05', 12)` → `2019-05`. A malformed input comes back as is. */
export function addMonthsTo(d: PartialDate, months: number): PartialDate {
  const p = parsePartialDate(d);
  return p === null ? d : formatPartialDate(addMonths(p, months));
}

/** Whole calendar months from `from` to `to` (0 when `to` is less than a month after `from`, negative if before). */
export function wholeMonthsBetween(from: Day, to: Day): number {
  if (compareDays(to, from) < 0) return -wholeMonthsBetween(to, from);
  let months = (to.year - from.year) * 12 + (to.month - from.month);
  while (months > 0 && compareDays(addMonthsToDay(from, months), to) > 0) months -= 1;
  return months;
}

function parts(d: PartialDate): [number, number | null, number | null] {
  const [y, m, day] = d.split('-');
  return [Number(y), m === undefined ? null : Number(m), day === undefined ? null : Number(day)];
}

/**
 * Whether `a` is known to be before (negative) or after (positive) `b`, comparing only as far as both are
 * precise: `2018` vs `2018-05` is 0 (not known to differ), `2018-05` vs `2018-05-14` is 0.
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
 * A total order for sorting partial dates: a coarser date sorts at the start of its period (`2018` before
 * `2018-05` before `2018-05-14`), and null first, so a version of unknown age is treated as the oldest.
 */
export function comparePartialDates(x: PartialDate | null | undefined, y: PartialDate | null | undefined): number {
  if (!x && !y) return 0;
  if (!x) return -1;
  if (!y) return 1;
  const px = x.split('-').map(Number);
  const py = y.split('-').map(Number);
  for (let k = 0; k < 3; k++) {
    const d = (px[k] ?? 0) - (py[k] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The later of two partial dates by `comparePartialDates` (either may be null). */
export function laterOf(x: PartialDate | null | undefined, y: PartialDate | null | undefined): PartialDate | null {
  return comparePartialDates(x, y) >= 0 ? (x ?? null) : (y ?? null);
}

export function yearOf(date: PartialDate | null | undefined): number | null {
  if (!date) return null;
  const y = Number(date.slice(0, 4));
  return Number.isFinite(y) && y > 0 ? y : null;
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

/** The later of the approved and last-reviewed dates: when this version of the policy was last signed off. */
export function summaryDate(p: { approved: PartialDate | null; lastReviewed?: PartialDate | null }): PartialDate | null {
  return laterOf(p.approved, p.lastReviewed);
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The English name of a month number (1–12). */
export function monthName(month: number): string {
  return MONTH_NAMES[month - 1] ?? '';
}

/** "May 2019", "19 October 2012", "2016": a partial date in words, at its own precision. */
export function describeDate(d: ParsedDate): string {
  if (d.month === null) return String(d.year);
  const month = monthName(d.month);
  return d.day === null ? `${month} ${d.year}` : `${d.day} ${month} ${d.year}`;
}
