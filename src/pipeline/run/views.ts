/**
 * Corpus-wide views the site shows: the taxonomy with its guidance, dashboard counts, each clause type's
 * wordings, and what changed between versions of a school's policy. Computed once per build so pages only read.
 */
import type { ClauseTypeDetail, Dataset, PolicyDetail } from '../dataset.ts';
import type { Taxonomy } from '../taxonomy/index.ts';
import { versionSeries } from '../analyse/gaps/index.ts';
import { compareVersions } from '../analyse/versions/compare-versions.ts';
import { wordDiff } from '../analyse/diff/word-diff.ts';
import { groupKey } from '../analyse/gaps/prevalence.ts';
import type { CorpusComparisons } from './compare.ts';
import { gapInput } from './compare.ts';
import type { VersionSide } from './document-record.ts';
import type { PolicyFacts } from './facts.ts';
import type { ContentBundle } from './content.ts';

/**
 * The parts of a policy's record the corpus views read. Kept for every policy while the records themselves are
 * written one at a time and let go.
 */
export interface DetailDigest {
  summary: PolicyDetail['summary'];
  gaps: readonly Pick<PolicyDetail['gaps'][number], 'typeId'>[];
  outdatedReferences: readonly Pick<PolicyDetail['outdatedReferences'][number], 'referenceId' | 'label'>[];
  stances: readonly Pick<PolicyDetail['stances'][number], 'dimensionId' | 'value'>[];
}

export function digestOf(d: PolicyDetail): DetailDigest {
  return {
    summary: d.summary,
    gaps: d.gaps.map((g) => ({ typeId: g.typeId })),
    outdatedReferences: d.outdatedReferences.map((r) => ({ referenceId: r.referenceId, label: r.label })),
    stances: d.stances.map((s) => ({ dimensionId: s.dimensionId, value: s.value })),
  };
}

const byCountThenId = <T extends { count: number }>(key: (x: T) => string) => (a: T, b: T) =>
  b.count - a.count || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

export function taxonomyView(taxonomy: Taxonomy): Dataset['taxonomy'] {
  return {
    version: taxonomy.version,
    categories: taxonomy.categories.map((c) => ({ id: c.id, title: c.title })),
    types: taxonomy.types.map((t) => ({
      id: t.id,
      category: t.category,
      title: t.title,
      description: t.description,
      level: t.level,
      expectedSince: t.expectedSince,
      aliases: t.aliases,
      whyItMatters: t.guidance?.why_it_matters ?? null,
      whatToAsk: t.guidance?.what_to_ask ?? null,
      sources: t.guidance?.sources ?? [],
    })),
  };
}

export function aggregatesView(details: readonly DetailDigest[], comparisons: CorpusComparisons, taxonomy: Taxonomy, schoolCount: number): Dataset['aggregates'] {
  const current = details.filter((d) => comparisons.currentIds.has(d.summary.id));
  const gradeCounts: Record<string, number> = { A: 0, B: 0, C: 0, D: 0, E: 0 };
  const gapCounts = new Map<string, number>();
  const outdated = new Map<string, { referenceId: string; label: string; count: number }>();
  for (const d of current) {
    gradeCounts[d.summary.grade] = (gradeCounts[d.summary.grade] ?? 0) + 1;
    for (const g of d.gaps) gapCounts.set(g.typeId, (gapCounts.get(g.typeId) ?? 0) + 1);
    for (const r of d.outdatedReferences) {
      const entry = outdated.get(r.referenceId) ?? { referenceId: r.referenceId, label: r.label, count: 0 };
      entry.count++;
      outdated.set(r.referenceId, entry);
    }
  }
  const prevalence = taxonomy.types.map((t, i) => {
    let present = 0;
    let partial = 0;
    for (const d of current) {
      const code = d.summary.coverageCode[i];
      if (code === 'p' || code === 's') present++;
      else if (code === 'r') partial++;
    }
    return { typeId: t.id, present, partial, share: current.length ? (present + partial) / current.length : 0 };
  });
  const count = (status: string) => current.filter((d) => d.summary.review.status === status).length;
  return {
    policies: details.length,
    schools: schoolCount,
    currentPolicies: current.length,
    earlierVersions: details.length - current.length,
    reviewOverdue: count('overdue'),
    reviewDueSoon: count('due-soon'),
    noReviewDate: count('no-review-date'),
    gradeCounts,
    prevalence,
    topGaps: [...gapCounts.entries()]
      .map(([typeId, n]) => ({ typeId, count: n }))
      .sort(byCountThenId((x) => x.typeId))
      .slice(0, 10),
    topOutdated: [...outdated.values()].sort(byCountThenId((x) => x.referenceId)).slice(0, 10),
  };
}

function compactDiff(a: string, b: string): ClauseTypeDetail['wordings'][number]['diff'] {
  const result = wordDiff(a, b);
  if (result.rewritten) return null;
  return result.ops.map((op) => [op.op === 'eq' ? '=' : op.op === 'ins' ? '+' : '-', op.text] as ['=' | '+' | '-', string]);
}

export function clauseTypeViews(
  details: readonly DetailDigest[],
  comparisons: CorpusComparisons,
  taxonomy: Taxonomy,
): ClauseTypeDetail[] {
  const corpusKey = groupKey({ kind: 'corpus', name: 'All policies' });
  const wordingsByType = comparisons.wording.groups[corpusKey] ?? {};
  // The stance counts are the same for every type: counted once, not once per type. Each type gets its own copy.
  const stanceCounts = new Map<string, Record<string, number>>();
  for (const d of details) {
    if (!comparisons.currentIds.has(d.summary.id)) continue;
    for (const s of d.stances) {
      const counts = stanceCounts.get(s.dimensionId) ?? {};
      counts[s.value] = (counts[s.value] ?? 0) + 1;
      stanceCounts.set(s.dimensionId, counts);
    }
  }
  const stances = [...stanceCounts.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  return taxonomy.types.map((t, i) => {
    const present: string[] = [];
    const partial: string[] = [];
    for (const d of details) {
      const code = d.summary.coverageCode[i];
      if (code === 'p' || code === 's') present.push(d.summary.id);
      else if (code === 'r') partial.push(d.summary.id);
    }
    const tw = wordingsByType[t.id];
    const reference = tw?.reference ?? null;
    return {
      typeId: t.id,
      present,
      partial,
      distinctWordings: tw?.distinct ?? 0,
      wordings: (tw?.wordings ?? []).map((w) => ({
        text: w.text,
        count: w.count,
        examplePolicyId: w.examplePolicyId,
        isReference: reference !== null && w.key === reference.key,
        diff: reference && w.key !== reference.key ? compactDiff(reference.text, w.text) : null,
      })),
      otherCount: tw?.otherCount ?? 0,
      stances: stances.map(([dimensionId, counts]) => ({ dimensionId, counts: { ...counts } })),
    };
  });
}

/** Each version's predecessor: newer policy id → the school's previous version of the same document. */
export function previousVersions(facts: readonly PolicyFacts[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const series of versionSeries(facts.map(gapInput))) {
    for (let i = 1; i < series.length; i++) {
      const older = series[i - 1];
      const newer = series[i];
      if (older && newer) out.set(newer.policyId, older.policyId);
    }
  }
  return out;
}

/** One version compared with the school's previous version of the same document. */
export function versionChange(older: VersionSide, newer: VersionSide): NonNullable<PolicyDetail['version']> {
  const c = compareVersions(
    { policyId: older.context.policyId, dates: older.dates, clauses: older.clauses },
    { policyId: newer.context.policyId, dates: newer.dates, clauses: newer.clauses },
  );
  const parts = [`${c.added.length} clauses added`, `${c.removed.length} removed`, `${c.changed.length} changed`, `${c.unchangedCount} unchanged`];
  const flag = c.flags.reviewDateMovedTextUnchanged
    ? ' The review date moved but the text is unchanged.'
    : c.flags.majorRewrite
      ? ' Most of the text was rewritten.'
      : c.flags.textChangedDatesUnchanged
        ? ' The text changed but no date did.'
        : '';
  return {
    previousId: older.context.policyId,
    added: c.added.length,
    removed: c.removed.length,
    changed: c.changed.length,
    unchanged: c.unchangedCount,
    reviewDateMovedTextUnchanged: c.flags.reviewDateMovedTextUnchanged,
    summary: `Since ${older.context.sourceFile}: ${parts.join(', ')}.${flag}`,
  };
}

/** Each stance dimension with the current policies holding each value. */
export function stanceDimensionsView(
  analyses: readonly Pick<PolicyFacts, 'context' | 'stances'>[],
  comparisons: CorpusComparisons,
  content: ContentBundle,
): Dataset['stanceDimensions'] {
  return content.stances.dimensions.map((d) => {
    const holders: Record<string, string[]> = {};
    for (const v of d.values) holders[v.id] = [];
    for (const a of analyses) {
      if (!comparisons.currentIds.has(a.context.policyId)) continue;
      for (const s of a.stances) if (s.dimensionId === d.id) holders[s.valueId]?.push(a.context.policyId);
    }
    return {
      id: d.id,
      title: d.title,
      typeIds: d.relatedTypes,
      values: d.values.map((v) => ({ id: v.id, label: v.label, description: v.description })),
      holders,
    };
  });
}
