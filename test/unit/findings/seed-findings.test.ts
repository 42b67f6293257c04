/**
 * Every kind of finding on the five seed policies, checked against what the documents actually say. The corpus
 * is analysed once, in-process, exactly as `npm run analyse` does, with the as-of date fixed.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../../scripts/lib/content.ts';
import { analyseCorpus, type CorpusResult } from '../../../src/pipeline/run/corpus.ts';
import type { PolicyDetail } from '../../../src/pipeline/dataset.ts';
import { textPieces } from '../../../src/site/policy-text.ts';

const SEEDS = 'test/fixtures/seeds';
const OAKWOOD = '000-f295fe4824b47e99';
const WESTBROOK = '001-e467dfff412ec3fa';
const HANSON = '002-0133e99881feddac';
const OLOP = '003-ba2811e87db779cd';
const WEST_COVENTRY = '004-e10d6709eb2a89d0';

let result: CorpusResult;
const detail = (id: string): PolicyDetail => {
  const d = result.details.find((x) => x.summary.id === id);
  if (!d) throw new Error(`no policy ${id}`);
  return d;
};
const findings = (id: string, kind: string) => detail(id).findings.filter((f) => f.kind === kind);
const outdatedIds = (id: string) => detail(id).outdatedReferences.map((r) => r.referenceId);

beforeAll(async () => {
  const { bundle } = await loadContent('content', null);
  const files = (await readdir(SEEDS)).sort();
  result = await analyseCorpus(
    files.map((f) => ({ sourceFile: f, read: async () => new Uint8Array(await readFile(join(SEEDS, f))) })),
    bundle,
    { asOf: '2026-11-22', dueSoonMonths: 3, maskPersonalData: true, includeText: true },
  );
});

describe('outdated references', () => {
  it('Hanson cites the Data Protection Act 1998 and RIPA 2000', () => {
    expect(outdatedIds(HANSON)).toEqual(expect.arrayContaining(['dpa-1998', 'ripa-2000-monitoring']));
    const dpa = detail(HANSON).outdatedReferences.find((r) => r.referenceId === 'dpa-1998');
    expect(dpa?.evidence.quote).toContain('Data Protection Act 1998');
    expect(dpa?.severity).toBe('high');
  });
  it("Westbrook's Employment Practices Data Protection Code was replaced in October 2023", () => {
    const code = detail(WESTBROOK).outdatedReferences.find((r) => r.referenceId === 'ico-employment-practices-code');
    expect(code?.evidence.quote).toContain('Employment Practices Data Protection Code');
    expect(code?.since.startsWith('2023-10')).toBe(true);
  });
  it('the 2012 policy still lists MySpace and Bebo', () => {
    expect(outdatedIds(OAKWOOD)).toEqual(expect.arrayContaining(['myspace', 'bebo']));
  });
  it('never flags the Data Protection Act 2018', () => {
    for (const d of result.details) {
      for (const r of d.outdatedReferences) expect(r.evidence.quote).not.toMatch(/Data Protection Act 2018/);
    }
  });
  it('writes each as a finding with its evidence', () => {
    const rows = findings(HANSON, 'outdated-reference');
    expect(rows.some((f) => f.detail.includes('Data Protection Act 1998') && f.evidence.includes('1998'))).toBe(true);
  });
});

describe('missing modern topics', () => {
  it('no seed mentions MFA or generative AI', () => {
    for (const d of result.details) {
      const ids = d.missingModernTopics.map((t) => t.typeId);
      expect(ids, d.summary.id).toEqual(expect.arrayContaining(['sec-mfa', 'safe-generative-ai']));
    }
  });
  it('marks a topic expected before approval as a gap from the start, and a later one as ageing', () => {
    const westbrookAi = detail(WESTBROOK).missingModernTopics.find((t) => t.typeId === 'safe-generative-ai');
    const oakwoodAi = detail(OAKWOOD).missingModernTopics.find((t) => t.typeId === 'safe-generative-ai');
    expect(westbrookAi?.expectedAtApproval).toBe(true); // approved November 2024
    expect(oakwoodAi?.expectedAtApproval).toBe(false); // approved October 2012
  });
});

describe('review status on 22 November 2026', () => {
  it('Westbrook (next review Nov 2027) is in date', () => {
    expect(detail(WESTBROOK).summary.review.status).toBe('in-date');
  });
  it('Hanson (to be reviewed May 2019) is overdue, with its label as evidence', () => {
    const [f] = findings(HANSON, 'review-overdue');
    expect(f?.severity).toBe('high');
    expect(f?.evidence).toContain('May 2019');
  });
  it('Oakwood is overdue from its last review plus its two-year cycle', () => {
    expect(detail(OAKWOOD).summary.review).toMatchObject({ status: 'overdue', dueDate: '2016-02-02', basis: 'last-review+cycle' });
  });
  it('Our Lady of Peace states no review date', () => {
    expect(findings(OLOP, 'no-review-date')).toHaveLength(1);
  });
});

describe('gaps, stances and residue', () => {
  it('reports core guidance gaps with plain-English detail', () => {
    const gap = findings(OAKWOOD, 'gap').find((f) => f.clauseId === 'sec-mfa');
    expect(gap?.detail).toMatch(/Multi-factor authentication/);
    expect(gap?.severity).toBe('high');
  });
  it('finds the personal-use disagreement between Oakwood and Hanson', () => {
    const oak = detail(OAKWOOD).stances.find((s) => s.dimensionId === 'D1');
    const han = detail(HANSON).stances.find((s) => s.dimensionId === 'D1');
    expect(oak && han && oak.value !== han.value).toBe(true);
    expect(findings(OAKWOOD, 'stance-conflict').length).toBeGreaterThan(0);
  });
  it("flags Southampton's template residue in Oakwood", () => {
    const residue = findings(OAKWOOD, 'template-residue').map((f) => f.evidence).join(' | ');
    expect(residue).toMatch(/SCC/);
  });
  it('masks a staff name in published quotes but keeps offsets into the source', () => {
    const clause = detail(WEST_COVENTRY).clauses.find((c) => c.text.includes('[staff name]'));
    expect(clause).toBeDefined();
    expect(JSON.stringify(detail(WEST_COVENTRY))).not.toContain('Sue Blower');
  });
  it('shows the masked text whole on the policy page: clauses and the words between them, nothing shifted', () => {
    const d = detail(WEST_COVENTRY);
    const pieces = textPieces(d);
    // Read back in order, the pieces are the published text, with only white space between them.
    let at = 0;
    for (const p of pieces) {
      const found = (d.text ?? '').indexOf(p.text, at);
      expect((d.text ?? '').slice(at, found).trim(), p.text.slice(0, 60)).toBe('');
      at = found + p.text.length;
    }
    expect((d.text ?? '').slice(at).trim()).toBe('');
    expect(pieces.filter((p) => p.kind === 'clause')).toHaveLength(d.clauses.length);
  });
});
