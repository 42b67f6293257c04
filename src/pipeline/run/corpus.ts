/**
 * The whole corpus: reads each document (a failure is recorded and the run goes on), analyses it, then runs the
 * comparisons that need every policy at once (prevalence, gaps, wording, lineage, stance conflicts) and
 * assembles the dataset. Everything that compares policies is linear (or n log n) in their number: groups are
 * counted once, lineage uses MinHash buckets, wording is hash-grouped.
 */
import { IngestError, type PolicyDocument } from '../types.ts';
import type { ClauseTypeDetail, Dataset, PolicyDetail } from '../dataset.ts';
import { assignIds } from '../ids.ts';
import { extensionOf, ingest, unsupportedAdvice, SUPPORTED_EXTENSIONS } from '../ingest/index.ts';
import { structure } from '../structure/index.ts';
import { sha256Hex } from './hash.ts';
import { analysePolicy, type PolicyAnalysis } from './policy.ts';
import { compareAcrossCorpus } from './compare.ts';
import { toPolicyDetail, toSchools } from './assemble.ts';
import { aggregatesView, clauseTypeViews, stanceDimensionsView, taxonomyView, versionChanges } from './views.ts';
import { gradeFormula } from '../analyse/staleness/index.ts';
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
}

export interface CorpusResult {
  dataset: Dataset;
  details: PolicyDetail[];
  clauseTypes: ClauseTypeDetail[];
}

export const TOOL = 'policy-atlas 0.1.0';

/** Above this a file is still read, but the user is told: it is unlikely to be one policy. */
const LARGE_FILE_BYTES = 5 * 1024 * 1024;

/** Reads one file into a structured document, or says in plain words why it cannot. */
export async function readDocument(bytes: Uint8Array, fileName: string): Promise<PolicyDocument> {
  return structure(await ingest(bytes, fileName));
}

export async function analyseCorpus(
  sources: readonly SourceDocument[],
  content: ContentBundle,
  options: CorpusOptions,
): Promise<CorpusResult> {
  const { ids, warnings: idWarnings } = assignIds(sources.map((s) => s.sourceFile));
  const schoolRows = new Map(content.schools.map((s) => [s.school_id, s]));
  const neighbours = neighbourNames(content.schools);
  const errors: Dataset['errors'] = [];
  const warnings: Dataset['warnings'] = idWarnings.map((w) => ({ sourceFile: w.sourceFile, message: w.message }));
  const analyses: PolicyAnalysis[] = [];
  const firstByHash = new Map<string, string>();

  for (const [i, source] of sources.entries()) {
    const id = ids[i];
    if (!id) throw new Error(`no id assigned to ${source.sourceFile}`);
    const ext = extensionOf(source.sourceFile);
    if (!(SUPPORTED_EXTENSIONS as readonly string[]).includes(ext)) {
      errors.push({
        sourceFile: source.sourceFile,
        code: 'unsupported',
        error: unsupportedAdvice(ext) ?? `not a format Policy Atlas reads (${ext || 'no extension'}): save it as .docx or PDF and add it again`,
      });
      options.onProgress?.(i + 1, source.sourceFile);
      continue;
    }
    const bytes = await source.read();
    const fileName = source.sourceFile.slice(source.sourceFile.lastIndexOf('/') + 1);
    let document: PolicyDocument;
    try {
      document = await readDocument(bytes, fileName);
    } catch (e) {
      if (!(e instanceof IngestError)) throw e;
      errors.push({ sourceFile: source.sourceFile, code: e.code, error: e.message });
      options.onProgress?.(i + 1, source.sourceFile);
      continue;
    }

    const note = (message: string) => warnings.push({ sourceFile: source.sourceFile, message });
    const hash = await sha256Hex(bytes);
    const twin = firstByHash.get(hash);
    if (twin) note(`the same file as ${twin}: both are analysed, but peers and prevalence count it twice`);
    else firstByHash.set(hash, source.sourceFile);
    if (bytes.length > LARGE_FILE_BYTES) {
      note(`a very large file (${(bytes.length / 1024 / 1024).toFixed(1)} MB): check it is one policy`);
    }
    if (document.clauses.length === 0) note('no clauses found: the file has text but nothing that reads as policy rules');

    const analysis = analysePolicy(
      document,
      {
        policyId: id.policyId,
        schoolId: id.schoolId,
        sourceFile: source.sourceFile,
        knownSchoolName: schoolRows.get(id.schoolId)?.name ?? null,
        localAuthority: schoolRows.get(id.schoolId)?.local_authority ?? null,
        trust: schoolRows.get(id.schoolId)?.trust ?? null,
        otherOrganisations: neighbours.get(id.schoolId) ?? [],
        asOf: options.asOf,
        dueSoonMonths: options.dueSoonMonths,
      },
      content,
    );
    for (const w of [...document.warnings, ...analysis.metadata.warnings, ...analysis.staleOverrides]) note(w);
    analyses.push(analysis);
    options.onProgress?.(i + 1, source.sourceFile);
  }

  const templates = await readTemplates(content, warnings);
  const comparisons = compareAcrossCorpus(analyses, templates, content);
  const versions = versionChanges(analyses);
  const details = analyses.map((a) => ({
    ...toPolicyDetail(a, comparisons, content, options),
    version: versions.get(a.context.policyId) ?? null,
  }));
  const schools = toSchools(details, content.schools);
  const dataset: Dataset = {
    schemaVersion: 1,
    meta: {
      tool: TOOL,
      asOf: options.asOf,
      taxonomyVersion: content.taxonomy.version,
      referencesVersion: content.references.versions.join(' '),
      maskPersonalData: options.maskPersonalData,
      includeText: options.includeText,
    },
    taxonomy: taxonomyView(content.taxonomy),
    gradeFormula: gradeFormula(),
    aggregates: aggregatesView(details, comparisons, content.taxonomy, schools.length),
    stanceDimensions: stanceDimensionsView(analyses, comparisons, content),
    policies: details.map((d) => d.summary),
    schools,
    errors,
    warnings: warnings.filter((w) => w.message !== ''),
  };
  return { dataset, details, clauseTypes: clauseTypeViews(details, comparisons, content.taxonomy) };
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
