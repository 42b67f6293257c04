/**
 * Validation for saved draft choices (a file the lead restores, or localStorage written by an older version).
 * Kept apart from choices.ts so the browser loads zod only when it has something to validate.
 */
import { z } from 'zod';
import { CHOICES_FORMAT, memberSet, type DraftChoices } from './choices.ts';

const MAX_TEXT = 100_000;

export const typeChoiceSchema = z.object({
  /** `variant`: a member's wording; `edit`: the lead's own text; `exclude`: leave the type out. */
  action: z.enum(['variant', 'edit', 'exclude']),
  /** The chosen variant's key, or the variant an edit started from. */
  variant: z.string().max(2_000).nullable(),
  /** The lead's own wording. */
  text: z.string().max(MAX_TEXT).nullable(),
});

export const draftChoicesSchema = z.object({
  /** Marks the file as Policy Atlas draft choices. */
  format: z.literal(CHOICES_FORMAT),
  /** File layout version. */
  version: z.literal(1),
  /** Member school ids. */
  members: z.array(z.string().min(1).max(200)).min(1).max(5_000),
  /** The draft's title, or null for the default. */
  title: z.string().max(300).nullable(),
  /** Per clause type id. */
  types: z.record(z.string().max(200), typeChoiceSchema),
  /** Per stance dimension id: the value decided. */
  stances: z.record(z.string().max(200), z.string().max(200)),
});

export type ParsedChoices = { ok: true; choices: DraftChoices } | { ok: false; message: string };

/** Parses saved choices (already JSON-decoded); the message says in plain words what is wrong. */
export function parseChoices(data: unknown): ParsedChoices {
  if (typeof data !== 'object' || data === null || (data as { format?: unknown }).format !== CHOICES_FORMAT) {
    return { ok: false, message: 'This is not a saved draft from Policy Atlas (it has no "policy-atlas-draft-choices" marker).' };
  }
  const r = draftChoicesSchema.safeParse(data);
  if (!r.success) {
    const first = r.error.issues[0];
    const where = first && first.path.length > 0 ? ` at "${first.path.join('.')}"` : '';
    return { ok: false, message: `The saved draft is damaged or from an incompatible version${where}: ${first?.message ?? 'invalid'}.` };
  }
  return { ok: true, choices: { ...r.data, members: memberSet(r.data.members) } };
}

/** Parses the text of a saved-choices file. */
export function parseChoicesText(text: string): ParsedChoices {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, message: 'The file is not valid JSON, so it cannot be a saved draft. Choose the .json file you saved from this page.' };
  }
  return parseChoices(data);
}
