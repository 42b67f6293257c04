/**
 * A record's output text in two parts. The document part (its fields as compact JSON, its rows of the streamed
 * CSVs, its coverage rows of policies/<id>.csv) is validated and serialised once, where the document is analysed,
 * and cached; each run joins it to the corpus part, which is small, by splicing text. The result is byte for byte
 * what `policyFiles` and `policyCsvRows` give for the whole record (test/unit/run/record-parts.test.ts).
 */
import { policyDetailSchema, type PolicyDetail } from '../dataset.ts';
import { csvHeader } from '../output/csv.ts';
import { policyCsvRows } from '../output/exports.ts';
import { policyCsv, POLICY_CSV_HEADER, type PolicyCsvType } from '../output/policy-csv.ts';
import type { CorpusFields } from './assemble.ts';
import { DOCUMENT_FIELDS, type DocumentRecord, type RecordInputs } from './document-record.ts';
import type { DetailDigest } from './views.ts';

type DocumentField = (typeof DOCUMENT_FIELDS)[number];

/** The document part as text, ready to be joined to any run's corpus part. */
export interface DocumentPart {
  /** Each document field as compact JSON, after its schema (so in the schema's key order). */
  json: Record<DocumentField, string>;
  /** This document's rows of each streamed CSV that has rows from the document alone (coverage, clauses). */
  rows: Record<string, string>;
  /** The coverage rows of policies/<id>.csv (without its header). */
  policyCsv: string;
  inputs: RecordInputs;
}

/** One policy's finished outputs: its own files, its rows for the streamed CSVs, and the digest the views need. */
export interface RecordOutput {
  files: [string, string][];
  rows: [string, string][];
  digest: DetailDigest;
}

const FIELD_ORDER = Object.keys(policyDetailSchema.shape) as (keyof PolicyDetail)[];
const SHAPE = policyDetailSchema.shape as Record<keyof PolicyDetail, { parse(value: unknown): unknown }>;
const POLICY_CSV_HEAD = csvHeader(POLICY_CSV_HEADER);

/**
 * Just enough of a record for the row writers: the summary's id and source file (which the document decides)
 * and the lists each row writer reads; the rest is never read by them.
 */
function rowStub(inputs: RecordInputs, parts: Partial<PolicyDetail>): PolicyDetail {
  const summary = { id: inputs.context.policyId, sourceFile: inputs.context.sourceFile, coverageCode: inputs.coverageCode };
  return { clauses: [], coverage: [], findings: [], ...parts, summary } as unknown as PolicyDetail;
}

/** Validates and serialises the document part (a malformed field is a bug: the schema throws here). */
export function serialiseDocumentPart(doc: DocumentRecord, types: readonly PolicyCsvType[]): DocumentPart {
  const json = {} as Record<DocumentField, string>;
  for (const key of DOCUMENT_FIELDS) json[key] = JSON.stringify(SHAPE[key].parse(doc.fields[key]));
  const stub = rowStub(doc.inputs, { clauses: doc.fields.clauses, coverage: doc.fields.coverage });
  const rows: Record<string, string> = {};
  for (const [file, text] of policyCsvRows(stub, types)) if (text !== '') rows[file] = text;
  return { json, rows, policyCsv: policyCsv(stub, types).slice(POLICY_CSV_HEAD.length), inputs: doc.inputs };
}

/** A record's own files, by its policy id. */
export function recordFileNames(id: string): [json: string, csv: string] {
  return [`policies/${id}.json`, `policies/${id}.csv`];
}

/** The corpus part's fields, each as compact JSON after its schema (a malformed field is a bug: the schema throws). */
export type CorpusJson = Record<keyof CorpusFields, string>;

const CORPUS_FIELDS = FIELD_ORDER.filter((key): key is keyof CorpusFields => !(DOCUMENT_FIELDS as readonly string[]).includes(key));

export function corpusJson(corpus: CorpusFields): CorpusJson {
  const json = {} as CorpusJson;
  for (const key of CORPUS_FIELDS) json[key] = JSON.stringify(SHAPE[key].parse(corpus[key]));
  return json;
}

/** What the corpus views read of a record: its corpus part and a few of the document part's inputs. */
export function recordDigest(inputs: RecordInputs, corpus: CorpusFields): DetailDigest {
  return {
    summary: corpus.summary,
    gaps: corpus.gaps.map((g) => ({ typeId: g.typeId })),
    outdatedReferences: inputs.outdatedIds,
    stances: inputs.stances.map((s) => ({ dimensionId: s.dimensionId, value: s.value })),
  };
}

/**
 * The whole record's files and rows: the cached document part joined to this run's corpus part. They depend on
 * nothing else, so a record whose document part and corpus JSON are as last run's has last run's files.
 */
export function recordOutput(part: DocumentPart, corpus: CorpusFields, types: readonly PolicyCsvType[], json: CorpusJson = corpusJson(corpus)): RecordOutput {
  const text: Partial<Record<keyof PolicyDetail, string>> = { ...part.json, ...json };
  const members = FIELD_ORDER.map((key) => `${JSON.stringify(key)}:${text[key] ?? ''}`);
  const id = corpus.summary.id;
  const stub = rowStub(part.inputs, { findings: corpus.findings });
  const rows: [string, string][] = [...policyCsvRows(stub, types)].map(([file, corpusRows]) => [file, (part.rows[file] ?? '') + corpusRows]);
  const [jsonFile, csvFile] = recordFileNames(id);
  return {
    files: [
      [jsonFile, `{${members.join(',')}}\n`],
      [csvFile, POLICY_CSV_HEAD + part.policyCsv + policyCsv(stub, types).slice(POLICY_CSV_HEAD.length)],
    ],
    rows,
    digest: recordDigest(part.inputs, corpus),
  };
}

/**
 * The document part as stored: one line of JSON (the inputs, the rows and each field's length), then the fields'
 * JSON one after another. Stored raw, not as JSON strings, so they are neither escaped nor parsed again.
 */
export function encodeDocumentPart(part: DocumentPart): string {
  const lengths = DOCUMENT_FIELDS.map((k) => part.json[k].length);
  return `${JSON.stringify({ inputs: part.inputs, rows: part.rows, policyCsv: part.policyCsv, lengths })}\n${DOCUMENT_FIELDS.map((k) => part.json[k]).join('')}`;
}

export function decodeDocumentPart(text: string): DocumentPart {
  const newline = text.indexOf('\n');
  const head = JSON.parse(text.slice(0, newline)) as Omit<DocumentPart, 'json'> & { lengths: number[] };
  const json = {} as Record<DocumentField, string>;
  let at = newline + 1;
  DOCUMENT_FIELDS.forEach((key, i) => {
    const length = head.lengths[i] ?? 0;
    json[key] = text.slice(at, at + length);
    at += length;
  });
  if (at !== text.length) throw new Error('a stored document part is damaged (its lengths do not add up)');
  return { json, rows: head.rows, policyCsv: head.policyCsv, inputs: head.inputs };
}
