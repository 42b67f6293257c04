/**
 * Zod schemas for the taxonomy content files (content/taxonomy/types.yaml, cues/*.yaml, guidance.yaml).
 * They describe the files as written by editors; `load.ts` merges them into one `Taxonomy`.
 */
import { z } from 'zod';

/** Kebab-case id such as `sec-passwords`; ids are never renamed once released. */
const typeId = z.string().regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)+$/, 'must be a kebab-case id like "sec-passwords"');

export const categorySchema = z.strictObject({
  /** Stable kebab-case id, e.g. `security`. */
  id: z.string().regex(/^[a-z][a-z-]*$/),
  /** Plain-English title shown to readers. */
  title: z.string().min(1),
});

export const typeEntrySchema = z.strictObject({
  /** Stable id `<category prefix>-<topic>`. */
  id: typeId,
  /** Id of the category this type belongs to (must be listed under `categories`). */
  category: z.string().min(1),
  /** Short title shown as the row label of the coverage chart. */
  title: z.string().min(1),
  /** One line saying what a clause of this type does. */
  description: z.string().min(1),
  /** How current guidance treats the type: `core` (expected), `recommended`, `optional` (local choice). */
  level: z.enum(['core', 'recommended', 'optional']),
  /** The evidence behind `level`, in the research brief's words. */
  level_note: z.string().min(1),
  /** Year from which a policy is expected to cover this type (e.g. MFA from 2022); omitted when always expected. */
  expected_since: z.number().int().min(1990).max(2100).optional(),
  /** Older ids that now mean this type; `resolveTypeId` follows them. Empty until an id is retired. */
  aliases: z.array(typeId).default([]),
});

export const typesFileSchema = z.strictObject({
  /** Taxonomy version; bump when ids are added or retired. */
  version: z.string().min(1),
  /** The categories, in display order. */
  categories: z.array(categorySchema).min(1),
  /** The clause types, in display order (coverage cells follow this order). */
  types: z.array(typeEntrySchema).min(1),
});

/**
 * One cue: a phrase or regular expression with a weight. Exactly one of `phrase` or `re` is given.
 * A phrase matches as whole words, case-insensitively, with any run of spaces between words.
 */
export const cueSchema = z
  .strictObject({
    /** Literal words, e.g. `strong password`. */
    phrase: z.string().min(2).optional(),
    /** JavaScript regular expression source (case-insensitive), e.g. `\bpass(word|code)s?\b`. */
    re: z.string().min(2).optional(),
    /**
     * Weight in (0, 1]: the confidence this cue alone gives (cues combine as independent evidence). A negative
     * weight in [-1, 0) is a counter-cue: it scales the type's confidence by (1 + w).
     */
    w: z.number().min(-1).max(1).refine((w) => w !== 0, 'weight must not be 0'),
    /** Why the cue exists or what it is for; not used by the classifier. */
    note: z.string().optional(),
  })
  .refine((c) => (c.phrase === undefined) !== (c.re === undefined), 'give exactly one of "phrase" or "re"');

export const typeCuesSchema = z.strictObject({
  /** Cues matched against the clause text (and, at reduced weight, against the lead-in of a list). */
  text: z.array(cueSchema).default([]),
  /** Cues matched against the headings above the clause; the nearest heading counts most. */
  heading: z.array(cueSchema).default([]),
  /** Minimum confidence for this type to be given to a clause; overrides the classifier default. */
  min: z.number().min(0).max(1).optional(),
});

export const cuesFileSchema = z.strictObject({
  /** Taxonomy version these cues were written for. */
  version: z.string().min(1),
  /** Cues per type id. A type may appear in one cue file only. */
  types: z.record(z.string(), typeCuesSchema),
});

export const guidanceEntrySchema = z.object({
  /** Why a governor should care that the policy covers this type. */
  why_it_matters: z.string().min(1),
  /** A question to ask the school when the type is missing or weak. */
  what_to_ask: z.string().min(1),
  /** Titles or URLs of the guidance this rests on. */
  sources: z.array(z.string()).optional(),
});

export const guidanceFileSchema = z.object({
  /** Taxonomy version the guidance was written for. */
  version: z.string().min(1),
  /** Guidance per type id; a type without an entry simply has no guidance. */
  types: z.record(z.string(), guidanceEntrySchema),
});

export type TypeEntry = z.infer<typeof typeEntrySchema>;
export type CueEntry = z.infer<typeof cueSchema>;
export type TypeCues = z.infer<typeof typeCuesSchema>;
export type GuidanceEntry = z.infer<typeof guidanceEntrySchema>;
