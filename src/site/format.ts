/** Display helpers shared by pages and components (UK English, no invented precision). */
import type { CellState, ReviewStatus } from './types.ts';

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
  'in-date': 'In date',
  'due-soon': 'Review due soon',
  overdue: 'Overdue for review',
  'no-review-date': 'No review date',
};

/** How a metadata value was obtained (MetaValue.source), in plain words. */
export const META_SOURCE_TEXT: Record<string, string> = {
  text: 'Read from the text',
  'front-matter': "Read from the file's front matter",
  derived: 'Worked out from other details',
  'email-domain': 'Guessed from an email address',
  url: 'Guessed from a web address',
  'file-name': 'Guessed from the file name',
  reviewer: 'Corrected by a reviewer',
};

/** Guidance levels in plain words. */
export const LEVEL_TEXT: Record<string, string> = {
  core: 'Core: expected by law or statutory guidance',
  recommended: 'Recommended: in the main model policies or official advice',
  optional: 'Optional: a local choice',
};

/** Why a gap counts as a gap (Gap.basis). */
export const GAP_BASIS_TEXT: Record<string, string> = {
  'guidance-core': 'Current guidance expects it (core)',
  'guidance-recommended': 'Current guidance recommends it',
  peers: 'Most similar policies have it',
};

export const SEVERITY_TEXT: Record<string, string> = { high: 'High', medium: 'Medium', low: 'Low' };

/** Text symbol per cell state, so colour is never the only signal (also used in the table and legend). */
export const CELL_SYMBOL: Record<CellState, string> = { present: '●', partial: '◐', absent: '○', stale: '!' };
export const CELL_TEXT: Record<CellState, string> = {
  present: 'Present',
  partial: 'Partly covered',
  absent: 'Absent',
  stale: 'Present but out of date',
};
/** Letters of PolicySummary.coverageCode: p present, r partial, a absent, s present but citing something outdated. */
export const CELL_FROM_LETTER: Record<string, CellState> = { p: 'present', r: 'partial', a: 'absent', s: 'stale' };

export function percent(n: number, of: number): string {
  return of === 0 ? '0%' : `${Math.round((100 * n) / of)}%`;
}

/** 0.734 → "73%". */
export function share(x: number): string {
  return `${Math.round(x * 100)}%`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}
