/**
 * Zod schemas for the staleness reference lists (content/references/*.yaml): laws, guidance, platforms, devices,
 * terms and advice that a current staff acceptable use policy should no longer rely on.
 */
import { z } from 'zod';

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, the same shape as a PartialDate. */
export const partialDateString = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD');

/** Checks that a pattern compiles and cannot match the empty string (which would flag every position). */
function patternProblem(source: string): string | null {
  try {
    const re = new RegExp(source, 'iu');
    if (re.test('')) return 'matches the empty string';
    return null;
  } catch (error) {
    return `not a valid regular expression (${(error as Error).message})`;
  }
}

/** A regular expression source, checked when the file is loaded (not at first use). */
const patternString = z
  .string()
  .min(2)
  .superRefine((source, ctx) => {
    const problem = patternProblem(source);
    if (problem !== null) ctx.addIssue({ code: 'custom', message: `pattern ${JSON.stringify(source)} ${problem}` });
  });

export const referenceKinds = ['law', 'guidance', 'platform', 'device', 'term', 'advice'] as const;
export const severities = ['high', 'medium', 'low'] as const;

export const referenceEntrySchema = z
  .strictObject({
    /** Stable kebab-case id, e.g. `dpa-1998`; used in the dataset and in URLs, never renamed. */
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a kebab-case id like "dpa-1998"'),
    /** Short name shown to readers, e.g. "Data Protection Act 1998". */
    label: z.string().min(1),
    /** What sort of reference this is: superseded law, guidance, a platform or device, a term, or advice. */
    kind: z.enum(referenceKinds),
    /**
     * JavaScript regular expression sources, matched case-insensitively (unless `match_case`) against the whole
     * policy text. Bound them with `\b` and look-arounds so that, for example, "PDA" does not match "update".
     */
    patterns: z.array(patternString).min(1),
    /** Match the patterns case-sensitively, for names that are also ordinary words ("Vine", "Ning"). */
    match_case: z.boolean().default(false),
    /** Plain-English statement of what replaced it or what a current policy should say instead. */
    replaced_by: z.string().min(1),
    /** When it became outdated (repeal, closure, new guidance in force): YYYY, YYYY-MM or YYYY-MM-DD. */
    since: partialDateString,
    /** The named source for the change (law, guidance or announcement), as text; no URL needed. */
    source: z.string().min(1),
    /** How much relying on it matters: `high` (law or safeguarding basis), `medium`, `low` (dated wording). */
    severity: z.enum(severities),
    /** Caveats for reviewers: verification status, what not to read into a hit. */
    note: z.string().default(''),
  });

export const referenceFileSchema = z.strictObject({
  /** Version of this list; bump when entries are added, removed or their meaning changes. */
  version: z.string().min(1),
  /** The entries, in the order they are shown. */
  entries: z.array(referenceEntrySchema).min(1),
});

export type ReferenceEntry = z.output<typeof referenceEntrySchema>;
export type ReferenceKind = (typeof referenceKinds)[number];
export type Severity = (typeof severities)[number];
