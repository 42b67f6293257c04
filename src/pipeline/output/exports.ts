/**
 * Turns the analysed corpus into the files of the open dataset. Pure: returns name → content, and the CLI
 * writes them. The CSV headers marked "contract" are relied on by other tools and must not change.
 */
import { z } from 'zod';
import { clauseTypeDetailSchema, datasetSchema, policyDetailSchema, type ClauseTypeDetail, type Dataset, type PolicyDetail } from '../dataset.ts';
import { csvHeader, csvRows, toCsv, type CsvValue } from './csv.ts';
import { policyCsv, type PolicyCsvType } from './policy-csv.ts';
import { reviewColumns } from './review-columns.ts';
import { absentKind } from './absent-kind.ts';

export { absentKind };

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
  // For an officer's spreadsheet: the school's groups and the review figures the site's tables show.
  'local_authority',
  'trust',
  'phase',
  'nation',
  'months_overdue',
  'gaps_core',
  'gaps_all',
  'outdated_references',
] as const;

/** Contract: one row per policy × clause type. */
export const COVERAGE_HEADER = [
  'policy_id',
  'source_file',
  'clause_id',
  'status',
  'confidence',
  'evidence',
  // After the contract columns: the clause type's name, so a filtered sheet reads without the taxonomy.
  'clause_type_title',
  // For an absent type: `not-found-check` when a sentence came close (worth a person's look), `missing` when
  // nothing did; empty for present and partial.
  'absent_kind',
  // auto, or confirmed / corrected by a reviewer (content/overrides.yaml).
  'review',
] as const;

/** Contract, then `absent_kind` and the near-miss `candidate` sentence of a gap (see COVERAGE_HEADER). */
export const FINDINGS_HEADER = ['policy_id', 'source_file', 'kind', 'clause_id', 'severity', 'detail', 'evidence', 'absent_kind', 'candidate'] as const;

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
  const schoolOf = new Map<string, Dataset['schools'][number]>();
  for (const s of dataset.schools) for (const id of s.policyIds) schoolOf.set(id, s);
  const rows: CsvValue[][] = dataset.policies.map((p) => {
    const school = schoolOf.get(p.id);
    const columns = reviewColumns(p, dataset.taxonomy.types, dataset.meta.asOf);
    return [
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
    school?.localAuthority ?? null,
    school?.trust ?? null,
    school?.phase ?? null,
    school?.nation ?? null,
    columns.monthsOverdue,
    columns.gapsCore,
    columns.gapsAll,
    columns.outdatedReferences,
  ];
  });
  return toCsv(POLICIES_HEADER, rows);
}

function coverageRows(d: PolicyDetail, titles: ReadonlyMap<string, string> = new Map()): CsvValue[][] {
  const rows: CsvValue[][] = [];
  for (const cell of d.coverage) {
    rows.push([
      d.summary.id,
      d.summary.sourceFile,
      cell.typeId,
      cell.status,
      cell.confidence,
      cell.evidence.map((e) => e.quote).join(QUOTE_JOIN),
      titles.get(cell.typeId) ?? null,
      absentKind(cell),
      cell.review ?? 'auto',
    ]);
  }
  return rows;
}

function findingsRows(d: PolicyDetail): CsvValue[][] {
  const rows: CsvValue[][] = [];
  for (const f of d.findings) {
    const gap = f.kind === 'gap' ? (f.candidate ? 'not-found-check' : 'missing') : null;
    rows.push([d.summary.id, d.summary.sourceFile, f.kind, f.clauseId, f.severity, f.detail, f.evidence, gap, f.candidate ?? null]);
  }
  return rows;
}

function clauseRows(d: PolicyDetail): CsvValue[][] {
  const rows: CsvValue[][] = [];
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
  return rows;
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
| policies.csv | one row per document: metadata, review status, staleness grade, the school's groups, months overdue, gap and out-of-date counts |
| coverage.csv | one row per document and clause type: present, partial or absent, with evidence quotes, the clause type's name, whether an absent type is \`missing\` or \`not-found-check\` (a sentence came close: worth a look) and whether a reviewer \`confirmed\` or \`corrected\` it (else \`auto\`) |
| findings.csv | gaps, overdue reviews, outdated references, missing modern topics, stance conflicts, template residue; a gap's \`absent_kind\` and, when a sentence came close, that \`candidate\` sentence |
| clauses.csv | every clause with its labels, modality and character offsets |
| errors.csv | files that could not be read, with the reason |
| dataset.json | everything above and the taxonomy, described by dataset.schema.json |
| policies/<id>.json | one document in full, described by policy.schema.json |
| policies/<id>.csv | one document's coverage and findings, for a spreadsheet |
| clause-types/<id>.json | one clause type across the corpus: its distinct wordings and who uses them |

CSV files are UTF-8 with a byte-order mark; a cell that would start with =, +, -, @, a tab or a carriage return
(other than a plain number such as -1.5) starts with ' so that spreadsheets show it as text. ${dataset.policies.length} documents read, ${dataset.errors.length} not read.
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
 * The whole-corpus CSVs that have a block of rows per policy. They are streamed: the CLI writes each policy's
 * rows as its record is finished, so no file is ever built whole in memory.
 */
export const PER_POLICY_CSVS = [
  { file: 'coverage.csv', header: COVERAGE_HEADER, rows: coverageRows },
  { file: 'findings.csv', header: FINDINGS_HEADER, rows: findingsRows },
  { file: 'clauses.csv', header: CLAUSES_HEADER, rows: clauseRows },
] as const;

export { csvHeader };

/**
 * One policy's block of rows in each streamed CSV, by file name. Pass the taxonomy's types so coverage.csv names
 * each clause type (without them its `clause_type_title` column is left empty).
 */
export function policyCsvRows(detail: PolicyDetail, types: readonly PolicyCsvType[] = []): Map<string, string> {
  const titles = new Map(types.map((t) => [t.id, t.title]));
  return new Map(PER_POLICY_CSVS.map((c) => [c.file, csvRows(c.rows(detail, titles))]));
}

/**
 * One policy's own files. The record is parsed through its schema first: a bug that produces a malformed record
 * stops the run here rather than reaching the site (a programmer error). The schemas have no transforms or
 * defaults, so a record that passes is exactly what was given, and the CSV rows are built from it as given.
 */
export function policyFiles(detail: PolicyDetail, types: readonly PolicyCsvType[]): Map<string, string> {
  const checked = policyDetailSchema.parse(detail);
  return new Map([
    [`policies/${checked.summary.id}.json`, compactJson(checked)],
    [`policies/${checked.summary.id}.csv`, policyCsv(checked, types)],
  ]);
}

/** Every file of the dataset that is not per policy, once all policies are done. */
export function corpusFiles(dataset: Dataset, clauseTypes: readonly ClauseTypeDetail[], analysisContent: unknown): Map<string, string> {
  const checked = datasetSchema.parse(dataset);
  const files = new Map<string, string>();
  files.set('policies.csv', policiesCsv(checked));
  files.set('errors.csv', errorsCsv(checked));
  files.set('about.md', aboutMarkdown(checked));
  files.set('dataset.json', json(checked));
  files.set('dataset.schema.json', json(z.toJSONSchema(datasetSchema)));
  files.set('policy.schema.json', json(z.toJSONSchema(policyDetailSchema)));
  // What "Check my policy" needs to run the same analysis in the browser: validated content, no YAML parser.
  files.set('check-bundle.json', compactJson(analysisContent));
  for (const t of clauseTypes) files.set(`clause-types/${t.typeId}.json`, compactJson(clauseTypeDetailSchema.parse(t)));
  return files;
}
