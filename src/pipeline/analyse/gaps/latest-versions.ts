/**
 * A school's current documents: the newest version of each kind. Older versions stay in the dataset for version
 * comparison but must not count twice in prevalence or school coverage.
 */
import { comparePartialDates, summaryDate } from '../../dates/index.ts';
import type { PolicySummary } from './types.ts';

/** Years, "v2", "draft" and punctuation removed, so successive versions of one "other" document share a key. */
function titleKey(title: string | null | undefined): string {
  return (title ?? '')
    .toLowerCase()
    .replace(/\b(?:19|20)\d\d\b|\bv(?:ersion)?\s*\d+\b|\b(?:draft|final|updated|revised)\b/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Which document series a policy belongs to: school + kind (+ title for documents of kind `other`). */
export function seriesKey(p: Pick<PolicySummary, 'schoolId' | 'kind' | 'title'>): string {
  return p.kind === 'other' ? `${p.schoolId}\u0000other\u0000${titleKey(p.title)}` : `${p.schoolId}\u0000${p.kind}`;
}

/** Newer first by date, then by policy id so equal dates resolve the same way every run. */
function newer<P extends PolicySummary>(x: P, y: P): boolean {
  const c = comparePartialDates(summaryDate(x), summaryDate(y));
  return c > 0 || (c === 0 && x.policyId > y.policyId);
}

/** The latest version in each series, in input order of first appearance. */
export function latestVersions<P extends PolicySummary>(policies: readonly P[]): P[] {
  const best = new Map<string, P>();
  for (const p of policies) {
    const key = seriesKey(p);
    const current = best.get(key);
    if (!current || newer(p, current)) best.set(key, p);
  }
  return [...best.values()];
}

/** Every series with its versions oldest first, for version-to-version comparison. */
export function versionSeries<P extends PolicySummary>(policies: readonly P[]): P[][] {
  const series = new Map<string, P[]>();
  for (const p of policies) {
    const key = seriesKey(p);
    const list = series.get(key);
    if (list) list.push(p);
    else series.set(key, [p]);
  }
  return [...series.values()].map((list) =>
    [...list].sort((x, y) => comparePartialDates(summaryDate(x), summaryDate(y)) || (x.policyId < y.policyId ? -1 : x.policyId > y.policyId ? 1 : 0)),
  );
}
