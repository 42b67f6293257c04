/**
 * Turns the analysed corpus into the files of the open dataset. Pure: returns name → content, and the CLI
 * writes them. The CSV headers marked "contract" are relied on by other tools and must not change.
 */
import { z } from 'zod';
import { clauseTypeDetailSchema, datasetSchema, policyDetailSchema, type ClauseTypeDetail, type Dataset, type PolicyDetail } from '../dataset.ts';
import { toCsv, type CsvValue } from './csv.ts';

/** Contract: one row per input document. */
export const POLICIES_HEADER = [
  'policy_id',
  'source_file',
  'school',
  'title',
  'approved',
  'last_reviewed',
  'next_review',
  'review_cycle_months',
  // Columns after the contract ones are ours to extend.
  'school_id',
  'format',
  'kind',
  'review_status',
  'review_due',
  'staleness_grade',
  'types_covered',
  'clauses',
  'acknowledgement_form',
  'warnings',
  'as_of',
  'taxonomy_version',
  'references_version',
] as const;

/** Contract: one row per policy × clause type. */
export const COVERAGE_HEADER = ['policy_id', 'source_file', 'clause_id', 'status', 'confidence', 'evidence'] as const;

/** Contract. */
export const FINDINGS_HEADER = ['policy_id', 'source_file', 'kind', 'clause_id', 'severity', 'detail', 'evidence'] as const;

/** Contract: failures only. */
export const ERRORS_HEADER = ['source_file', 'error'] as const;

export const CLAUSES_HEADER = [
  'policy_id',
  'clause_ref',
  'label',
  'heading',
  'modality',
  'actor',
  'clause_types',
  'reviewer_verified',
  'start',
  'end',
  'text',
] as const;

const QUOTE_JOIN = ' … ';

function policiesCsv(dataset: Dataset): string {
  const rows: CsvValue[][] = dataset.policies.map((p) => [
    p.id,
    p.sourceFile,
    p.school,
    p.title,
    p.approved,
    p.lastReviewed,
    p.nextReview,
    p.reviewCycleMonths,
    p.schoolId,
    p.format,
    p.kind,
    p.review.status,
    p.review.dueDate,
    p.grade,
    p.typesCovered,
    p.clauseCount,
    p.hasAcknowledgementForm ? 'yes' : 'no',
    p.warnings.join('; '),
    dataset.meta.asOf,
    dataset.meta.taxonomyVersion,
    dataset.meta.referencesVersion,
  ]);
  return toCsv(POLICIES_HEADER, rows);
}

function coverageCsv(details: readonly PolicyDetail[]): string {
  const rows: CsvValue[][] = [];
  for (const d of details) {
    for (const cell of d.coverage) {
      rows.push([
        d.summary.id,
        d.summary.sourceFile,
        cell.typeId,
        cell.status,
        cell.confidence,
        cell.evidence.map((e) => e.quote).join(QUOTE_JOIN),
      ]);
    }
  }
  return toCsv(COVERAGE_HEADER, rows);
}

function findingsCsv(details: readonly PolicyDetail[]): string {
  const rows: CsvValue[][] = [];
  for (const d of details) {
    for (const f of d.findings) {
      rows.push([d.summary.id, d.summary.sourceFile, f.kind, f.clauseId, f.severity, f.detail, f.evidence]);
    }
  }
  return toCsv(FINDINGS_HEADER, rows);
}

function clausesCsv(details: readonly PolicyDetail[]): string {
  const rows: CsvValue[][] = [];
  for (const d of details) {
    for (const c of d.clauses) {
      rows.push([
        d.summary.id,
        c.id,
        c.label,
        c.headingPath.join(' › '),
        c.modality,
        c.actor,
        c.labels.map((l) => l.typeId).join(' '),
        c.labels.some((l) => l.source === 'reviewer') ? 'yes' : 'no',
        c.start,
        c.end,
        c.text,
      ]);
    }
  }
  return toCsv(CLAUSES_HEADER, rows);
}

function errorsCsv(dataset: Dataset): string {
  return toCsv(
    ERRORS_HEADER,
    dataset.errors.map((e) => [e.sourceFile, e.error]),
  );
}

/** A note travelling with the files: what each holds and what it was made with. */
function aboutMarkdown(dataset: Dataset): string {
  const m = dataset.meta;
  return `# Policy Atlas dataset

Made by ${m.tool} on the analysis date **${m.asOf}** (reviews and staleness are judged as of this date), with
clause taxonomy version ${m.taxonomyVersion} and reference lists ${m.referencesVersion}. Personal data in quotes is
${m.maskPersonalData ? 'masked ([staff name], [email], [phone])' : 'not masked'}; full policy text is
${m.includeText ? 'included' : 'not included'}.

| file | what it holds |
|---|---|
| policies.csv | one row per document: metadata, review status, staleness grade |
| coverage.csv | one row per document and clause type: present, partial or absent, with evidence quotes |
| findings.csv | gaps, overdue reviews, outdated references, missing modern topics, stance conflicts, template residue |
| clauses.csv | every clause with its labels, modality and character offsets |
| errors.csv | files that could not be read, with the reason |
| dataset.json | everything above and the taxonomy, described by dataset.schema.json |
| policies/<id>.json | one document in full, described by policy.schema.json |
| clause-types/<id>.json | one clause type across the corpus: its distinct wordings and who uses them |

CSV files are UTF-8 with a byte-order mark; a cell that would start with =, +, @ or - followed by a letter starts
with ' so that spreadsheets show it as text. ${dataset.policies.length} documents read, ${dataset.errors.length} not read.
`;
}

/** Stable, readable JSON: two-space indent, trailing newline, keys in schema order (zod output order). */
export function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** The same, without indentation, for the per-policy and per-type files the browser fetches. */
function compactJson(value: unknown): string {
  return `${JSON.stringify(value)}\n`;
}

/**
 * Every file of the dataset. Both the summary and each policy are parsed through their schemas first: a bug
 * that produces a malformed dataset stops the run here rather than reaching the site (a programmer error).
 */
export function buildExports(
  dataset: Dataset,
  details: readonly PolicyDetail[],
  clauseTypes: readonly ClauseTypeDetail[],
  analysisContent: unknown,
): Map<string, string> {
  const checked = datasetSchema.parse(dataset);
  // Each policy is checked and serialised in turn, so only one parsed copy is alive at a time (at 10,000 policies
  // a second copy of every detail is gigabytes of garbage). The CSVs read the details as given: the schemas have
  // no transforms or defaults, so a detail that passes is exactly what its parse returns, field for field.
  const policyFiles = details.map((d): [string, string] => {
    const c = policyDetailSchema.parse(d);
    return [`policies/${c.summary.id}.json`, compactJson(c)];
  });
  const files = new Map<string, string>();
  files.set('policies.csv', policiesCsv(checked));
  files.set('coverage.csv', coverageCsv(details));
  files.set('findings.csv', findingsCsv(details));
  files.set('clauses.csv', clausesCsv(details));
  files.set('errors.csv', errorsCsv(checked));
  files.set('about.md', aboutMarkdown(checked));
  files.set('dataset.json', json(checked));
  files.set('dataset.schema.json', json(z.toJSONSchema(datasetSchema)));
  files.set('policy.schema.json', json(z.toJSONSchema(policyDetailSchema)));
  for (const [name, text] of policyFiles) files.set(name, text);
  // What "Check my policy" needs to run the same analysis in the browser: validated content, no YAML parser.
  files.set('check-bundle.json', compactJson(analysisContent));
  for (const t of clauseTypes) files.set(`clause-types/${t.typeId}.json`, compactJson(clauseTypeDetailSchema.parse(t)));
  return files;
}
