import { beforeAll, describe, expect, it } from 'vitest';
import type { PolicyDetail, TaxonomyTypeEntry } from '../../../src/pipeline/dataset.ts';
import { seedCorpus } from '../harmonise/corpus.ts';
import { POLICY_CSV_HEADER, policyCsv } from '../../../src/pipeline/output/policy-csv.ts';
import { parseCsv } from '../robustness/harness.ts';

describe('policyCsv (one policy as a spreadsheet)', () => {
  let types: TaxonomyTypeEntry[] = [];
  let westbrook: PolicyDetail | undefined;
  beforeAll(async () => {
    const { dataset, details } = await seedCorpus();
    types = dataset.taxonomy.types;
    westbrook = details.find((d) => d.summary.id.startsWith('westbrook-primary'));
  });

  it('has one coverage row per assessed clause type, then one row per finding', () => {
    const w = westbrook;
    expect(w).toBeDefined();
    if (!w) return;
    const rows = parseCsv(policyCsv(w, types));
    expect(rows[0]).toEqual([...POLICY_CSV_HEADER]);
    expect(rows).toHaveLength(1 + w.coverage.length + w.findings.length);
    expect(rows.every((r) => r.length === POLICY_CSV_HEADER.length)).toBe(true);
    expect(rows.slice(1).every((r) => r[0] === w.summary.id)).toBe(true);
    const kinds = rows.slice(1).map((r) => r[1]);
    expect(kinds.slice(0, w.coverage.length).every((k) => k === 'coverage')).toBe(true);
    expect(kinds.slice(w.coverage.length)).toEqual(w.findings.map((f) => f.kind));
  });

  it('shows each covered type with its title, status from the coverage code, confidence, clauses and first quote', () => {
    if (!westbrook) return;
    const rows = parseCsv(policyCsv(westbrook, types));
    const cell = westbrook.coverage.find((c) => c.status === 'present' && c.evidence.length > 0);
    expect(cell).toBeDefined();
    if (!cell) return;
    const row = rows.find((r) => r[1] === 'coverage' && r[2] === cell.typeId);
    const i = types.findIndex((t) => t.id === cell.typeId);
    const letter = westbrook.summary.coverageCode[i];
    expect(row?.[3]).toBe(types[i]?.title);
    expect(row?.[4]).toBe(letter === 's' ? 'stale' : 'present');
    expect(row?.[6]).toBe(cell.confidence.toFixed(2));
    expect(row?.[8]).toBe(cell.evidence.map((e) => e.clauseId).join(' '));
    expect(row?.[10]).toBe(cell.evidence[0]?.quote);
  });

  it('is written like the corpus-wide CSVs: byte-order mark, CRLF, one record per line, formulas guarded', () => {
    if (!westbrook) return;
    const csv = policyCsv(westbrook, types);
    expect(csv.startsWith('\uFEFFpolicy_id,row_kind,')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.split('\r\n').filter((l) => l !== '')).toHaveLength(parseCsv(csv).length);
    // Quotes in the policy's words survive a round trip.
    const quoted = westbrook.coverage.flatMap((c) => c.evidence.slice(0, 1)).find((e) => /[",]/.test(e.quote) && !/[\r\n]/.test(e.quote));
    expect(quoted).toBeDefined();
    if (quoted) expect(parseCsv(csv).some((r) => r[10] === quoted.quote)).toBe(true);
    // A cell a spreadsheet would run as a formula is made text.
    const hostile = { ...westbrook, findings: [{ ...(westbrook.findings[0] as PolicyDetail['findings'][number]), detail: '=HYPERLINK("x")' }] };
    expect(parseCsv(policyCsv(hostile, types)).at(-1)?.[9]).toBe('\'=HYPERLINK("x")');
  });

  it('leaves a title empty for a type the taxonomy does not list', () => {
    if (!westbrook) return;
    const rows = parseCsv(policyCsv(westbrook, []));
    expect(rows.filter((r) => r[1] === 'coverage').every((r) => r[3] === '')).toBe(true);
  });
});
