/**
 * Issue 17 items 13 and 14: the exports an officer opens in a spreadsheet. policies.csv and coverage.csv keep their
 * contract columns first and gain the officer's columns after them; every cell a spreadsheet could run as a formula
 * (OWASP: =, +, -, @, tab, carriage return) is guarded, checked by opening the real files in LibreOffice headless
 * with formula evaluation on (the worst case, as Excel behaves) and reading the cells back from the .xlsx.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CorpusResult } from '../../../src/pipeline/run/corpus.ts';
import { corpusFiles, COVERAGE_HEADER, FINDINGS_HEADER, POLICIES_HEADER, policyCsvRows, csvHeader } from '../../../src/pipeline/output/exports.ts';
import { toCsv } from '../../../src/pipeline/output/csv.ts';
import { seedCorpus } from '../harmonise/corpus.ts';
import { parseCsv } from '../robustness/harness.ts';

const POLICIES_CONTRACT = ['policy_id', 'source_file', 'school', 'title', 'approved', 'last_reviewed', 'next_review', 'review_cycle_months'];
const COVERAGE_CONTRACT = ['policy_id', 'source_file', 'clause_id', 'status', 'confidence', 'evidence'];

let corpus: CorpusResult;
let policies: string[][];
beforeAll(async () => {
  corpus = await seedCorpus();
  const files = corpusFiles(corpus.dataset, corpus.clauseTypes, {});
  policies = parseCsv(files.get('policies.csv') ?? '');
});

const col = (header: readonly string[], name: string): number => header.indexOf(name);

describe('policies.csv for an officer', () => {
  it('keeps the contract columns first, then adds groups, review figures, gap and out-of-date counts', () => {
    const header = policies[0] ?? [];
    expect(header.slice(0, 8)).toEqual(POLICIES_CONTRACT);
    for (const c of ['local_authority', 'trust', 'phase', 'nation', 'review_status', 'months_overdue', 'staleness_grade', 'gaps_core', 'gaps_all', 'outdated_references']) {
      expect(header, c).toContain(c);
    }
    expect(header).toEqual([...POLICIES_HEADER]);
  });

  it('fills them from the analysis: Hanson is in Bradford, 90 months overdue, with its gaps and references counted', () => {
    const header = policies[0] ?? [];
    const hanson = policies.find((r) => r[0]?.startsWith('hanson-school'));
    const summary = corpus.dataset.policies.find((p) => p.id.startsWith('hanson-school'));
    expect(hanson && summary).toBeTruthy();
    if (!hanson || !summary) return;
    expect(hanson[col(header, 'local_authority')]).toBe('Bradford');
    expect(hanson[col(header, 'phase')]).toBe('secondary');
    expect(hanson[col(header, 'nation')]).toBe('England');
    expect(summary.review.explanation).toContain(`${hanson[col(header, 'months_overdue')]} months overdue`);
    expect(Number(hanson[col(header, 'gaps_all')])).toBe(summary.findingCounts.gap);
    expect(Number(hanson[col(header, 'outdated_references')])).toBe(summary.findingCounts['outdated-reference']);
    const detail = corpus.details.find((d) => d.summary.id === summary.id);
    const core = new Set(corpus.dataset.taxonomy.types.filter((t) => t.level === 'core').map((t) => t.id));
    expect(Number(hanson[col(header, 'gaps_core')])).toBe(detail?.gaps.filter((g) => core.has(g.typeId)).length);
    // An in-date policy has no months overdue.
    const westbrook = policies.find((r) => r[0]?.startsWith('westbrook-primary'));
    expect(westbrook?.[col(header, 'months_overdue')]).toBe('');
  });
});

describe('coverage.csv for an officer', () => {
  it('keeps the contract columns first and names the clause type after them', () => {
    expect(COVERAGE_HEADER.slice(0, 6)).toEqual(COVERAGE_CONTRACT);
    const detail = corpus.details[0];
    if (!detail) throw new Error('no policy');
    const rows = parseCsv(csvHeader(COVERAGE_HEADER) + (policyCsvRows(detail, corpus.dataset.taxonomy.types).get('coverage.csv') ?? ''));
    expect(rows[0]).toEqual([...COVERAGE_HEADER]);
    const titles = new Map(corpus.dataset.taxonomy.types.map((t) => [t.id, t.title]));
    expect(rows.length).toBe(1 + detail.coverage.length);
    for (const r of rows.slice(1)) expect(r[6]).toBe(titles.get(r[2] ?? ''));
  });
});

/** Converts a CSV to .xlsx with LibreOffice (comma, quote, UTF-8, formulas evaluated) and reads row 2 onwards. */
function openInLibreOffice(csv: string): { formulas: number; rows: string[][] } {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-lo-'));
  const file = join(dir, 'sheet.csv');
  writeFileSync(file, csv);
  // Filter tokens: separator 44, quote 34, UTF-8 (76), from line 1, default formats, en-US, quoted fields as text
  // false, detect special numbers true, …, evaluate formulas true (token 13).
  execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--infilter=CSV:44,34,76,1,,1033,false,true,false,false,false,-1,true', '--convert-to', 'xlsx', '--outdir', dir, file], { stdio: 'ignore', timeout: 120_000 });
  const sheet = execFileSync('unzip', ['-p', join(dir, 'sheet.xlsx'), 'xl/worksheets/sheet1.xml'], { encoding: 'utf8' });
  const strings = execFileSync('unzip', ['-p', join(dir, 'sheet.xlsx'), 'xl/sharedStrings.xml'], { encoding: 'utf8' });
  const decode = (s: string): string => s.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n))).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  const shared = [...strings.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => decode([...(m[1] ?? '').matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join('')));
  const rows = [...sheet.matchAll(/<row [^>]*>([\s\S]*?)<\/row>/g)].map((r) => {
    const cells: string[] = [];
    for (const c of (r[1] ?? '').matchAll(/<c ([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = c[1] ?? '';
      const letters = /r="([A-Z]+)\d+"/.exec(attrs)?.[1] ?? 'A';
      const index = [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      const v = /<v>([\s\S]*?)<\/v>/.exec(c[2] ?? '')?.[1] ?? '';
      cells[index] = / t="s"/.test(attrs) ? (shared[Number(v)] ?? '') : decode(v);
    }
    return Array.from(cells, (x) => x ?? '');
  });
  return { formulas: (sheet.match(/<f[ >]/g) ?? []).length, rows };
}

describe('CSV cells a spreadsheet could run (LibreOffice headless)', () => {
  it('soffice is installed (apt-get install -y libreoffice-calc)', () => {
    expect(existsSync('/usr/bin/soffice') || existsSync('/usr/lib/libreoffice/program/soffice')).toBe(true);
  });

  it('findings.csv: "- Data Protection Act 1998" and every other risky start reads back as guarded text', () => {
    const hanson = corpus.details.find((d) => d.summary.id.startsWith('hanson-school'));
    if (!hanson) throw new Error('Hanson missing');
    const real = policyCsvRows(hanson).get('findings.csv') ?? '';
    const realRows = parseCsv(csvHeader(FINDINGS_HEADER) + real).slice(1);
    // Cells as the documents wrote them, plus the other starts OWASP lists, in a findings-shaped row.
    const crafted = ['=1+2', '+1+2', '-1+2', '@SUM(1;2)', '\t=1+2', '- Data Protection Act 1998'].map((e) => [hanson.summary.id, hanson.summary.sourceFile, 'outdated-reference', '', 'low', 'crafted', e]);
    const csv = csvHeader(FINDINGS_HEADER) + real + toCsv([], crafted).replace(/^\uFEFF\r\n/, '');
    const sourceRows = [...realRows, ...parseCsv(toCsv(FINDINGS_HEADER, crafted)).slice(1)];
    const { formulas, rows } = openInLibreOffice(csv);
    expect(formulas).toBe(0);
    const evidence = rows.slice(1).map((r) => r[6] ?? '');
    expect(evidence).toContain("'- Data Protection Act 1998");
    // Every evidence cell whose text would start a formula reads back starting with the guard, and nothing else
    // in it changed; a cell that starts safely reads back unchanged.
    sourceRows.forEach((r, i) => {
      const read = evidence[i] ?? '';
      const original = read.replace(/^'/, '');
      if (/^[=+\-@\t\r]/.test(original) && !/^-?\d+(?:\.\d+)?$/.test(original)) expect(read, `row ${i + 2}`).toMatch(/^'/);
      expect(r[6]?.replace(/^'/, '').trim()).toBe(original.trim());
    });
    expect(evidence.filter((e) => e.startsWith("'")).length).toBeGreaterThanOrEqual(4);
  });

  it('a plain negative number stays a number', () => {
    const { rows, formulas } = openInLibreOffice(toCsv(['n'], [['-1.5'], [-2]]));
    expect(formulas).toBe(0);
    expect(rows.slice(1).map((r) => r[0])).toEqual(['-1.5', '-2']);
  });
});
