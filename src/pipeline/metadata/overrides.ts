/**
 * Reviewer corrections to extracted metadata, loaded from content/overrides.yaml. A correction replaces the field
 * outright and is marked `source: 'reviewer'` so the site can show it was checked by a person.
 */
import { z } from 'zod';
import type { Audience, MetaValue, PolicyMetadata } from '../types.ts';
import { checkDate } from '../dates/index.ts';

import { METADATA_FIELDS, type MetadataField } from './fields.ts';

export { METADATA_FIELDS, type MetadataField };

const AUDIENCES: readonly Audience[] = ['staff', 'governors', 'volunteers', 'contractors', 'visitors', 'pupils', 'parents'];

/** One reviewer correction of one metadata field of one policy. */
export const metadataOverrideSchema = z.object({
  /** Id of the policy the correction is for (as in the dataset's `policy_id`). */
  policy: z.string().min(1),
  /**
   * The field to replace. Dates (`approved`, `last_reviewed`, `next_review`) take any date form the extractor
   * reads, stored at the precision given (`2018-05` stays a month); `review_cycle_months` a whole number of months;
   * `audiences` a list drawn from staff, governors, volunteers, contractors, visitors, pupils, parents.
   */
  field: z.enum(METADATA_FIELDS),
  /** The corrected value: text, a number of months, or a list of audiences. */
  value: z.union([z.string(), z.number(), z.array(z.string())]),
  /** Why the reviewer changed it, e.g. "ratification minutes 19/10/2012 seen". */
  note: z.string().optional(),
});

export type MetadataOverride = z.infer<typeof metadataOverrideSchema>;

export type OverrideResult = { ok: true; meta: PolicyMetadata } | { ok: false; error: string };

function reviewer<T>(value: T): MetaValue<T> {
  return { value, evidence: null, source: 'reviewer' };
}

/** Applies one correction; returns an error string (not a throw) so the CLI can report it and carry on. */
export function applyMetadataOverride(meta: PolicyMetadata, raw: unknown): OverrideResult {
  const parsed = metadataOverrideSchema.safeParse(raw);
  if (!parsed.success) {
    const field = (raw as { field?: unknown } | null)?.field;
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') || 'entry';
    if (issue?.path[0] === 'field') {
      return { ok: false, error: `unknown metadata field "${String(field)}" (expected one of: ${METADATA_FIELDS.join(', ')})` };
    }
    return { ok: false, error: `bad metadata override (${where}): ${issue?.message ?? 'invalid'}` };
  }
  const { field, value, policy } = parsed.data;
  const fail = (msg: string): OverrideResult => ({ ok: false, error: `override for ${policy} ${field}: ${msg}` });
  const out: PolicyMetadata = { ...meta, warnings: [...meta.warnings] };
  switch (field) {
    case 'school':
    case 'title':
    case 'approving_body': {
      if (typeof value !== 'string' || !value.trim()) return fail('expected a non-empty string');
      if (field === 'school') {
        out.school = reviewer(value.trim());
        out.schoolIsPlaceholder = false;
        out.warnings = out.warnings.filter((w) => !w.startsWith('school name'));
      } else if (field === 'title') out.title = reviewer(value.trim());
      else out.approvingBody = reviewer(value.trim());
      return { ok: true, meta: out };
    }
    case 'approved':
    case 'last_reviewed':
    case 'next_review': {
      if (typeof value !== 'string' && typeof value !== 'number') return fail('expected a date');
      const r = checkDate(String(value));
      if (!r.ok) return fail(r.error);
      const v = reviewer(r.date.value);
      if (field === 'approved') out.approved = v;
      else if (field === 'last_reviewed') out.lastReviewed = v;
      else out.nextReview = v;
      return { ok: true, meta: out };
    }
    case 'review_cycle_months': {
      const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
      if (!Number.isInteger(n) || n < 1 || n > 120) return fail(`expected a whole number of months between 1 and 120, got ${JSON.stringify(value)}`);
      out.reviewCycleMonths = reviewer(n);
      return { ok: true, meta: out };
    }
    case 'audiences': {
      const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : null;
      if (!list) return fail('expected a list of audiences');
      const clean = list.map((s) => s.trim().toLowerCase()).filter(Boolean);
      const bad = clean.filter((s) => !(AUDIENCES as readonly string[]).includes(s));
      if (bad.length || !clean.length) return fail(`unknown audience ${bad.map((b) => `"${b}"`).join(', ') || '(empty list)'}; expected: ${AUDIENCES.join(', ')}`);
      out.audiences = reviewer(AUDIENCES.filter((a) => clean.includes(a)));
      return { ok: true, meta: out };
    }
  }
}

/**
 * Checks one raw entry from overrides.yaml without applying it: the parsed entry, or an error string naming the
 * problem (unknown field, bad date, unknown audience).
 */
export function validateMetadataOverride(raw: unknown): { ok: true; entry: MetadataOverride } | { ok: false; error: string } {
  const r = applyMetadataOverride(EMPTY, raw);
  return r.ok ? { ok: true, entry: metadataOverrideSchema.parse(raw) } : r;
}

const EMPTY: PolicyMetadata = {
  school: null,
  schoolIsPlaceholder: false,
  title: null,
  approved: null,
  lastReviewed: null,
  nextReview: null,
  reviewCycleMonths: null,
  approvingBody: null,
  audiences: null,
  warnings: [],
};

/**
 * Applies the corrections for one policy (the caller picks the entries whose `policy` matches), in order, so a
 * later entry for the same field wins. An entry that fails is skipped and its error added to `warnings` as
 * "reviewer override ignored: …"; use `applyMetadataOverride` or `validateMetadataOverride` to get the error itself.
 */
export function applyMetadataOverrides(meta: PolicyMetadata, entries: readonly MetadataOverride[]): PolicyMetadata {
  let current = meta;
  for (const e of entries) {
    const r = applyMetadataOverride(current, e);
    if (r.ok) current = r.meta;
    else current = { ...current, warnings: [...current.warnings, `reviewer override ignored: ${r.error}`] };
  }
  return current;
}
