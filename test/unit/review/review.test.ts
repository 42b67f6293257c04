/**
 * Issue 18: review in the browser. On the real seed policies analysed by the real pipeline: the "not found — check"
 * and "missing" kinds of gap stay apart in the record and the CSVs; a reviewer's decisions written in the browser's
 * overrides format are read back by the CLI's own parser, applied, and marked confirmed or corrected; a decision
 * whose words are gone is reported as stale and queued; the queue is ordered most harmful first.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { loadContent } from '../../../scripts/lib/content.ts';
import { analyseCorpus, type CorpusResult, type SourceDocument } from '../../../src/pipeline/run/corpus.ts';
import { parseOverrides } from '../../../src/pipeline/run/overrides.ts';
import { COVERAGE_HEADER, FINDINGS_HEADER, csvHeader, policyCsvRows } from '../../../src/pipeline/output/exports.ts';
import { toYaml, merged } from '../../../src/client/review-store.ts';
import { buildDecisions, type LabelEntry } from '../../../src/site/review-decisions.ts';
import { compareQueueItems, headingOnly, queueItems, type QueueItem } from '../../../src/site/review-queue.ts';
import { policyQuality } from '../../../src/site/review-quality.ts';
import { labelQuote, pinQuote } from '../../../src/site/review-quote.ts';
import type { PolicyDetail } from '../../../src/pipeline/dataset.ts';
import { parseCsv } from '../robustness/harness.ts';
import { SEEDS } from '../harmonise/corpus.ts';

const ROOT = process.cwd();

async function analyse(labels: unknown[] = []): Promise<CorpusResult> {
  const content = await loadContent(join(ROOT, 'content'), join(ROOT, 'content/schools.csv'));
  const parsed = parseOverrides({ metadata: [], labels });
  expect(parsed.problems).toEqual([]);
  content.bundle.overrides = parsed.value;
  const sources: SourceDocument[] = SEEDS.map(([seed, sourceFile]) => ({
    sourceFile,
    read: async () => new Uint8Array(await readFile(join(ROOT, 'test/fixtures/seeds', seed))),
  }));
  return analyseCorpus(sources, content.bundle, { asOf: '2026-11-22', dueSoonMonths: 3, maskPersonalData: true, includeText: true });
}

let before: CorpusResult;
let levels: Map<string, string>;
beforeAll(async () => {
  before = await analyse();
  levels = new Map(before.dataset.taxonomy.types.map((t) => [t.id, t.level]));
});

/** A policy with a gap whose closest sentence came near, and that gap. */
function checkGap(details: PolicyDetail[]): { detail: PolicyDetail; cell: PolicyDetail['coverage'][number] } {
  for (const detail of details) {
    for (const g of detail.gaps) {
      const cell = detail.coverage.find((c) => c.typeId === g.typeId);
      if (cell?.candidate) return { detail, cell };
    }
  }
  throw new Error('no gap with a near miss in the seeds: the classifier gives no candidates');
}

describe('not found — check, kept apart from missing', () => {
  it('an absent cell carries its near-miss sentence verbatim, and its gap says so in the record and findings.csv', () => {
    const { detail, cell } = checkGap(before.details);
    const candidate = cell.candidate;
    if (!candidate) throw new Error('no candidate');
    expect(detail.text?.slice(candidate.start, candidate.end)).toBe(candidate.quote);
    expect(cell.confidence).toBeGreaterThan(0);
    expect(detail.gaps.find((g) => g.typeId === cell.typeId)?.candidate?.quote).toBe(candidate.quote);

    const findings = parseCsv(csvHeader(FINDINGS_HEADER) + (policyCsvRows(detail).get('findings.csv') ?? ''));
    expect(findings[0]).toEqual([...FINDINGS_HEADER]);
    const gapRows = findings.slice(1).filter((r) => r[2] === 'gap');
    const row = gapRows.find((r) => r[3] === cell.typeId);
    expect(row?.[7]).toBe('not-found-check');
    expect(row?.[8]).toBe(candidate.quote);
    // Gaps with nothing close are "missing", with no candidate.
    for (const r of gapRows) {
      const c = detail.coverage.find((x) => x.typeId === r[3]);
      expect(r[7]).toBe(c?.candidate ? 'not-found-check' : 'missing');
    }
  });

  it('coverage.csv keeps its contract header and ends with absent_kind and review', () => {
    expect(COVERAGE_HEADER.slice(0, 7)).toEqual(['policy_id', 'source_file', 'clause_id', 'status', 'confidence', 'evidence', 'clause_type_title']);
    expect(COVERAGE_HEADER.slice(-2)).toEqual(['absent_kind', 'review']);
    for (const detail of before.details) {
      const rows = parseCsv(csvHeader(COVERAGE_HEADER) + (policyCsvRows(detail, before.dataset.taxonomy.types).get('coverage.csv') ?? '')).slice(1);
      for (const r of rows) {
        const cell = detail.coverage.find((c) => c.typeId === r[2]);
        expect(r[7]).toBe(cell?.status !== 'absent' ? '' : cell.candidate ? 'not-found-check' : 'missing');
        expect(r[8]).toBe('auto');
      }
    }
  });
});

describe('the review queue', () => {
  it('lists core near-miss gaps first, closest first, and is in a stable most-harmful-first order', () => {
    const items: QueueItem[] = before.details.filter((d) => d.summary.current).flatMap((d) => queueItems(d, levels)).sort(compareQueueItems);
    expect(items.length).toBeGreaterThan(0);
    for (let i = 1; i < items.length; i++) expect(compareQueueItems(items[i - 1] as QueueItem, items[i] as QueueItem)).toBeLessThanOrEqual(0);
    const tiers = items.map((i) => i.tier);
    expect(tiers).toEqual([...tiers].sort((a, b) => a - b));
    const core = items.filter((i) => i.tier === 1);
    for (const i of core) {
      expect(i.kind).toBe('check-gap');
      expect(levels.get(i.typeId)).toBe('core');
    }
    for (let k = 1; k < core.length; k++) expect((core[k - 1]?.confidence ?? 0) >= (core[k]?.confidence ?? 0)).toBe(true);
    // "Covered by a heading only" is read from the label's reasons: no phrase or model reason beside the heading.
    for (const d of before.details) {
      for (const c of d.clauses) {
        for (const l of c.labels) {
          const onlyHeadings = l.cues.length > 0 && l.cues.every((cue) => cue.startsWith('heading '));
          expect(headingOnly(l)).toBe(l.source === 'auto' && onlyHeadings);
        }
      }
    }
    expect(headingOnly({ source: 'auto', cues: ['heading "Passwords"'] })).toBe(true);
    expect(headingOnly({ source: 'auto', cues: ['heading "Passwords"', 'phrase "strong password"'] })).toBe(false);
    // Every check-gap item is one of the policy's gaps with its near-miss sentence.
    for (const i of items.filter((x) => x.kind === 'check-gap')) {
      const d = before.details.find((x) => x.summary.id === i.policyId);
      expect(d?.gaps.some((g) => g.typeId === i.typeId)).toBe(true);
      expect(d?.coverage.find((c) => c.typeId === i.typeId)?.candidate?.quote).toBe(i.quote);
    }
  });
});

describe("a reviewer's decisions, through the overrides file and back into the build", () => {
  let after: CorpusResult;
  let policyId: string;
  let added: string;
  let rejected: { clause: string; type: string };
  let confirmed: { clause: string; type: string };
  let yaml: string;

  beforeAll(async () => {
    const { detail, cell } = checkGap(before.details);
    policyId = detail.summary.id;
    added = cell.typeId;
    const autoLabels = detail.clauses.flatMap((c) => c.labels.filter((l) => l.source === 'auto' && l.typeId !== added).map((l) => ({ c, l })));
    const [first, second] = [autoLabels[0], autoLabels.find((x) => x.c.id !== autoLabels[0]?.c.id)];
    if (!first || !second || !cell.candidate) throw new Error('the policy has too few labels');
    rejected = { clause: first.c.id, type: first.l.typeId };
    confirmed = { clause: second.c.id, type: second.l.typeId };
    const quote = (x: typeof first): string => labelQuote(x.c, x.l.sentence) ?? '';
    const decisions: LabelEntry[] = [
      { policy: policyId, clause: cell.candidate.clauseId, quote: pinQuote(cell.candidate.quote) ?? '', type: added, action: 'add' },
      { policy: policyId, clause: rejected.clause, quote: quote(first), type: rejected.type, action: 'reject' },
      { policy: policyId, clause: confirmed.clause, quote: quote(second), type: confirmed.type, action: 'confirm', note: 'read it: "quotes" and\nnew lines survive' },
      // Words no policy contains: a decision that no longer matches.
      { policy: policyId, clause: confirmed.clause, quote: 'words that are not in this clause', type: confirmed.type === added ? rejected.type : added, action: 'confirm' },
    ];
    yaml = toYaml(merged({ metadata: [], labels: [] }, { labels: decisions, notes: [{ policy: policyId, type: 'gov-purpose-scope' }], metadata: [] }), [{ policy: policyId, type: 'gov-purpose-scope' }], '2026-11-22');
    const parsed = parseOverrides(parseYaml(yaml));
    expect(parsed.problems).toEqual([]);
    expect(parsed.value.labels).toEqual(decisions);
    after = await analyse(parsed.value.labels);
  });

  it('the exported YAML is what the CLI reads: same entries, quotes and notes intact', () => {
    expect(yaml).toMatch(/^# Reviewer decisions/);
    expect(yaml).toContain('labels:\n  - policy: ');
    expect(yaml).toContain('# Gaps confirmed as missing');
  });

  it('"It is here" fills the false gap and marks the cell corrected; the rejection and the confirmation are recorded', () => {
    const d = after.details.find((x) => x.summary.id === policyId);
    if (!d) throw new Error('policy gone');
    expect(d.gaps.some((g) => g.typeId === added)).toBe(false);
    const cell = d.coverage.find((c) => c.typeId === added);
    expect(cell?.status).toBe('present');
    expect(cell?.review).toBe('corrected');
    const rejectedClause = d.clauses.find((c) => c.id === rejected.clause);
    expect(rejectedClause?.labels.some((l) => l.typeId === rejected.type)).toBe(false);
    expect(rejectedClause?.reviews?.some((r) => r.action === 'reject' && r.type === rejected.type)).toBe(true);
    expect(d.coverage.find((c) => c.typeId === rejected.type)?.review).toBe('corrected');
    const confirmedLabel = d.clauses.find((c) => c.id === confirmed.clause)?.labels.find((l) => l.typeId === confirmed.type);
    expect(confirmedLabel?.source).toBe('reviewer');
    expect(d.coverage.find((c) => c.typeId === confirmed.type)?.review).toMatch(/confirmed|corrected/);

    const rows = parseCsv(csvHeader(COVERAGE_HEADER) + (policyCsvRows(d, after.dataset.taxonomy.types).get('coverage.csv') ?? '')).slice(1);
    expect(rows.find((r) => r[2] === added)?.[8]).toBe('corrected');
    expect(rows.filter((r) => r[8] === 'auto').length).toBeLessThan(rows.length);
  });

  it('a decision whose words are gone is stale: reported on its cell, queued second, and kept in the build decisions', () => {
    const d = after.details.find((x) => x.summary.id === policyId);
    if (!d) throw new Error('policy gone');
    const stale = d.coverage.flatMap((c) => c.staleOverrides ?? []);
    expect(stale).toHaveLength(1);
    expect(stale[0]?.quote).toBe('words that are not in this clause');
    const queued = queueItems(d, levels).filter((i) => i.kind === 'stale-override');
    expect(queued).toHaveLength(1);
    expect(queued[0]?.tier).toBe(2);
    // The build's own decisions (for the next export) hold all four, the stale one too.
    expect(buildDecisions(d).labels).toHaveLength(4);
  });

  it('the share of labels checked by a person goes up, and the reviewed cells leave the queue', () => {
    const b = before.details.find((x) => x.summary.id === policyId);
    const a = after.details.find((x) => x.summary.id === policyId);
    if (!a || !b) throw new Error('policy gone');
    const qb = policyQuality(b);
    const qa = policyQuality(a);
    expect(qb.checked).toBe(0);
    expect(qa.checked).toBe(3);
    const reviewed = (items: QueueItem[]) => items.filter((i) => i.kind !== 'stale-override' && [added, rejected.type, confirmed.type].includes(i.typeId));
    expect(reviewed(queueItems(a, levels))).toEqual([]);
    expect(queueItems(b, levels).some((i) => i.typeId === added && i.kind === 'check-gap')).toBe(true);
  });
});
