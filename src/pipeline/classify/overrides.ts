/**
 * Human review of clause labels (content/overrides.yaml, under `labels:`). A reviewer confirms, rejects or adds
 * a type on one clause. The quote pins the override to the words the reviewer saw: if a re-ingest renumbers the
 * clauses or the policy text changes, the override is reported as unmatched rather than silently applied to
 * the wrong clause or dropped.
 */
import { z } from 'zod';
import type { ClassifiedClause, Clause, ClauseLabel } from '../types.ts';
import { resolveTypeId, type Taxonomy } from '../taxonomy/load.ts';

export const labelOverrideSchema = z.strictObject({
  /** Policy id as in the dataset (policies.csv `policy_id`). */
  policy: z.string().min(1),
  /** Clause id within that policy, e.g. `c0042`. */
  clause: z.string().regex(/^c\d+$/, 'must be a clause id like "c0042"'),
  /** A snippet the clause must still contain (whitespace and case are ignored when comparing). */
  quote: z.string().min(3),
  /** Clause type id (an alias of a retired id is followed to the current id). */
  type: z.string().min(1),
  /** `confirm` a label the classifier gave, `reject` a wrong one, `add` one it missed. */
  action: z.enum(['confirm', 'reject', 'add']),
  /** Why, in the reviewer's words. */
  note: z.string().optional(),
});

export type LabelOverride = z.infer<typeof labelOverrideSchema>;

export interface UnmatchedOverride {
  entry: LabelOverride;
  reason: string;
}

const squash = (s: string): string => s.normalize('NFC').replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"').replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * Applies this policy's overrides. Confirmed and added labels become `source: 'reviewer'` with confidence 1;
 * rejected labels are removed. Overrides for other policies are ignored (not unmatched); overrides whose clause
 * is missing, whose quote is no longer in the clause, or whose type is unknown come back in `unmatched`.
 */
export function applyLabelOverrides(
  policyId: string,
  clauses: Clause[],
  classified: ClassifiedClause[],
  entries: LabelOverride[],
  taxonomy: Taxonomy,
): { classified: ClassifiedClause[]; unmatched: UnmatchedOverride[] } {
  const clauseById = new Map(clauses.map((c) => [c.id, c]));
  const result = classified.map((c) => ({ ...c, labels: c.labels.map((l) => ({ ...l, cues: [...l.cues] })) }));
  const byClause = new Map(result.map((c) => [c.clauseId, c]));
  const unmatched: UnmatchedOverride[] = [];

  for (const entry of entries) {
    if (entry.policy !== policyId) continue;
    const clause = clauseById.get(entry.clause);
    const target = byClause.get(entry.clause);
    if (!clause || !target) {
      unmatched.push({ entry, reason: `clause ${entry.clause} is not in policy ${policyId}` });
      continue;
    }
    if (!squash(clause.text).includes(squash(entry.quote))) {
      unmatched.push({ entry, reason: `clause ${entry.clause} no longer contains the quote "${entry.quote}"` });
      continue;
    }
    const typeId = resolveTypeId(taxonomy, entry.type);
    if (!typeId) {
      unmatched.push({ entry, reason: `unknown clause type "${entry.type}"` });
      continue;
    }
    const at = target.labels.findIndex((l) => l.typeId === typeId);
    if (entry.action === 'reject') {
      if (at >= 0) target.labels.splice(at, 1);
      continue;
    }
    const reason = entry.note ? `reviewer ${entry.action}: ${entry.note}` : `reviewer ${entry.action}`;
    const label: ClauseLabel = {
      typeId,
      confidence: 1,
      cues: [reason, ...(at >= 0 ? (target.labels[at]?.cues ?? []) : [])],
      source: 'reviewer',
    };
    if (at >= 0) target.labels.splice(at, 1);
    target.labels.unshift(label);
  }
  return { classified: result, unmatched };
}
