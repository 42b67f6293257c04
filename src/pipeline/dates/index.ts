/**
 * The one place dates are read and compared. Text → dates (`scan.ts`), which way round numeric dates go
 * (`order.ts`), and arithmetic on partial dates that keeps their precision (`partial.ts`). Nothing else in the
 * pipeline parses a date or a month name (test/unit/dates/single-module.test.ts keeps it so).
 */
export { scanDates, findDates, parseDate, checkDate, dateHeadAt } from './scan.ts';
export type { DateMatch, DateForm, DateOrder, ImpossibleDate, FindDatesOptions } from './scan.ts';
export { dateOrderFor } from './order.ts';
export type { OrderDecision } from './order.ts';
export {
  parsePartialDate,
  formatPartialDate,
  precisionOf,
  startOf,
  endOf,
  compareDays,
  addMonthsToDay,
  addMonths,
  addMonthsTo,
  wholeMonthsBetween,
  compareDates,
  comparePartialDates,
  laterOf,
  yearOf,
  monthsBetween,
  summaryDate,
  daysInMonth,
  describeDate,
  monthName,
} from './partial.ts';
export type { DatePrecision, ParsedDate, Day } from './partial.ts';
