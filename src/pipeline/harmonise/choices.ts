/**
 * The lead's decisions for one set of member schools: per clause type a variant, their own wording, or leaving
 * the type out; per stance conflict the position the trust takes. Kept small and plain so it can live in
 * localStorage and in a saved file. Validation of saved files lives in choices-schema.ts (zod, loaded on demand).
 */
import { allTypes, type HarmonisationModel, type TypeEntry, type Variant } from './model.ts';

export const CHOICES_FORMAT = 'policy-atlas-draft-choices';

export interface TypeChoice {
  /** `variant`: a member's wording; `edit`: the lead's own text; `exclude`: leave the type out. */
  action: 'variant' | 'edit' | 'exclude';
  /** The chosen variant's key, or the variant an edit started from. */
  variant: string | null;
  /** The lead's own wording (action `edit`). */
  text: string | null;
}

export interface DraftChoices {
  format: typeof CHOICES_FORMAT;
  version: 1;
  /** Member school ids, sorted. */
  members: string[];
  /** The draft's title, or null for the default. */
  title: string | null;
  /** Per clause type id; a type without an entry uses its default. */
  types: Record<string, TypeChoice>;
  /** Per stance dimension id: the value the trust takes. */
  stances: Record<string, string>;
}

export const DEFAULT_TITLE = 'Staff acceptable use policy';

/** The member set as a canonical list (sorted, unique). */
export function memberSet(ids: readonly string[]): string[] {
  return [...new Set(ids)].sort();
}

/** localStorage key for a member set: the same schools always find the same choices. */
export function choicesStorageKey(ids: readonly string[]): string {
  return `policy-atlas:draft:${memberSet(ids).join(',')}`;
}

export function emptyChoices(ids: readonly string[]): DraftChoices {
  return { format: CHOICES_FORMAT, version: 1, members: memberSet(ids), title: null, types: {}, stances: {} };
}

export type ResolvedChoice =
  | { action: 'variant'; variant: Variant; isDefault: boolean }
  | { action: 'edit'; text: string; basedOn: Variant | null }
  | { action: 'exclude' }
  /** An uncovered type the lead has not added. */
  | { action: 'none' };

/**
 * What a type contributes to the draft. A saved variant key that no longer exists (the data changed) falls back
 * to the default rather than failing.
 */
export function resolveChoice(entry: TypeEntry, choices: DraftChoices): ResolvedChoice {
  const c = choices.types[entry.typeId];
  const find = (key: string | null | undefined): Variant | null => entry.variants.find((v) => v.key === key) ?? null;
  if (c?.action === 'exclude') return { action: 'exclude' };
  if (c?.action === 'edit' && c.text !== null && c.text.trim() !== '') return { action: 'edit', text: c.text, basedOn: find(c.variant) };
  const chosen = c?.action === 'variant' ? find(c.variant) : null;
  const variant = chosen ?? find(entry.defaultVariant);
  if (!variant) return { action: 'none' };
  return { action: 'variant', variant, isDefault: variant.key === entry.defaultVariant };
}

/** The text a textarea starts from: the saved edit, else the chosen (or default) variant, else the suggestion. */
export function startingText(entry: TypeEntry, choices: DraftChoices): string {
  const c = choices.types[entry.typeId];
  if (c?.text) return c.text;
  const r = resolveChoice(entry, choices);
  if (r.action === 'variant') return r.variant.text;
  return entry.suggestedWording ?? '';
}

export interface StanceMismatch {
  typeId: string;
  dimensionId: string;
  decided: string;
  decidedLabel: string;
  /** What the chosen wording says instead. */
  wordingLabel: string;
}

/** Chosen variants whose wording takes a different position from the one the lead decided. */
export function stanceMismatches(model: HarmonisationModel, choices: DraftChoices): StanceMismatch[] {
  const labels = new Map<string, string>();
  for (const t of allTypes(model)) for (const q of t.stances) for (const o of q.options) labels.set(`${q.dimensionId}=${o.value}`, o.label);
  const out: StanceMismatch[] = [];
  for (const t of allTypes(model)) {
    const r = resolveChoice(t, choices);
    if (r.action !== 'variant') continue;
    for (const s of r.variant.stances) {
      const decided = choices.stances[s.dimensionId];
      if (decided && decided !== s.value && !r.variant.stances.some((o) => o.dimensionId === s.dimensionId && o.value === decided)) {
        out.push({ typeId: t.typeId, dimensionId: s.dimensionId, decided, decidedLabel: labels.get(`${s.dimensionId}=${decided}`) ?? decided, wordingLabel: s.label });
      }
    }
  }
  return out;
}

export interface Outstanding {
  /** Stance conflicts not yet decided. */
  conflicts: { typeId: string; dimensionId: string; title: string }[];
  /** Core types no member covers and the lead has not added. */
  uncoveredCore: { typeId: string; title: string }[];
}

/** What still needs the lead's attention before the draft is complete. */
export function outstanding(model: HarmonisationModel, choices: DraftChoices): Outstanding {
  const conflicts: Outstanding['conflicts'] = [];
  const uncoveredCore: Outstanding['uncoveredCore'] = [];
  for (const t of allTypes(model)) {
    for (const q of t.stances) if (q.conflict && !choices.stances[q.dimensionId]) conflicts.push({ typeId: t.typeId, dimensionId: q.dimensionId, title: q.title });
    if (t.level === 'core' && t.variants.length === 0) {
      const r = resolveChoice(t, choices);
      if (r.action === 'none') uncoveredCore.push({ typeId: t.typeId, title: t.title });
    }
  }
  return { conflicts, uncoveredCore };
}
