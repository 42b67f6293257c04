/**
 * Build-time access to the generated dataset. This is the ONLY module that knows where the dataset lives on disk:
 * `$ATLAS_DATA_DIR` when set, else src/data/generated (written by `npm run analyse`). Pages and endpoints call
 * these functions; nothing here analyses anything, it reads what the pipeline wrote. Runs in Node during
 * `astro build`, never in the browser.
 *
 * Layout (written by scripts/analyse.ts): dataset.json, policies/<id>.json, clause-types/<typeId>.json,
 * check-bundle.json, the CSV exports and the two JSON Schemas.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { datasetSchema } from '../pipeline/dataset.ts';
import { absentKind } from '../pipeline/output/absent-kind.ts';
import { queueItems, type QueueItem } from './review-queue.ts';
import { policyQuality, type PolicyQuality } from './review-quality.ts';
import { buildDecisions, type OverridesFile } from './review-decisions.ts';
import type {
  ClauseTypeDetail,
  Dataset,
  PolicyDetail,
  PolicyGroups,
  PolicySummary,
  School,
  TaxonomyCategory,
  TaxonomyType,
} from './types.ts';

/** Whole-corpus files published unchanged under /data/ and listed on /downloads/, in the order listed there. */
export const EXPORT_FILES = [
  'policies.csv',
  'coverage.csv',
  'findings.csv',
  'clauses.csv',
  'errors.csv',
  'dataset.json',
  'check-bundle.json',
  'dataset.schema.json',
  'policy.schema.json',
] as const;
export type ExportFile = (typeof EXPORT_FILES)[number];

/** The folder the dataset is read from. */
export function dataDir(): string {
  const fromEnv = process.env.ATLAS_DATA_DIR;
  if (fromEnv) return isAbsolute(fromEnv) ? fromEnv : resolve(process.cwd(), fromEnv);
  return join(process.cwd(), 'src/data/generated');
}

function read(rel: string): string {
  const file = join(dataDir(), rel);
  if (!existsSync(file)) {
    throw new Error(
      `Policy Atlas: ${file} is missing. The site is built from the generated dataset: run npm run analyse first ` +
        '(npm run build runs it for you), or set ATLAS_DATA_DIR to a folder written by it.',
    );
  }
  return readFileSync(file, 'utf8');
}

let cached: Dataset | null = null;

/** dataset.json, checked against its schema once per build (a wrong shape fails the build, not a page). */
export function loadDataset(): Dataset {
  if (!cached) {
    const parsed = datasetSchema.safeParse(JSON.parse(read('dataset.json')));
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      throw new Error(
        `Policy Atlas: ${join(dataDir(), 'dataset.json')} does not match the dataset schema ` +
          `(${first?.path.join('.') ?? ''}: ${first?.message ?? 'invalid'}). Run npm run analyse again.`,
      );
    }
    cached = parsed.data;
  }
  return cached;
}

/** Per-policy detail; read on demand so a 10,000-policy build never holds every text at once. */
export function loadPolicy(id: string): PolicyDetail {
  const detail = JSON.parse(read(`policies/${id}.json`)) as PolicyDetail;
  reviewFactsMemo().set(id, factsOf(detail));
  return detail;
}

/**
 * What /data/review.json, the review queue and the data-quality panels need from a policy's detail
 * (src/site/review-data.ts, review-queue.ts, review-quality.ts).
 */
export interface PolicyReviewFacts {
  gaps: string[];
  /** The gaps whose closest sentence came near the threshold ("not found — check"). */
  check: string[];
  outdated: number;
  modern: number;
  queue: QueueItem[];
  quality: PolicyQuality;
  /** The reviewer decisions this build holds for the policy, as content/overrides.yaml entries. */
  decisions: OverridesFile;
}

const REVIEW_FACTS = Symbol.for('policy-atlas.review-facts');

/**
 * Facts noted as each policy page loads its policy, so /data/review.json (written after the pages, by
 * src/integrations/publish-data.ts) need not read and parse every policy a second time. On globalThis because the
 * integration and the pages run in one process but load separate copies of this module.
 */
function reviewFactsMemo(): Map<string, PolicyReviewFacts> {
  const g = globalThis as { [REVIEW_FACTS]?: Map<string, PolicyReviewFacts> };
  return (g[REVIEW_FACTS] ??= new Map());
}

function factsOf(d: PolicyDetail): PolicyReviewFacts {
  const levels = lookup('levels', () => new Map(loadDataset().taxonomy.types.map((t) => [t.id, t.level])));
  const cells = new Map(d.coverage.map((c) => [c.typeId, c]));
  return {
    gaps: d.gaps.map((g) => g.typeId),
    check: d.gaps.filter((g) => absentKind(cells.get(g.typeId) ?? { status: 'absent' }) === 'not-found-check').map((g) => g.typeId),
    outdated: d.outdatedReferences.length,
    modern: d.missingModernTopics.length,
    queue: queueItems(d, levels),
    quality: policyQuality(d),
    decisions: buildDecisions(d),
  };
}

/** A policy's review facts: as noted while this build loaded it, else read from its file now. */
export function reviewFacts(id: string): PolicyReviewFacts {
  return reviewFactsMemo().get(id) ?? factsOf(loadPolicy(id));
}

/** Forgets the noted facts (a new build starts). */
export function forgetReviewFacts(): void {
  reviewFactsMemo().clear();
}

/** One clause type across the corpus (distinct wordings, stances), or null when the analysis wrote none. */
export function loadClauseType(typeId: string): ClauseTypeDetail | null {
  const rel = `clause-types/${typeId}.json`;
  return existsSync(join(dataDir(), rel)) ? (JSON.parse(read(rel)) as ClauseTypeDetail) : null;
}

/** A file exactly as the analysis wrote it. (/data/ itself is copied by src/integrations/publish-data.ts.) */
export function loadRaw(kind: 'export', name: ExportFile): string;
export function loadRaw(kind: 'policy' | 'clause-type', id: string): string;
export function loadRaw(kind: 'export' | 'policy' | 'clause-type', name: string): string {
  if (kind === 'policy') return read(`policies/${name}.json`);
  if (kind === 'clause-type') return read(`clause-types/${name}.json`);
  return read(name);
}

/** Exports that exist in this dataset (an older analysis may not have written every file). */
export function availableExports(): ExportFile[] {
  return EXPORT_FILES.filter((f) => existsSync(join(dataDir(), f)));
}

/** Size in bytes of an export, for the downloads page (from the file system: clauses.csv is ~400 MB at 10,000). */
export function exportSize(name: ExportFile): number {
  const file = join(dataDir(), name);
  if (!existsSync(file)) read(name); // throws the "run npm run analyse" message
  return statSync(file).size;
}

/**
 * Up to this many policies the search index holds every policy's full text. Above it, the index holds each
 * policy's title, school and findings (and the clause-type pages' wordings), not every sentence: at
 * 10,000 policies the full text would make indexing take minutes and many gigabytes, and the index too big for a
 * school laptop. `ATLAS_FULL_TEXT_SEARCH_LIMIT` changes the limit for a site that can afford it. Policies are
 * indexed from the dataset by scripts/search-index.ts, not from their pages.
 */
export const FULL_TEXT_SEARCH_LIMIT = 2000;

/** Whether this build indexes every policy's full text for search (see FULL_TEXT_SEARCH_LIMIT). */
export function fullTextSearched(): boolean {
  const fromEnv = Number(process.env.ATLAS_FULL_TEXT_SEARCH_LIMIT);
  const limit = Number.isFinite(fromEnv) && process.env.ATLAS_FULL_TEXT_SEARCH_LIMIT ? fromEnv : FULL_TEXT_SEARCH_LIMIT;
  return policies().length <= limit;
}

export function policies(): PolicySummary[] {
  return loadDataset().policies;
}

export function policyById(id: string): PolicySummary | undefined {
  return lookup('policies', () => new Map(loadDataset().policies.map((p) => [p.id, p]))).get(id);
}

export function clauseTypes(): TaxonomyType[] {
  return loadDataset().taxonomy.types;
}

export function categories(): TaxonomyCategory[] {
  return loadDataset().taxonomy.categories;
}

export function clauseType(id: string): TaxonomyType | undefined {
  return lookup('types', () => new Map(loadDataset().taxonomy.types.map((t) => [t.id, t]))).get(id);
}

/** Position of a clause type in taxonomy order (the index into PolicySummary.coverageCode), or -1. */
export function typeIndex(id: string): number {
  return lookup('typeIndex', () => new Map(loadDataset().taxonomy.types.map((t, i) => [t.id, i]))).get(id) ?? -1;
}

export function categoryTitle(id: string): string {
  return categories().find((c) => c.id === id)?.title ?? id;
}

/** The school a policy belongs to, from dataset.schools. */
export function schoolOf(policyId: string): School | undefined {
  return lookup('schoolOfPolicy', () => {
    const m = new Map<string, School>();
    for (const s of loadDataset().schools) for (const pid of s.policyIds) m.set(pid, s);
    return m;
  }).get(policyId);
}

/** Local authority, trust, phase and nation of a policy's school. */
export function groupsOf(p: PolicySummary): PolicyGroups {
  const s = schoolOf(p.id);
  const g: PolicyGroups = {};
  if (s?.localAuthority) g.localAuthority = s.localAuthority;
  if (s?.trust) g.trust = s.trust;
  if (s?.phase) g.phase = s.phase;
  if (s?.nation) g.nation = s.nation;
  return g;
}

/**
 * The school's name as shown: schools.csv's or the one identity chose for all its documents (so a 2018 version
 * that calls itself "Decoy" shows under its school's full name), else the document's, else the folder name.
 */
export function schoolName(p: PolicySummary): string {
  return p.schoolName ?? schoolOf(p.id)?.name ?? p.school ?? p.schoolId;
}

/** Each school's current documents (the newest version of each): what the dashboard and review table count. */
export function currentPolicies(): PolicySummary[] {
  return [...lookup('current', () => new Map(loadDataset().policies.filter((p) => p.current).map((p) => [p.id, p]))).values()];
}

/** A policy's title as shown. */
export function policyTitle(p: PolicySummary): string {
  return p.title ?? 'Untitled policy';
}

/** Name for a policy id (a policy page, a lineage source): school and title, else the id itself. */
export function policyLabel(id: string): string {
  const p = policyById(id);
  return p ? `${schoolName(p)}: ${policyTitle(p)}` : id;
}

const lookups = new Map<string, Map<string, unknown>>();
/** A map built from the dataset once per build, by name (the dataset does not change during a build). */
export function lookup<T>(name: string, make: () => Map<string, T>): Map<string, T> {
  let m = lookups.get(name) as Map<string, T> | undefined;
  if (!m) {
    m = make();
    lookups.set(name, m as Map<string, unknown>);
  }
  return m;
}
