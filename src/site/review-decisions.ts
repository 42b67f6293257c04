/**
 * The reviewer decisions a build already holds, as content/overrides.yaml entries: the label decisions applied to
 * each clause (rejections included), the ones that no longer match (kept, so that nobody's work is lost), and
 * metadata a reviewer corrected. The browser's export starts from these and adds the reader's own decisions, so
 * the downloaded file can replace content/overrides.yaml whole.
 */
import type { PolicyDetail } from './types.ts';

/** One entry under `labels:` of content/overrides.yaml (src/pipeline/classify/overrides.ts). */
export interface LabelEntry {
  policy: string;
  clause: string;
  quote: string;
  type: string;
  action: 'confirm' | 'reject' | 'add';
  note?: string;
}

/** One entry under `metadata:` (src/pipeline/metadata/overrides.ts). */
export interface MetadataEntry {
  policy: string;
  field: string;
  value: string | number | string[];
  note?: string;
}

export interface OverridesFile {
  metadata: MetadataEntry[];
  labels: LabelEntry[];
}

const METADATA_KEYS = [
  ['school', 'school'],
  ['title', 'title'],
  ['approved', 'approved'],
  ['last_reviewed', 'lastReviewed'],
  ['next_review', 'nextReview'],
  ['review_cycle_months', 'reviewCycleMonths'],
  ['approving_body', 'approvingBody'],
  ['audiences', 'audiences'],
] as const;

export function buildDecisions(d: PolicyDetail): OverridesFile {
  const policy = d.summary.id;
  const labels: LabelEntry[] = [];
  for (const c of d.clauses) {
    for (const r of c.reviews ?? []) labels.push({ policy, clause: c.id, quote: r.quote, type: r.type, action: r.action, ...(r.note ? { note: r.note } : {}) });
  }
  for (const cell of d.coverage) {
    for (const s of cell.staleOverrides ?? []) labels.push({ policy, clause: s.clause, quote: s.quote, type: s.type, action: s.action, ...(s.note ? { note: s.note } : {}) });
  }
  const metadata: MetadataEntry[] = [];
  for (const [field, key] of METADATA_KEYS) {
    const v = d.metadata[key];
    if (v?.source === 'reviewer') metadata.push({ policy, field, value: v.value });
  }
  return { metadata, labels };
}
