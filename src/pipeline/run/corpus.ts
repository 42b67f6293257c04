/**
 * The whole corpus: reads each document (a failure is recorded and the run goes on), analyses it, then runs the
 * comparisons that need every policy at once (prevalence, gaps, wording, lineage, stance conflicts) and
 * assembles the dataset. Everything that compares policies is linear (or n log n) in their number: groups are
 * counted once, lineage uses MinHash buckets, wording is hash-grouped.
 */
import { IngestError, type PolicyDocument } from '../types.ts';
import type { ClauseTypeDetail, Dataset, PolicyDetail } from '../dataset.ts';
import { assignIds } from '../ids.ts';
import { extensionOf, unsupportedAdvice, SUPPORTED_EXTENSIONS } from '../ingest/index.ts';
import { readDocument } from './read.ts';

export { readDocument, MAX_ANALYSED_CHARS } from './read.ts';
import { sha256Hex } from './hash.ts';
import { analysePolicy, type PolicyAnalysis, type PolicyContext } from './policy.ts';
import { compareAcrossCorpus, type CorpusComparisons } from './compare.ts';
import { toPolicyDetail, toSchools } from './assemble.ts';
import { policyFacts, type PolicyFacts } from './facts.ts';
import {
  aggregatesView,
  clauseTypeViews,
  digestOf,
  previousVersions,
  stanceDimensionsView,
  taxonomyView,
  versionChange,
  type DetailDigest,
} from './views.ts';
import { gradeFormula } from '../analyse/staleness/index.ts';
import { resolveSchools, type IdentityResolution } from '../identity/index.ts';
import type { ContentBundle } from './content.ts';

export interface SourceDocument {
  /** Path relative to the input folder, forward slashes. */
  sourceFile: string;
  read(): Promise<Uint8Array>;
}

export interface CorpusOptions {
  asOf: string;
  dueSoonMonths: number;
  maskPersonalData: boolean;
  includeText: boolean;
  onProgress?: (done: number, sourceFile: string) => void;
  /** How each file is analysed; defaults to in-process. */
  analyseSource?: AnalyseSource;
  /** Files analysed at once (useful when `analyseSource` hands work to threads). */
  concurrency?: number;
}

export interface CorpusResult {
  dataset: Dataset;
  details: PolicyDetail[];
  clauseTypes: ClauseTypeDetail[];
}

export const TOOL = 'policy-atlas 0.1.0';

/** Above this a file is still read, but the user is told: it is unlikely to be one policy. */
const LARGE_FILE_BYTES = 5 * 1024 * 1024;

/**
 * What happened to one file: analysed (with anything odd about it), or not read and why. `facts` is what the
 * corpus comparisons need; `analysis`, when present, is the whole analysis (the CLI keeps it in its store instead).
 */
export type DocumentOutcome =
  | { ok: true; facts: PolicyFacts; analysis?: PolicyAnalysis; hash: string; warnings: string[] }
  | { ok: false; code: string; error: string };

/** Analyses one source; the CLI swaps in a version that runs in worker threads behind a cache. */
export type AnalyseSource = (source: SourceDocument, context: PolicyContext) => Promise<DocumentOutcome>;

/**
 * Reads and analyses one file. An unreadable file is an outcome, not an exception: only a bug throws.
 */
export async function analyseSource(source: SourceDocument, context: PolicyContext, content: ContentBundle): Promise<DocumentOutcome> {
  const ext = extensionOf(source.sourceFile);
  if (!(SUPPORTED_EXTENSIONS as readonly string[]).includes(ext)) {
    return {
      ok: false,
      code: 'unsupported',
      error: unsupportedAdvice(ext) ?? `not a format Policy Atlas reads (${ext || 'no extension'}): save it as .docx or PDF and add it again`,
    };
  }
  const bytes = await source.read();
  let document: PolicyDocument;
  try {
    document = await readDocument(bytes, source.sourceFile.slice(source.sourceFile.lastIndexOf('/') + 1));
  } catch (e) {
    if (!(e instanceof IngestError)) throw e;
    return { ok: false, code: e.code, error: e.message };
  }
  const warnings: string[] = [];
  if (bytes.length > LARGE_FILE_BYTES) {
    warnings.push(`a very large file (${(bytes.length / 1024 / 1024).toFixed(1)} MB): check it is one policy`);
  }
  if (document.clauses.length === 0) warnings.push('no clauses found: the file has text but nothing that reads as policy rules');
  const analysis = analysePolicy(document, context, content);
  warnings.push(...document.warnings, ...analysis.metadata.warnings, ...analysis.staleOverrides);
  return { ok: true, facts: policyFacts(analysis), analysis, hash: await sha256Hex(bytes), warnings };
}

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

/**
 * Every policy's record, held in memory: for tests and small corpora, with every analysis kept in memory. The CLI
 * composes planCorpus, assembleRecord and finishCorpus itself, so that records are built in worker threads from
 * stored analyses and written as they are finished.
 */
export async function analyseCorpus(
  sources: readonly SourceDocument[],
  content: ContentBundle,
  options: CorpusOptions,
): Promise<CorpusResult> {
  const plan = await planCorpus(sources, content, options);
  const analysisAt = (k: number): PolicyAnalysis => {
    const analysis = plan.records[k]?.analysis;
    if (!analysis) throw new Error(`analyseCorpus needs every analysis in memory; position ${k} has none`);
    return analysis;
  };
  const details = plan.records.map((r) =>
    assembleRecord(analysisAt(r.position), r.previous === null ? null : analysisAt(r.previous), plan.comparisons, content, options),
  );
  return { ...finishCorpus(plan, details.map(digestOf), content, options), details };
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

/** The policy's context with the school identity resolved, and that school's schools.csv row when it has one. */
export function withResolvedSchool<T extends { context: PolicyContext }>(
  item: T,
  resolution: Pick<IdentityResolution, 'byPolicy'>,
  rows: ReadonlyMap<string, ContentBundle['schools'][number]>,
): T {
  const decision = resolution.byPolicy.get(item.context.policyId);
  if (!decision || decision.schoolId === item.context.schoolId) return item;
  const row = rows.get(decision.schoolId);
  return {
    ...item,
    context: {
      ...item.context,
      schoolId: decision.schoolId,
      knownSchoolName: row?.name ?? item.context.knownSchoolName,
      localAuthority: row?.local_authority ?? item.context.localAuthority,
      trust: row?.trust ?? item.context.trust,
    },
  };
}

/** One policy's published record: its analysis with the corpus comparisons and the change from its previous version. */
export function assembleRecord(
  a: PolicyAnalysis,
  older: PolicyAnalysis | null,
  comparisons: CorpusComparisons,
  content: ContentBundle,
  options: Pick<CorpusOptions, 'maskPersonalData' | 'includeText'>,
): PolicyDetail {
  const rows = schoolRowsOf(content);
  const self = withResolvedSchool(a, { byPolicy: comparisons.identity }, rows);
  const previous = older ? withResolvedSchool(older, { byPolicy: comparisons.identity }, rows) : null;
  return toPolicyDetail(self, comparisons, content, options, previous ? versionChange(previous, self) : null);
}

const rowMaps = new WeakMap<ContentBundle['schools'], Map<string, ContentBundle['schools'][number]>>();
/** content/schools.csv by school id, built once per bundle (records are assembled one at a time). */
function schoolRowsOf(content: ContentBundle): Map<string, ContentBundle['schools'][number]> {
  let rows = rowMaps.get(content.schools);
  if (!rows) {
    rows = new Map(content.schools.map((s) => [s.school_id, s]));
    rowMaps.set(content.schools, rows);
  }
  return rows;
}

/** The dataset's corpus-wide parts, from the plan and a digest of every record (in input order). */
export function finishCorpus(
  plan: CorpusPlan,
  digests: readonly DetailDigest[],
  content: ContentBundle,
  options: Pick<CorpusOptions, 'asOf' | 'maskPersonalData' | 'includeText'>,
): { dataset: Dataset; clauseTypes: ClauseTypeDetail[] } {
  const { comparisons, stances, errors, warnings } = plan;

  const schools = toSchools(digests, content.schools, comparisons);
  const dataset: Dataset = {
    schemaVersion: 1,
    meta: {
      tool: TOOL,
      asOf: options.asOf,
      taxonomyVersion: content.taxonomy.version,
      referencesVersion: referencesVersion(content.references.versions),
      maskPersonalData: options.maskPersonalData,
      includeText: options.includeText,
    },
    taxonomy: taxonomyView(content.taxonomy),
    gradeFormula: gradeFormula(),
    aggregates: aggregatesView(digests, comparisons, content.taxonomy, schools.length),
    stanceDimensions: stanceDimensionsView(stances, comparisons, content),
    policies: digests.map((d) => d.summary),
    schools,
    errors,
    warnings: warnings.filter((w) => w.message !== ''),
  };
  return { dataset, clauseTypes: clauseTypeViews(digests, comparisons, content.taxonomy) };
}

/**
 * One version for the reference lists when they agree ("1"), otherwise each list's ("laws 2, platforms 1"), from
 * the loader's `path/name.yaml@version` entries.
 */
function referencesVersion(versions: readonly string[]): string {
  const parsed = versions.map((v) => {
    const at = v.lastIndexOf('@');
    return { name: v.slice(0, at).replace(/^.*\//, '').replace(/\.ya?ml$/, ''), version: v.slice(at + 1) };
  });
  const distinct = new Set(parsed.map((p) => p.version));
  return distinct.size <= 1 ? (parsed[0]?.version ?? 'none') : parsed.map((p) => `${p.name} ${p.version}`).join(', ');
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
