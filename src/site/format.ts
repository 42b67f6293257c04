/** Display helpers shared by pages and components (UK English, no invented precision). */
import type { CellState, ReviewStatus } from './dataset-shape.ts';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `2018` → "2018", `2018-05` → "May 2018", `2018-05-14` → "14 May 2018"; null → "Not stated". */
export function partialDate(d: string | null | undefined): string {
  if (!d) return 'Not stated';
  const [y, m, day] = d.split('-');
  const month = m ? MONTHS[Number(m) - 1] : undefined;
  if (day && month) return `${Number(day)} ${month} ${y}`;
  if (month) return `${month} ${y}`;
  return y ?? d;
}

export const REVIEW_STATUS_TEXT: Record<ReviewStatus, string> = {
  current: 'In date',
  'due-soon': 'Review due soon',
  overdue: 'Overdue for review',
  unknown: 'No review date',
};

/** Text symbol per cell state, so colour is never the only signal (also used in the table and legend). */
export const CELL_SYMBOL: Record<CellState, string> = { present: '●', partial: '◐', absent: '○', stale: '!' };
export const CELL_TEXT: Record<CellState, string> = {
  present: 'Present',
  partial: 'Partly covered',
  absent: 'Absent',
  stale: 'Present but out of date',
};
/** Compact letters used in PolicySummary.cells. */
export const CELL_FROM_LETTER: Record<string, CellState> = { p: 'present', r: 'partial', a: 'absent', s: 'stale' };

export function percent(n: number, of: number): string {
  return of === 0 ? '0%' : `${Math.round((100 * n) / of)}%`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}
