/**
 * Calendar arithmetic on PartialDates (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) without inventing precision: a date is
 * treated as the period it names, and results keep the precision of their input.
 */
import type { PartialDate } from '../../types.ts';

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
  const m = String(d.month).padStart(2, '0');
  if (d.day === null) return `${y}-${m}`;
  return `${y}-${m}-${String(d.day).padStart(2, '0')}`;
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

/** Whole calendar months from `from` to `to` (0 when `to` is less than a month after `from`, negative if before). */
export function wholeMonthsBetween(from: Day, to: Day): number {
  if (compareDays(to, from) < 0) return -wholeMonthsBetween(to, from);
  let months = (to.year - from.year) * 12 + (to.month - from.month);
  while (months > 0 && compareDays(addMonthsToDay(from, months), to) > 0) months -= 1;
  return months;
}
