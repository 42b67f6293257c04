/** One row of /data/review.json (written by src/site/review-data.ts, read by src/client/review.ts). */
export interface ReviewRow {
  id: string;
  school: string;
  title: string;
  la: string;
  trust: string;
  phase: string;
  /** Review status id: overdue, due-soon, in-date or no-review-date. */
  status: string;
  /** Review due date (partial date) or ''. */
  due: string;
  /** Whole months overdue (src/pipeline/output/review-columns.ts), or null when not overdue. */
  months: number | null;
  grade: string;
  /** Indexes into `types` of the policy's gaps (from its per-policy gaps list). */
  gaps: number[];
  /** Of those, the gaps where a sentence came close ("not found — check"); the rest are missing outright. */
  check: number[];
  /** Indexes into `types` of clause types covered with out-of-date content (coverage letter s). */
  stale: number[];
  /** Outdated references found. */
  outdated: number;
  /** Missing modern topics. */
  modern: number;
}

export interface ReviewData {
  /** [typeId, title] in taxonomy order. */
  types: [string, string][];
  rows: ReviewRow[];
}
