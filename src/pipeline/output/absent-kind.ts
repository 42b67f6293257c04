/**
 * The two kinds of absence the dataset keeps apart (coverage.csv `absent_kind`, findings.csv, the site): a type
 * whose closest sentence came near the threshold and that no reviewer has checked is `not-found-check`; any other
 * absent type is `missing`. Kept apart from exports.ts so browser code can use it without bundling zod.
 */
export type AbsentKind = 'not-found-check' | 'missing';

export interface AbsentCell {
  status: 'present' | 'partial' | 'absent';
  candidate?: unknown;
  review?: 'confirmed' | 'corrected' | undefined;
}

/** The kind of absence of a cell, or null when the type is covered. */
export function absentKind(cell: AbsentCell): AbsentKind | null {
  if (cell.status !== 'absent') return null;
  return cell.candidate && !cell.review ? 'not-found-check' : 'missing';
}
