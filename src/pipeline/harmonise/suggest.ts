/**
 * The wording a clause type starts from, given the positions the trust has decided: the most common current
 * member wording that does not contradict a decision (one that states the decided position first, where the
 * position is asked under this type). When no member's wording is current and consistent, the best one is brought
 * up to date: out-of-date names are dropped from lists or their sentences removed, contradicting sentences are
 * removed, and the plain-English wording of the decided position is added. Variants that are out of date or
 * contradict are never suggested as they stand; they stay on offer with their warnings.
 */
import { blocksToText, isLeadInText, type Block } from './blocks.ts';
import { contradictions, outdatedIn, type DraftRules } from './checks.ts';
import { rankVariants, type HarmonisationModel, type TypeEntry, type Variant } from './model.ts';

/** Key suffix of a member's variant brought up to date. */
export const UPDATED_SUFFIX = '~updated';
/** Key of the guidance wording offered alone. */
export const GUIDANCE_KEY = '~guidance';

export type Suggestion =
  | { kind: 'variant'; key: string; variant: Variant; blocks: Block[] }
  | { kind: 'updated'; key: string; variant: Variant; blocks: Block[]; changes: string[] }
  | { kind: 'guidance'; key: string; variant: null; blocks: Block[]; changes: string[] }
  | { kind: 'none' };

type Decisions = Readonly<Record<string, string>>;

const contradictsAny = (v: Variant, decisions: Decisions): boolean => contradictions(v.stances, decisions).length > 0;

/** Dimensions asked under this type that the trust has decided. */
function decidedHere(entry: TypeEntry, decisions: Decisions): string[] {
  return entry.stances.map((q) => q.dimensionId).filter((d) => !!decisions[d]);
}

const says = (v: Variant, dim: string, value: string): boolean => v.stances.some((s) => s.dimensionId === dim && s.value === value);

export function suggest(model: HarmonisationModel, entry: TypeEntry, decisions: Decisions): Suggestion {
  const ranked = rankVariants(entry.variants);
  const clean = ranked.filter((v) => v.stale.length === 0 && !contradictsAny(v, decisions));
  const here = decidedHere(entry, decisions);
  const agreeing = clean.filter((v) => here.every((d) => says(v, d, decisions[d] ?? '')));
  const pick = here.length > 0 ? agreeing[0] : clean[0];
  // A variant's stances were found clause by clause; read together in this section (an aims list under its
  // lead-in), its words can still state a position the trust decided against. Then it is brought up to date.
  const fits = pick !== undefined && contradictions(model.rules.stances(pick.blocks), decisions).length === 0;
  if (pick && fits) return { kind: 'variant', key: pick.key, variant: pick, blocks: pick.blocks };

  const wordings = here
    .map((d) => {
      const dim = model.dimensions.find((x) => x.id === d);
      const value = dim?.values.find((v) => v.id === decisions[d]);
      const text = value ? model.rules.wording(d, value.id, value.description) : null;
      // A position that is itself out-of-date advice gets no wording (Appendix C says so).
      return text && model.rules.outdated(text).length === 0 ? { dim: dim?.title ?? d, label: value?.label ?? '', text, id: d, value: value?.id ?? '' } : null;
    })
    .filter((w): w is NonNullable<typeof w> => w !== null);

  // The best member wording, made current and consistent; the decided position's wording added when it is missing.
  const base = pick ?? clean[0] ?? ranked[0];
  if (base) {
    const { blocks, changes } = bringUpToDate(base.blocks, decisions, model.rules);
    const shown = model.rules.stances(blocks);
    const out = [...blocks];
    for (const w of wordings) {
      if (shown.some((s) => s.dimensionId === w.id && s.value === w.value)) continue;
      out.push({ kind: 'para', depth: 0, text: w.text });
      changes.push(`added the wording for the trust’s position on ${w.dim} (“${w.label}”)`);
    }
    if (out.length > 0) return { kind: 'updated', key: `${base.key}${UPDATED_SUFFIX}`, variant: base, blocks: out, changes };
  }
  if (wordings.length > 0) {
    return {
      kind: 'guidance',
      key: GUIDANCE_KEY,
      variant: null,
      blocks: wordings.map((w) => ({ kind: 'para' as const, depth: 0, text: w.text })),
      changes: wordings.map((w) => `wording for the trust’s position on ${w.dim} (“${w.label}”)`),
    };
  }
  return { kind: 'none' };
}

/**
 * Drops an out-of-date name from a list it sits in ("Facebook, Bebo and Instagram" → "Facebook and Instagram");
 * null when it is not in a list, so the caller removes its sentence instead.
 */
export function dropFromList(text: string, start: number, end: number): string | null {
  const before = text.slice(0, start);
  const after = text.slice(end);
  const opener = /(?:^|[(:]|\bsuch as|\be\.g\.?|\bincluding|\blike)\s*$/iu;
  let m: RegExpExecArray | null;
  if ((m = /\s*,\s*$/u.exec(before))) return before.slice(0, m.index) + after;
  if ((m = /\s+(?:and|or|and\/or)\s+$/iu.exec(before))) return before.slice(0, m.index) + after;
  if ((m = /\s*\/\s*$/u.exec(before))) return before.slice(0, m.index) + after;
  if (opener.test(before) && (m = /^\s*(?:,|\/|\s(?:and|or)\b)\s*/iu.exec(after))) return before + after.slice(m[0].length);
  return null;
}

/** The text without the sentences that `bad` flags; empty when none is left. */
function withoutSentences(text: string, rules: DraftRules, bad: (sentence: string) => boolean): string {
  const spans = rules.sentences(text);
  const kept = spans.map((s) => text.slice(s.start, s.end)).filter((s) => !bad(s));
  return kept.join(' ').trim();
}

/** Context blocks an item reads under (its lead-ins), so a sentence is judged as it reads. */
function contextOf(blocks: readonly Block[], i: number): Block[] {
  const b = blocks[i];
  if (!b || b.kind !== 'item') return [];
  const out: Block[] = [];
  let depth = b.depth;
  for (let j = i - 1; j >= 0; j--) {
    const p = blocks[j] as Block;
    if (p.kind !== 'item') {
      if (isLeadInText(p.text)) out.unshift(p);
      break;
    }
    if (p.depth < depth) {
      out.unshift(p);
      depth = p.depth;
    }
  }
  return out;
}

/** Removes out-of-date words and contradicting sentences (see the module comment); says what it removed. */
export function bringUpToDate(input: readonly Block[], decisions: Decisions, rules: DraftRules): { blocks: Block[]; changes: string[] } {
  let blocks = input.map((b) => ({ ...b }));
  const changes: string[] = [];
  for (let round = 0; round < 4; round++) {
    const stale = outdatedIn(blocks, rules);
    const against = contradictions(rules.stances(blocks), decisions);
    if (stale.length === 0 && against.length === 0) break;
    const next: (Block | null)[] = blocks.map((b) => ({ ...b }));
    for (const m of stale) {
      const b = next[m.block];
      if (!b) continue;
      const at = b.text.indexOf(m.words);
      const pruned = at >= 0 ? dropFromList(b.text, at, at + m.words.length) : null;
      const text = pruned ?? withoutSentences(b.text, rules, (s) => s.includes(m.words));
      changes.push(`removed “${m.words}” (out of date: ${m.label})`);
      next[m.block] = text.trim() === '' ? null : { ...b, text: text.trim() };
    }
    for (const s of against) {
      const b = next[s.block];
      if (!b) continue;
      const ctx = contextOf(blocks, s.block);
      const text = withoutSentences(b.text, rules, (sentence) =>
        contradictions(rules.stances([...ctx, { ...b, text: sentence }]), decisions).some((c) => c.dimensionId === s.dimensionId),
      );
      // A sentence can read as a position only together with its neighbours: then the whole block goes.
      const kept = text !== b.text && text !== '' ? text : '';
      changes.push(`removed wording saying “${s.label}”, which the trust decided against`);
      next[s.block] = kept === '' ? null : { ...b, text: kept };
    }
    blocks = dropOrphanLeadIns(next.filter((b): b is Block => b !== null));
  }
  // Whatever still fails after the rounds (words that only read wrongly together) is dropped block by block.
  const stale = new Set(outdatedIn(blocks, rules).map((m) => m.block));
  const against = new Set(contradictions(rules.stances(blocks), decisions).map((s) => s.block));
  if (stale.size > 0 || against.size > 0) blocks = dropOrphanLeadIns(blocks.filter((_, i) => !stale.has(i) && !against.has(i)));
  return { blocks, changes: [...new Set(changes)] };
}

/** A lead-in with no item left under it is a fragment: it goes too. */
function dropOrphanLeadIns(blocks: Block[]): Block[] {
  let out = blocks;
  for (let pass = 0; pass < 3; pass++) {
    const keep = out.filter((b, i) => {
      const next = out[i + 1];
      const introduces = isLeadInText(b.text) && (b.kind === 'lead-in' || b.kind === 'item');
      if (!introduces) return true;
      return !!next && next.kind === 'item' && next.depth > (b.kind === 'item' ? b.depth : 0);
    });
    if (keep.length === out.length) break;
    out = keep;
  }
  return out;
}

/** The suggestion as the plain-text form a lead's edit starts from. */
export const suggestionText = (s: Suggestion): string => (s.kind === 'none' ? '' : blocksToText(s.blocks));
