/**
 * When a policy is due for review, and whether it is overdue on a given day.
 *
 * Rule for partial dates: a review due in a month or a year is due by the END of that period, so a review due
 * "2019-05" is in date throughout May 2019 and overdue from 1 June 2019; one due "2019" is overdue from
 * 1 January 2020. "Due soon" means the due period ends within `dueSoonMonths` months of `asOf` (inclusive).
 */
import type { MetaValue, PartialDate, PolicyMetadata } from '../../types.ts';
import {
  addMonths,
  addMonthsToDay,
  compareDays,
  endOf,
  formatPartialDate,
  parsePartialDate,
  startOf,
  wholeMonthsBetween,
  type ParsedDate,
} from '../../dates/index.ts';

export type ReviewState = 'overdue' | 'due-soon' | 'in-date' | 'no-review-date';
export type ReviewBasis = 'next-review' | 'approval+cycle' | 'last-review+cycle' | 'none';

export interface ReviewStatus {
  status: ReviewState;
  /** When the review is (or was) due, at the precision of the date it was derived from. */
  dueDate: PartialDate | null;
  basis: ReviewBasis;
  /** Whole months between the end of the due period and `asOf`; present only when overdue. */
  monthsOverdue?: number;
  /** One plain-English sentence saying what was found and how the due date was worked out. */
  explanation: string;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "May 2019", "19 October 2012", "2016". */
export function describeDate(d: ParsedDate): string {
  if (d.month === null) return String(d.year);
  const month = MONTHS[d.month - 1] ?? '';
  return d.day === null ? `${month} ${d.year}` : `${d.day} ${month} ${d.year}`;
}

function describeCycle(months: number): string {
  if (months % 12 === 0) return months === 12 ? 'every year' : `every ${months / 12} years`;
  return months === 1 ? 'every month' : `every ${months} months`;
}

function readDate(value: MetaValue<PartialDate> | null): ParsedDate | null {
  return value === null ? null : parsePartialDate(value.value);
}

/**
 * @param meta   the policy's metadata
 * @param asOf   the day to judge against, `YYYY-MM-DD` (a month or year is read as its first day)
 * @param dueSoonMonths how far ahead a due review counts as "due soon"
 */
export function reviewStatus(meta: PolicyMetadata, asOf: string, dueSoonMonths = 3): ReviewStatus {
  const asOfParsed = parsePartialDate(asOf);
  if (asOfParsed === null) throw new RangeError(`asOf must be YYYY-MM-DD, got ${JSON.stringify(asOf)}`);
  const today = startOf(asOfParsed);

  const next = readDate(meta.nextReview);
  const approved = readDate(meta.approved);
  const lastReviewed = readDate(meta.lastReviewed);
  const cycle = meta.reviewCycleMonths !== null && meta.reviewCycleMonths.value > 0 ? meta.reviewCycleMonths.value : null;

  let due: ParsedDate;
  let basis: ReviewBasis;
  let how: string;
  if (next !== null) {
    due = next;
    basis = 'next-review';
    how = `The policy gives its next review as ${describeDate(next)}`;
  } else if (cycle !== null && (approved !== null || lastReviewed !== null)) {
    // The later of the two dates restarts the cycle: a review in 2014 resets a cycle begun by a 2012 approval.
    const useLast = lastReviewed !== null && (approved === null || compareDays(startOf(lastReviewed), startOf(approved)) >= 0);
    const from = useLast ? (lastReviewed as ParsedDate) : (approved as ParsedDate);
    due = addMonths(from, cycle);
    basis = useLast ? 'last-review+cycle' : 'approval+cycle';
    how = `${useLast ? 'Last reviewed' : 'Approved'} ${describeDate(from)} and reviewed ${describeCycle(cycle)}, so the next review was due by ${describeDate(due)}`;
  } else {
    const age = approved !== null ? ` It was approved ${describeDate(approved)}.` : '';
    const cycleOnly = cycle !== null ? ` It says it is reviewed ${describeCycle(cycle)} but gives no date to count from.` : '';
    return {
      status: 'no-review-date',
      dueDate: null,
      basis: 'none',
      explanation: `No review date stated.${cycleOnly}${age}`.replace(/\s+$/, ''),
    };
  }

  const dueEnd = endOf(due);
  const dueDate = formatPartialDate(due);
  if (compareDays(today, dueEnd) > 0) {
    const monthsOverdue = wholeMonthsBetween(dueEnd, today);
    const span = monthsOverdue === 0 ? 'less than a month' : monthsOverdue === 1 ? '1 month' : `${monthsOverdue} months`;
    return { status: 'overdue', dueDate, basis, monthsOverdue, explanation: `${how}; the review is ${span} overdue.` };
  }
  if (compareDays(dueEnd, addMonthsToDay(today, dueSoonMonths)) <= 0) {
    return { status: 'due-soon', dueDate, basis, explanation: `${how}; the review is due within ${dueSoonMonths} months.` };
  }
  return { status: 'in-date', dueDate, basis, explanation: `${how}; the policy is in date.` };
}
