import type { PartialDate } from '../../types.ts';

/**
 * Orders partial dates (`2018`, `2018-05`, `2018-05-14`) by their components; a bare year sorts at the start of
 * that year. Null sorts first: a version of unknown age is treated as the oldest.
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

/** The later of two partial dates (either may be null). */
export function laterOf(x: PartialDate | null | undefined, y: PartialDate | null | undefined): PartialDate | null {
  return comparePartialDates(x, y) >= 0 ? (x ?? null) : (y ?? null);
}

export function yearOf(date: PartialDate | null | undefined): number | null {
  if (!date) return null;
  const y = Number(date.slice(0, 4));
  return Number.isFinite(y) && y > 0 ? y : null;
}
