/**
 * Plan and compare: reads and analyses each document (a failure is recorded and the run goes on), resolves which
 * school each belongs to, then runs the comparisons that need every policy at once (prevalence, wording, lineage,
 * stance conflicts). Everything that compares policies is linear (or n log n) in their number: groups are counted
 * once, lineage uses MinHash buckets, wording is hash-grouped.
 */
import { IngestError, type PolicyDocument } from '../types.ts';
import type { Dataset } from '../dataset.ts';
import { assignIds } from '../ids.ts';
import { resolveSchools, type IdentityResolution } from '../identity/index.ts';
import { readDocument } from './read.ts';
import { analyseSource, type AnalyseSource, type SourceDocument } from './source.ts';
import type { PolicyAnalysis, PolicyContext } from './policy.ts';
import { compareAcrossCorpus, type CorpusComparisons } from './compare.ts';
import type { PolicyFacts } from './facts.ts';
import { previousVersions } from './views.ts';
import { withResolvedSchool } from './resolved.ts';
import type { ContentBundle } from './content.ts';
import type { CorpusOptions } from './options.ts';

/** Runs `fn` over `items` with at most `limit` in flight; results keep the input order. */
async function mapConcurrent<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i] as T, i);
    }
  });
  await Promise.all(lanes);
  return results;
}

/** One policy of the corpus, ready to be assembled into its record. */
export interface PlannedRecord {
  /** Position among the policies read (records are in input order). */
  position: number;
  /** Position of the source in the input. */
  index: number;
  sourceFile: string;
  /** Position of the school's previous version of this document, or null. */
  previous: number | null;
  /** The full analysis when it was kept in memory. */
  analysis: PolicyAnalysis | null;
}

/** Everything known once every policy is analysed and the corpus compared, before any record is written. */
export interface CorpusPlan {
  records: PlannedRecord[];
  /** Each policy's stances (the rest of its facts is let go once the corpus is compared). */
  stances: Pick<PolicyFacts, 'context' | 'stances'>[];
  comparisons: CorpusComparisons;
  errors: Dataset['errors'];
  warnings: Dataset['warnings'];
}

/** Analyses every source (a failure is recorded and the run goes on) and compares the corpus. */
export async function planCorpus(
  sources: readonly SourceDocument[],
  content: ContentBundle,
  options: CorpusOptions,
): Promise<CorpusPlan> {
  const { ids, warnings: idWarnings } = assignIds(sources.map((s) => s.sourceFile));
  const schoolRows = new Map(content.schools.map((s) => [s.school_id, s]));
  const neighbours = neighbourNames(content.schools);
  const errors: Dataset['errors'] = [];
  const warnings: Dataset['warnings'] = idWarnings.map((w) => ({ sourceFile: w.sourceFile, message: w.message }));
  const firstByHash = new Map<string, string>();

  const contexts = sources.map((source, i): PolicyContext => {
    const id = ids[i];
    if (!id) throw new Error(`no id assigned to ${source.sourceFile}`);
    const row = schoolRows.get(id.schoolId);
    return {
      policyId: id.policyId,
      schoolId: id.schoolId,
      sourceFile: source.sourceFile,
      knownSchoolName: row?.name ?? null,
      localAuthority: row?.local_authority ?? null,
      trust: row?.trust ?? null,
      otherOrganisations: neighbours.get(id.schoolId) ?? [],
      asOf: options.asOf,
      dueSoonMonths: options.dueSoonMonths,
    };
  });

  const analyse: AnalyseSource = options.analyseSource ?? ((source, context) => analyseSource(source, context, content));
  let done = 0;
  const outcomes = await mapConcurrent(sources, options.concurrency ?? 1, async (source, i) => {
    const outcome = await analyse(source, contexts[i] as PolicyContext);
    options.onProgress?.(++done, source.sourceFile);
    return outcome;
  });

  // Collected in input order, whatever order the workers finished in, so the output is byte-identical.
  const read: { index: number; facts: PolicyFacts; analysis: PolicyAnalysis | null }[] = [];
  for (const [i, outcome] of outcomes.entries()) {
    const sourceFile = sources[i]?.sourceFile ?? '';
    if (!outcome.ok) {
      errors.push({ sourceFile, code: outcome.code, error: outcome.error });
      continue;
    }
    const twin = firstByHash.get(outcome.hash);
    if (twin) warnings.push({ sourceFile, message: `the same file as ${twin}: both are analysed, but peers and prevalence count it twice` });
    else firstByHash.set(outcome.hash, sourceFile);
    for (const message of outcome.warnings) warnings.push({ sourceFile, message });
    read.push({ index: i, facts: outcome.facts, analysis: outcome.analysis ?? null });
  }
  outcomes.length = 0;

  const resolution = resolveIdentities(read.map((r) => r.facts), ids, content);
  const facts = read.map((r) => withResolvedSchool(r.facts, resolution, schoolRows));
  const templates = await readTemplates(content, warnings);
  const comparisons = compareAcrossCorpus(facts, templates, content, resolution);
  const previous = previousVersions(facts);
  const indexOf = new Map(read.map((r, k) => [r.facts.context.policyId, k]));
  const records = read.map((r, position): PlannedRecord => {
    const previousId = previous.get(r.facts.context.policyId);
    return {
      position,
      index: r.index,
      sourceFile: r.facts.context.sourceFile,
      previous: previousId === undefined ? null : (indexOf.get(previousId) ?? null),
      analysis: r.analysis,
    };
  });
  // The wording texts and lineage fingerprints are most of the facts' size (about 1 GB at 10,000 policies) and
  // nothing needs them after the comparison.
  const stances = facts.map((f) => ({ context: f.context, stances: f.stances }));
  read.length = 0;
  return { records, stances, comparisons, errors, warnings };
}

/** Which school each document belongs to, from what the documents say and content/schools.csv. */
function resolveIdentities(facts: readonly PolicyFacts[], ids: readonly { policyId: string; schoolId: string }[], content: ContentBundle): IdentityResolution {
  const pathIds = new Map(ids.map((id) => [id.policyId, id.schoolId]));
  return resolveSchools(
    facts.map((f) => ({
      policyId: f.context.policyId,
      sourceFile: f.context.sourceFile,
      pathSchoolId: pathIds.get(f.context.policyId) ?? f.context.schoolId,
      signals: f.identity,
      shingles: f.lineage.shingles,
    })),
    content.schools.map((r) => ({ school_id: r.school_id, name: r.name, aliases: r.aliases ?? [] })),
  );
}

/** Most neighbours' names checked per policy: keeps the residue scan linear in the corpus size. */
const MAX_NEIGHBOURS = 200;

/**
 * Names of the other schools in each school's local authority and trust. Copied text comes from neighbours
 * (a shared LA template, a sister academy), so they are the names worth looking for in a policy.
 */
function neighbourNames(rows: ContentBundle['schools']): Map<string, string[]> {
  const byGroup = new Map<string, string[]>();
  for (const r of rows) {
    for (const key of [r.local_authority && `la:${r.local_authority}`, r.trust && `trust:${r.trust}`]) {
      if (!key || !r.name) continue;
      const list = byGroup.get(key) ?? [];
      if (list.length < MAX_NEIGHBOURS + 1) list.push(r.name);
      byGroup.set(key, list);
    }
  }
  const out = new Map<string, string[]>();
  for (const r of rows) {
    const names = new Set<string>();
    for (const key of [r.local_authority && `la:${r.local_authority}`, r.trust && `trust:${r.trust}`]) {
      for (const n of (key && byGroup.get(key)) || []) if (n !== r.name && names.size < MAX_NEIGHBOURS) names.add(n);
    }
    out.set(r.school_id, [...names].sort());
  }
  return out;
}

async function readTemplates(
  content: ContentBundle,
  warnings: Dataset['warnings'],
): Promise<{ id: string; document: PolicyDocument }[]> {
  const out: { id: string; document: PolicyDocument }[] = [];
  for (const t of content.templates) {
    try {
      out.push({ id: `template:${t.fileName}`, document: await readDocument(t.bytes, t.fileName) });
    } catch (e) {
      if (!(e instanceof IngestError)) throw e;
      warnings.push({ sourceFile: `templates/${t.fileName}`, message: `template not read: ${e.message}` });
    }
  }
  return out;
}
