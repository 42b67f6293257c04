/**
 * The review queue: the coverage cells of one policy most worth a person's look, and the order the queue page
 * lists them in (most harmful first). Pure: reads a policy's published record and the taxonomy's guidance levels,
 * so a unit test runs it on real analysis output and the page, its JSON and the data-quality panel agree.
 *
 * Order (QUEUE_ORDER_STEPS says the same on the page):
 *   1. gaps in core guidance where the closest sentence came near the threshold: a governor is told a legal
 *      expectation is missing, and a near miss is the likeliest false gap; closest first;
 *   2. reviewer decisions that no longer match their text: a person's correction is no longer applied;
 *   3. core clause types covered only by a heading or by a low-confidence label: a wrong label would hide a gap;
 *   4. other gaps where a sentence came near, closest first;
 *   5. other types covered only by a heading, then other low-confidence coverage, least confident first.
 * Cells a reviewer has already checked are left out.
 */
import type { PolicyDetail } from './types.ts';
import { absentKind } from '../pipeline/output/absent-kind.ts';

export type QueueKind = 'check-gap' | 'stale-override' | 'heading-only' | 'low-confidence';

export interface QueueItem {
  policyId: string;
  typeId: string;
  kind: QueueKind;
  /** 1 (most harmful) to 5; see the module comment. */
  tier: number;
  /** The confidence behind the cell: the near miss's for a gap, the strongest label's otherwise. */
  confidence: number;
  /** The clause to look at, or null. */
  clauseId: string | null;
  /** The words to check (the near-miss sentence, the label's evidence or the stale decision's quote). */
  quote: string;
  /** Plain English: what to check. */
  reason: string;
}

/** The order of the queue, step by step, for the page (tier 1 first). */
export const QUEUE_ORDER_STEPS = [
  'Gaps in core guidance where a sentence came close to counting, closest first: a near miss is the likeliest false gap, and a false core gap misleads governors most.',
  'Reviewer decisions that no longer match the policy text: a person’s correction is no longer applied.',
  'Core clause types covered only by a heading or by a low-confidence label: a wrong label would hide a gap.',
  'Other gaps where a sentence came close, closest first.',
  'Other clause types covered only by a heading, then other low-confidence coverage, least confident first.',
] as const;

export const QUEUE_KIND_TEXT: Record<QueueKind, string> = {
  'check-gap': 'Gap: not found — check',
  'stale-override': 'Reviewer decision no longer matches',
  'heading-only': 'Covered by a heading only',
  'low-confidence': 'Low-confidence label',
};

type Label = PolicyDetail['clauses'][number]['labels'][number];

/** A label that rests on a heading only: every reason is a heading, none a phrase or the model. */
export function headingOnly(label: Pick<Label, 'cues' | 'source'>): boolean {
  return label.source === 'auto' && label.cues.length > 0 && label.cues.every((c) => c.startsWith('heading '));
}

/** Whether a cell stands on weak evidence: partly covered, or absent with a near miss, and no person has checked it. */
export function lowConfidenceCell(cell: PolicyDetail['coverage'][number]): boolean {
  if (cell.review || cell.verified) return false;
  return cell.status === 'partial' || absentKind(cell) === 'not-found-check';
}

export function queueItems(detail: PolicyDetail, levelOf: ReadonlyMap<string, string>): QueueItem[] {
  const policyId = detail.summary.id;
  const gaps = new Set(detail.gaps.map((g) => g.typeId));
  const labelsOf = new Map<string, Map<string, Label>>();
  for (const c of detail.clauses) labelsOf.set(c.id, new Map(c.labels.map((l) => [l.typeId, l])));
  const items: QueueItem[] = [];
  for (const cell of detail.coverage) {
    const core = levelOf.get(cell.typeId) === 'core';
    for (const s of cell.staleOverrides ?? []) {
      items.push({
        policyId,
        typeId: cell.typeId,
        kind: 'stale-override',
        tier: 2,
        confidence: cell.confidence,
        clauseId: null,
        quote: s.quote,
        reason: `A reviewer's "${s.action}" for clause ${s.clause} no longer applies: ${s.reason}.`,
      });
    }
    if (cell.review || cell.verified) continue;
    if (cell.status === 'absent') {
      if (!gaps.has(cell.typeId) || absentKind(cell) !== 'not-found-check' || !cell.candidate) continue;
      items.push({
        policyId,
        typeId: cell.typeId,
        kind: 'check-gap',
        tier: core ? 1 : 4,
        confidence: cell.confidence,
        clauseId: cell.candidate.clauseId,
        quote: cell.candidate.quote,
        reason: `Reported as a gap, but this sentence came close (${Math.round(cell.confidence * 100)}%). If it covers the type, the gap is wrong.`,
      });
      continue;
    }
    const evidence = cell.evidence.flatMap((e) => {
      const l = labelsOf.get(e.clauseId)?.get(cell.typeId);
      return l ? [{ e, l }] : [];
    });
    const first = evidence[0];
    if (!first) continue;
    if (evidence.every(({ l }) => headingOnly(l))) {
      items.push({
        policyId,
        typeId: cell.typeId,
        kind: 'heading-only',
        tier: core ? 3 : 5,
        confidence: cell.confidence,
        clauseId: first.e.clauseId,
        quote: first.e.quote,
        reason: 'Counted as covered only because the clause sits under a matching heading; the words themselves may say something else.',
      });
    } else if (cell.status === 'partial') {
      items.push({
        policyId,
        typeId: cell.typeId,
        kind: 'low-confidence',
        tier: core ? 3 : 5,
        confidence: cell.confidence,
        clauseId: first.e.clauseId,
        quote: first.e.quote,
        reason: `Counted as partly covered on weak evidence (${Math.round(cell.confidence * 100)}%).`,
      });
    }
  }
  return items;
}

const KIND_RANK: Record<QueueKind, number> = { 'check-gap': 0, 'stale-override': 1, 'heading-only': 2, 'low-confidence': 3 };

/**
 * Most harmful first (see the module comment); a gap whose near miss came closer first, a label with less
 * confidence first; then by policy and clause type so the order is stable.
 */
export function compareQueueItems(a: QueueItem, b: QueueItem): number {
  if (a.tier !== b.tier) return a.tier - b.tier;
  if (a.kind !== b.kind) return KIND_RANK[a.kind] - KIND_RANK[b.kind];
  const byConfidence = a.kind === 'check-gap' ? b.confidence - a.confidence : a.confidence - b.confidence;
  if (byConfidence !== 0) return byConfidence;
  return a.policyId.localeCompare(b.policyId) || a.typeId.localeCompare(b.typeId);
}
