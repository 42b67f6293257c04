/**
 * What changed between two versions of one school's policy, and whether the version is a real review or only a
 * new date on the same text ("review date moved but text unchanged" is a common finding for governors).
 */
import type { PartialDate, PolicyMetadata } from '../../types.ts';
import { alignClauses, type ClauseLike } from '../diff/align-clauses.ts';
import { collapseWhitespace } from '../diff/normalise.ts';
import { diffStats, type WordDiffResult } from '../diff/word-diff.ts';
import { comparePartialDates, laterOf } from '../../dates/index.ts';

export { comparePartialDates } from '../../dates/index.ts';

export interface VersionDates {
  approved?: PartialDate | null;
  lastReviewed?: PartialDate | null;
  nextReview?: PartialDate | null;
}

export interface PolicyVersion<C extends ClauseLike = ClauseLike> {
  policyId: string;
  dates: VersionDates;
  clauses: readonly C[];
}

export interface ClauseRef {
  id: string;
  label: string | null;
  text: string;
}

export interface ChangedClause {
  older: ClauseRef;
  newer: ClauseRef;
  similarity: number;
  diff: WordDiffResult;
  moved: boolean;
}

export interface DateChange {
  field: keyof VersionDates;
  older: PartialDate | null;
  newer: PartialDate | null;
}

export interface VersionFlags {
  /** Dates differ but at least `unchangedThreshold` (98%) of the clause text is identical. */
  reviewDateMovedTextUnchanged: boolean;
  /** At least `unchangedThreshold` of the text is identical, whatever the dates say. */
  textUnchanged: boolean;
  /** The text changed but no date did: a revision nobody recorded. */
  textChangedDatesUnchanged: boolean;
  /** Less than half of the older text survives: effectively a new policy. */
  majorRewrite: boolean;
  /** The "newer" version carries an earlier date than the "older" one. */
  outOfOrder: boolean;
}

export interface VersionComparison {
  olderId: string;
  newerId: string;
  added: ClauseRef[];
  removed: ClauseRef[];
  changed: ChangedClause[];
  unchangedCount: number;
  movedCount: number;
  /** Share (0–1) of the text, in non-space characters, that is identical in both versions. */
  identicalShare: number;
  dateChanges: DateChange[];
  flags: VersionFlags;
}

export interface CompareVersionsOptions {
  /** Share of identical text above which a version counts as unchanged. Default 0.98. */
  unchangedThreshold?: number;
  minSimilarity?: number;
}

/** The dates a version comparison looks at, taken from the metadata stage's output. */
export function versionDatesFrom(meta: Pick<PolicyMetadata, 'approved' | 'lastReviewed' | 'nextReview'> | null): VersionDates {
  return {
    approved: meta?.approved?.value ?? null,
    lastReviewed: meta?.lastReviewed?.value ?? null,
    nextReview: meta?.nextReview?.value ?? null,
  };
}

/** The date that places a version in time: the later of approved and last reviewed. */
export function versionDate(dates: VersionDates): PartialDate | null {
  return laterOf(dates.approved, dates.lastReviewed);
}

/** Versions in date order (oldest first); ties keep policy id order so the result is stable. */
export function orderVersions<V extends { policyId: string; dates: VersionDates }>(versions: readonly V[]): V[] {
  return [...versions].sort(
    (x, y) => comparePartialDates(versionDate(x.dates), versionDate(y.dates)) || (x.policyId < y.policyId ? -1 : x.policyId > y.policyId ? 1 : 0),
  );
}

function ref(c: ClauseLike): ClauseRef {
  return { id: c.id, label: c.label ?? null, text: c.text };
}

function solidLength(text: string): number {
  return text.replace(/\s+/g, '').length;
}

const DATE_FIELDS: (keyof VersionDates)[] = ['approved', 'lastReviewed', 'nextReview'];

export function compareVersions<C extends ClauseLike>(
  older: PolicyVersion<C>,
  newer: PolicyVersion<C>,
  options: CompareVersionsOptions = {},
): VersionComparison {
  const threshold = options.unchangedThreshold ?? 0.98;
  const rows = alignClauses(older.clauses, newer.clauses, {
    withDiff: true,
    ...(options.minSimilarity !== undefined ? { minSimilarity: options.minSimilarity } : {}),
  });
  const added: ClauseRef[] = [];
  const removed: ClauseRef[] = [];
  const changed: ChangedClause[] = [];
  let unchangedCount = 0;
  let movedCount = 0;
  let identical = 0;
  for (const row of rows) {
    if (row.moved) movedCount++;
    if (row.change === 'added' && row.b) added.push(ref(row.b));
    else if (row.change === 'removed' && row.a) removed.push(ref(row.a));
    else if (row.change === 'same' && row.a) {
      unchangedCount++;
      identical += solidLength(row.a.text);
    } else if (row.a && row.b) {
      const diff = row.diff ?? { rewritten: true as const };
      changed.push({ older: ref(row.a), newer: ref(row.b), similarity: row.similarity, diff, moved: row.moved === true });
      if (!diff.rewritten) identical += diffStats(diff.ops).equalChars;
    }
  }
  const olderChars = older.clauses.reduce((n, c) => n + solidLength(c.text), 0);
  const newerChars = newer.clauses.reduce((n, c) => n + solidLength(c.text), 0);
  const denominator = Math.max(olderChars, newerChars);
  const identicalShare = denominator === 0 ? 1 : identical / denominator;

  const dateChanges: DateChange[] = [];
  for (const field of DATE_FIELDS) {
    const o = older.dates[field] ?? null;
    const n = newer.dates[field] ?? null;
    if (o !== n) dateChanges.push({ field, older: o, newer: n });
  }
  const textUnchanged = identicalShare >= threshold;
  const textChanged = added.length + removed.length + changed.length > 0 && !textUnchanged;
  const olderDate = versionDate(older.dates);
  const newerDate = versionDate(newer.dates);
  return {
    olderId: older.policyId,
    newerId: newer.policyId,
    added,
    removed,
    changed,
    unchangedCount,
    movedCount,
    identicalShare,
    dateChanges,
    flags: {
      reviewDateMovedTextUnchanged: dateChanges.length > 0 && textUnchanged,
      textUnchanged,
      textChangedDatesUnchanged: textChanged && dateChanges.length === 0,
      majorRewrite: identicalShare < 0.5,
      outOfOrder: olderDate !== null && newerDate !== null && comparePartialDates(olderDate, newerDate) > 0,
    },
  };
}

/** Layout-insensitive check used by callers that only need to know whether two versions are word-identical. */
export function sameText(a: readonly ClauseLike[], b: readonly ClauseLike[]): boolean {
  return collapseWhitespace(a.map((c) => c.text).join(' ')) === collapseWhitespace(b.map((c) => c.text).join(' '));
}
