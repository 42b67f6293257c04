/**
 * One policy's data as CSV for a spreadsheet: one row per clause type (coverage, clause references, first quote)
 * followed by one row per finding, all from the policy's JSON.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadPolicy, policies, clauseType, typeIndex } from '../../../site/load.ts';
import { toCsv } from '../../../site/csv.ts';
import { CELL_FROM_LETTER } from '../../../site/format.ts';

export const getStaticPaths = (() => policies().map((p) => ({ params: { id: p.id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const d = loadPolicy(String(params.id));
  const head = ['policy_id', 'row_kind', 'clause_type', 'clause_type_title', 'status', 'severity', 'confidence', 'reviewer_verified', 'clause_refs', 'detail', 'quote'];
  const coverage = d.coverage.map((c) => [
    d.summary.id,
    'coverage',
    c.typeId,
    clauseType(c.typeId)?.title ?? '',
    CELL_FROM_LETTER[d.summary.coverageCode[typeIndex(c.typeId)] ?? ''] ?? c.status,
    '',
    c.confidence.toFixed(2),
    c.verified ? 'yes' : 'no',
    c.evidence.map((e) => e.clauseId).join(' '),
    '',
    c.evidence[0]?.quote ?? '',
  ]);
  const findings = d.findings.map((f) => [
    d.summary.id,
    f.kind,
    f.clauseId,
    f.clauseId ? (clauseType(f.clauseId)?.title ?? '') : '',
    '',
    f.severity,
    '',
    '',
    '',
    f.detail,
    f.evidence,
  ]);
  return new Response(toCsv([head, ...coverage, ...findings]), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
