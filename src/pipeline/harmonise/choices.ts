/**
 * The lead's decisions for one set of member schools: per clause type a variant, their own wording, or leaving
 * the type out; per stance conflict the position the trust takes. Kept small and plain so it can live in
 * localStorage and in a saved file. Validation of saved files lives in choices-schema.ts (zod, loaded on demand).
 */
import { allTypes, type HarmonisationModel, type TypeEntry, type Variant } from './model.ts';
import { blocksToText, textToBlocks, type Block } from './blocks.ts';
import { contradictions } from './checks.ts';
import { suggest, type Suggestion } from './suggest.ts';

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
  /** A member's variant as it stands: the lead's choice, or the suggestion when that variant is current. */
  | { action: 'variant'; variant: Variant; isDefault: boolean; blocks: Block[] }
  /** The suggestion when no member wording is current and consistent (suggest.ts). */
  | { action: 'suggested'; suggestion: Exclude<Suggestion, { kind: 'variant' } | { kind: 'none' }>; blocks: Block[] }
  | { action: 'edit'; text: string; basedOn: Variant | null; blocks: Block[] }
  | { action: 'exclude' }
  /** Nothing to offer: an uncovered type the lead has not added, or no current wording at all. */
  | { action: 'none' };

/**
 * What a type contributes to the draft. A saved variant key that no longer exists (the data changed) falls back
 * to the suggestion rather than failing; without a saved choice the suggestion follows the decisions taken.
 */
export function resolveChoice(model: HarmonisationModel, entry: TypeEntry, choices: DraftChoices): ResolvedChoice {
  const c = choices.types[entry.typeId];
  const find = (key: string | null | undefined): Variant | null => entry.variants.find((v) => v.key === key) ?? null;
  if (c?.action === 'exclude') return { action: 'exclude' };
  if (c?.action === 'edit' && c.text !== null && c.text.trim() !== '') return { action: 'edit', text: c.text, basedOn: find(c.variant), blocks: textToBlocks(c.text) };
  const s = suggest(model, entry, choices.stances);
  const chosen = c?.action === 'variant' ? find(c.variant) : null;
  if (chosen) return { action: 'variant', variant: chosen, isDefault: s.kind === 'variant' && s.key === chosen.key, blocks: chosen.blocks };
  if (s.kind === 'variant') return { action: 'variant', variant: s.variant, isDefault: true, blocks: s.blocks };
  if (s.kind === 'none') return { action: 'none' };
  return { action: 'suggested', suggestion: s, blocks: s.blocks };
}

/** The blocks a resolved choice puts in the draft (none for excluded or empty types). */
export function blocksOf(r: ResolvedChoice): Block[] {
  return r.action === 'exclude' || r.action === 'none' ? [] : r.blocks;
}

/** The text a textarea starts from: the saved edit, else the chosen (or suggested) wording, else the corpus wording. */
export function startingText(model: HarmonisationModel, entry: TypeEntry, choices: DraftChoices): string {
  const c = choices.types[entry.typeId];
  if (c?.text) return c.text;
  const r = resolveChoice(model, entry, choices);
  if (r.action === 'variant' || r.action === 'suggested') return blocksToText(r.blocks);
  return entry.suggestedWording ?? '';
}

export interface StanceMismatch {
  typeId: string;
  dimensionId: string;
  decided: string;
  decidedLabel: string;
  /** What the chosen wording says instead. */
  wordingLabel: string;
  /** The block of the chosen wording that says it, and its words. */
  block: number;
  words: string;
}

const decidedLabel = (model: HarmonisationModel, dim: string, value: string): string =>
  model.dimensions.find((d) => d.id === dim)?.values.find((v) => v.id === value)?.label ?? value;

/** Stances in the draft's wording (recomputed on the final words) that differ from the position the lead decided. */
export function stanceMismatches(model: HarmonisationModel, choices: DraftChoices): StanceMismatch[] {
  const out: StanceMismatch[] = [];
  for (const t of allTypes(model)) {
    const blocks = blocksOf(resolveChoice(model, t, choices));
    if (blocks.length === 0) continue;
    for (const s of contradictions(model.rules.stances(blocks), choices.stances)) {
      const decided = choices.stances[s.dimensionId] ?? '';
      out.push({ typeId: t.typeId, dimensionId: s.dimensionId, decided, decidedLabel: decidedLabel(model, s.dimensionId, decided), wordingLabel: s.label, block: s.block, words: blocks[s.block]?.text ?? '' });
    }
  }
  return out;
}

/** Does a variant, as it stands, contradict a decision? (For marking it in the workspace.) */
export function variantContradictions(model: HarmonisationModel, v: Variant, choices: DraftChoices): { dimensionId: string; wordingLabel: string; decidedLabel: string }[] {
  return contradictions(v.stances, choices.stances).map((s) => ({
    dimensionId: s.dimensionId,
    wordingLabel: s.label,
    decidedLabel: decidedLabel(model, s.dimensionId, choices.stances[s.dimensionId] ?? ''),
  }));
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
      const r = resolveChoice(model, t, choices);
      if (r.action === 'none') uncoveredCore.push({ typeId: t.typeId, title: t.title });
    }
  }
  return { conflicts, uncoveredCore };
}
