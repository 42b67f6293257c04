/**
 * One policy's data as CSV for a spreadsheet (published as /data/policies/<id>.csv): one row per clause type it
 * was assessed on (coverage, clause references, first quote), then one row per finding. Pure, so the CLI can
 * write it next to policies/<id>.json and the site only copies it.
 *
 * Written like the corpus-wide CSVs (csv.ts): byte-order mark, one record per line, and no cell that a
 * spreadsheet would run as a formula, since quotes come from documents anyone could have written.
 */
import type { PolicyDetail } from '../dataset.ts';
import { toCsv } from './csv.ts';
import { absentKind } from './absent-kind.ts';

/** A clause type as the CSV needs it; pass the taxonomy's types in taxonomy order (coverageCode's order). */
export interface PolicyCsvType {
  id: string;
  title: string;
}

export const POLICY_CSV_HEADER = [
  'policy_id',
  'row_kind',
  'clause_type',
  'clause_type_title',
  'status',
  'severity',
  'confidence',
  'reviewer_verified',
  'clause_refs',
  'detail',
  'quote',
  // As in coverage.csv: missing / not-found-check for an absent type or a gap, and auto / confirmed / corrected.
  'absent_kind',
  'review',
] as const;

/** coverageCode letters (see PolicySummary.coverageCode) as the status words the site shows. */
const STATUS_FROM_LETTER: Record<string, string> = { p: 'present', r: 'partial', a: 'absent', s: 'stale' };

export function policyCsv(detail: PolicyDetail, types: readonly PolicyCsvType[]): string {
  const index = new Map(types.map((t, i) => [t.id, i]));
  const title = (id: string): string => {
    const i = index.get(id);
    return i === undefined ? '' : (types[i]?.title ?? '');
  };
  const { summary } = detail;
  const coverage = detail.coverage.map((c) => {
    const i = index.get(c.typeId);
    const letter = i === undefined ? '' : (summary.coverageCode[i] ?? '');
    return [
      summary.id,
      'coverage',
      c.typeId,
      title(c.typeId),
      STATUS_FROM_LETTER[letter] ?? c.status,
      '',
      c.confidence.toFixed(2),
      c.verified ? 'yes' : 'no',
      c.evidence.map((e) => e.clauseId).join(' '),
      '',
      c.evidence[0]?.quote ?? '',
      absentKind(c) ?? '',
      c.review ?? 'auto',
    ];
  });
  const findings = detail.findings.map((f) => [
    summary.id,
    f.kind,
    f.clauseId,
    f.clauseId ? title(f.clauseId) : '',
    '',
    f.severity,
    '',
    '',
    '',
    f.detail,
    f.evidence,
    f.kind !== 'gap' ? '' : f.candidate ? 'not-found-check' : 'missing',
    '',
  ]);
  return toCsv(POLICY_CSV_HEADER, [...coverage, ...findings]);
}
