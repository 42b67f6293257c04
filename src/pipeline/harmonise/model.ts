/**
 * Everything the lead needs to decide, per clause type, to turn the members' policies into one: the variants of
 * the members' wordings (who uses each, the most common and most recent), stance conflicts between members,
 * out-of-date references inside a variant, and guidance types no member covers.
 */
import type { ClauseTypeDetail, Dataset, PolicyDetail } from '../dataset.ts';
import { compareByRecency, policyDate, type MemberSchool } from './members.ts';
import { clusterPassages, passagesOf, variantLetter, VARIANT_THRESHOLD, type Passage, type PassageClause } from './variants.ts';
import { typeIndex } from './placement.ts';
import type { Block } from './blocks.ts';
import { outdatedIn, type DraftRules } from './checks.ts';

export interface MemberInput {
  school: MemberSchool;
  /** The school's current documents (PolicyDetail JSON as published). */
  details: PolicyDetail[];
}

export interface MemberRef {
  schoolId: string;
  name: string;
  policies: { id: string; title: string | null; date: string | null }[];
}

export interface VariantUser {
  schoolId: string;
  name: string;
  policyId: string;
  date: string | null;
}

export interface StaleMention {
  referenceId: string;
  /** What the text mentions, e.g. "Data Protection Act 1998". */
  label: string;
  replacedBy: string;
  /** The exact words in the wording. */
  quote: string;
  /** The block of the wording they are in. */
  block: number;
}

export interface VariantStance {
  dimensionId: string;
  value: string;
  label: string;
  /** The block of the wording that shows it. */
  block: number;
}

export interface Variant {
  /** Stable id for saved choices: the source policy and clause ids. */
  key: string;
  /** A, B, C… in display order. */
  letter: string;
  /** The wording offered: the newest user's clauses, school name replaced by "the school" (blocks.ts text form). */
  text: string;
  blocks: Block[];
  clauses: PassageClause[];
  sourceSchoolId: string;
  sourcePolicyId: string;
  /** Member schools whose wording falls in this variant, by name. */
  users: VariantUser[];
  /** The newest date among the users. */
  date: string | null;
  /** Every user covers the type only partly. */
  partial: boolean;
  mostCommon: boolean;
  mostRecent: boolean;
  /** Out-of-date references inside the offered wording (recomputed on its words). */
  stale: StaleMention[];
  /** Stance values the offered wording takes, block by block (recomputed on its words). */
  stances: VariantStance[];
}

export interface StanceHolder {
  schoolId: string;
  name: string;
  policyId: string;
  quote: string;
}

export interface StanceQuestion {
  dimensionId: string;
  title: string;
  /** Members hold two or more different values: the lead must decide. */
  conflict: boolean;
  /** Every value of the dimension, in the dimension's order, with the members holding it (maybe none). */
  options: { value: string; label: string; description: string; holders: StanceHolder[] }[];
}

export interface TypeEntry {
  typeId: string;
  title: string;
  description: string;
  category: string;
  level: 'core' | 'recommended' | 'optional';
  whyItMatters: string | null;
  variants: Variant[];
  /**
   * The variant suggested before any decision: the most common current wording (no out-of-date reference), else
   * the most recent current one; null when every variant is out of date (suggest.ts then offers an updated one).
   */
  defaultVariant: string | null;
  /** Stance dimensions whose positions bear on this type (asked here or under another related type). */
  dimensionIds: string[];
  /** Members with no clause of this type. */
  missingFrom: { schoolId: string; name: string }[];
  /**
   * Members that touch on this type only inside rules placed under another type (one rule, one place): where
   * those rules are, so the lead can see the topic is not simply missing.
   */
  coveredElsewhere: { schoolId: string; name: string; typeIds: string[] }[];
  stances: StanceQuestion[];
  /** For a type no member covers: the corpus's most common wording, when there is one. */
  suggestedWording: string | null;
}

export interface CategoryEntry {
  id: string;
  title: string;
  types: TypeEntry[];
}

export interface StanceDimensionInfo {
  id: string;
  title: string;
  typeIds: string[];
  values: { id: string; label: string; description: string }[];
}

/** A member's published position on a dimension (its policy's stance), for the "what changed" sheet. */
export interface MemberStance {
  schoolId: string;
  dimensionId: string;
  value: string;
  label: string;
}

export interface HarmonisationModel {
  asOf: string;
  members: MemberRef[];
  /** Categories in taxonomy order, types in taxonomy order; empty categories are dropped. */
  categories: CategoryEntry[];
  dimensions: StanceDimensionInfo[];
  memberStances: MemberStance[];
  /** The checks every wording gets (out-of-date references, stances); not serialisable. */
  rules: DraftRules;
}

export interface HarmonisationInput {
  dataset: Pick<Dataset, 'meta' | 'taxonomy' | 'stanceDimensions'>;
  members: readonly MemberInput[];
  /** Variant similarity threshold (word-set Dice). Default 0.6. */
  threshold?: number;
  /** Per type id, the corpus reference wording (clause-types/<id>.json), offered for types no member covers. */
  referenceWordings?: ReadonlyMap<string, string>;
  /** The checks of content/ (rules.ts). */
  rules: DraftRules;
}

interface Source {
  member: MemberInput;
  detail: PolicyDetail;
  date: string | null;
  schoolName: string | null;
}

function variantFrom(group: Passage[], sources: Map<string, Source>, letter: string, rules: DraftRules): Variant {
  const ordered = [...group].sort((a, b) => compareByRecency({ date: a.date, id: a.policyId }, { date: b.date, id: b.policyId }));
  const rep = ordered[0] as Passage;
  // A school with two current documents (say an AUP and a social media policy) counts once per variant.
  const users: VariantUser[] = ordered
    .filter((p, i) => ordered.findIndex((q) => q.schoolId === p.schoolId) === i)
    .map((p) => ({ schoolId: p.schoolId, name: sources.get(p.policyId)?.member.school.name ?? p.schoolId, policyId: p.policyId, date: p.date }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB') || (a.policyId < b.policyId ? -1 : 1));
  return {
    key: `${rep.policyId}#${rep.clauses.map((c) => c.clauseId).join('+')}`,
    letter,
    text: rep.text,
    blocks: rep.blocks,
    clauses: rep.clauses,
    sourceSchoolId: rep.schoolId,
    sourcePolicyId: rep.policyId,
    users,
    date: rep.date,
    partial: group.every((p) => p.partial),
    mostCommon: false,
    mostRecent: false,
    stale: outdatedIn(rep.blocks, rules).map((m) => ({ referenceId: m.referenceId, label: m.label, replacedBy: m.replacedBy, quote: m.words, block: m.block })),
    stances: rules.stances(rep.blocks).map((x) => ({ dimensionId: x.dimensionId, value: x.value, label: x.label, block: x.block })),
  };
}

/** Best first: full coverage before partial, shared by more schools, then newest. */
export function rankVariants(variants: readonly Variant[]): Variant[] {
  return [...variants].sort(
    (a, b) => Number(a.partial) - Number(b.partial) || b.users.length - a.users.length || compareByRecency({ date: a.date, id: a.key }, { date: b.date, id: b.key }),
  );
}

/** Marks the most common and most recent variants and returns the default's key: the best current variant. */
function markVariants(variants: Variant[]): string | null {
  const top = Math.max(0, ...variants.map((v) => v.users.length));
  if (top >= 2) for (const v of variants) v.mostCommon = v.users.length === top;
  const newest = [...variants].sort((a, b) => compareByRecency({ date: a.date, id: a.key }, { date: b.date, id: b.key }))[0];
  if (newest) newest.mostRecent = true;
  return rankVariants(variants.filter((v) => v.stale.length === 0))[0]?.key ?? null;
}

function stanceQuestion(dim: Dataset['stanceDimensions'][number], sources: readonly Source[]): StanceQuestion {
  const holders = new Map<string, StanceHolder[]>();
  for (const s of sources) {
    const seen = new Set<string>();
    for (const st of s.detail.stances) {
      if (st.dimensionId !== dim.id || seen.has(st.value)) continue;
      seen.add(st.value);
      holders.set(st.value, [
        ...(holders.get(st.value) ?? []),
        { schoolId: s.member.school.id, name: s.member.school.name, policyId: s.detail.summary.id, quote: st.evidence.quote },
      ]);
    }
  }
  const options = dim.values.map((v) => ({
    value: v.id,
    label: v.label,
    description: v.description,
    holders: (holders.get(v.id) ?? []).sort((a, b) => a.name.localeCompare(b.name, 'en-GB')),
  }));
  const held = options.filter((o) => o.holders.length > 0).length;
  return { dimensionId: dim.id, title: dim.title, conflict: held >= 2, options };
}

/** Without the corpus file: the members' most frequent gap suggestion (their peer group's reference wording). */
function suggestionFor(typeId: string, sources: readonly Source[]): string | null {
  const counts = new Map<string, number>();
  for (const s of sources) {
    const w = s.detail.gaps.find((g) => g.typeId === typeId)?.suggestedWording;
    if (w) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  let best: string | null = null;
  let n = 0;
  for (const [w, c] of counts) {
    if (c > n) {
      best = w;
      n = c;
    }
  }
  return best;
}

export function buildHarmonisation(input: HarmonisationInput): HarmonisationModel {
  const { dataset } = input;
  const threshold = input.threshold ?? VARIANT_THRESHOLD;
  const sources: Source[] = [];
  for (const m of input.members) {
    for (const d of m.details) {
      sources.push({ member: m, detail: d, date: policyDate(d.summary), schoolName: d.summary.school ?? m.school.name });
    }
  }
  const byPolicy = new Map(sources.map((s) => [s.detail.summary.id, s]));
  const members: MemberRef[] = input.members.map((m) => ({
    schoolId: m.school.id,
    name: m.school.name,
    policies: m.details.map((d) => ({ id: d.summary.id, title: d.summary.title, date: policyDate(d.summary) })),
  }));

  const index = typeIndex(dataset.taxonomy.types);
  const passagesBySource = sources.map((s) => passagesOf(s.detail, index, { schoolId: s.member.school.id, policyId: s.detail.summary.id, date: s.date, schoolName: s.schoolName }));
  const entries: TypeEntry[] = [];
  for (const t of dataset.taxonomy.types) {
    const passages: Passage[] = [];
    const covering = new Set<string>();
    sources.forEach((s, i) => {
      const p = passagesBySource[i]?.get(t.id);
      if (p) {
        passages.push(p);
        covering.add(s.member.school.id);
      }
    });
    if (passages.length === 0 && t.level === 'optional') continue;
    const coveredElsewhere: TypeEntry['coveredElsewhere'] = [];
    sources.forEach((s, i) => {
      if (covering.has(s.member.school.id)) return;
      const cell = s.detail.coverage.find((c) => c.typeId === t.id && c.status !== 'absent');
      if (!cell) return;
      const placedIn = new Map<string, string>();
      for (const [typeId, p] of passagesBySource[i] ?? []) for (const c of p.clauses) placedIn.set(c.clauseId, typeId);
      const typeIds = [...new Set(cell.evidence.map((e) => placedIn.get(e.clauseId)).filter((x): x is string => !!x))];
      const known = coveredElsewhere.find((c) => c.schoolId === s.member.school.id);
      if (known) known.typeIds = [...new Set([...known.typeIds, ...typeIds])];
      else if (typeIds.length > 0) coveredElsewhere.push({ schoolId: s.member.school.id, name: s.member.school.name, typeIds });
    });
    const variants = clusterPassages(passages, threshold).map((g, i) => variantFrom(g, byPolicy, variantLetter(i), input.rules));
    const defaultVariant = markVariants(variants);
    entries.push({
      typeId: t.id,
      title: t.title,
      description: t.description,
      category: t.category,
      level: t.level,
      whyItMatters: t.whyItMatters,
      variants,
      defaultVariant,
      dimensionIds: dataset.stanceDimensions.filter((d) => d.typeIds.includes(t.id)).map((d) => d.id),
      missingFrom: input.members.filter((m) => !covering.has(m.school.id)).map((m) => ({ schoolId: m.school.id, name: m.school.name })),
      coveredElsewhere,
      stances: [],
      suggestedWording: passages.length === 0 ? (input.referenceWordings?.get(t.id) ?? suggestionFor(t.id, sources)) : null,
    });
  }

  // A stance dimension is asked once, under the first of its related types shown (taxonomy order).
  for (const dim of dataset.stanceDimensions) {
    const q = stanceQuestion(dim, sources);
    if (!q.options.some((o) => o.holders.length > 0)) continue;
    entries.find((e) => dim.typeIds.includes(e.typeId))?.stances.push(q);
  }

  const categories: CategoryEntry[] = dataset.taxonomy.categories
    .map((c) => ({ id: c.id, title: c.title, types: entries.filter((e) => e.category === c.id) }))
    .filter((c) => c.types.length > 0);
  const dimensions: StanceDimensionInfo[] = dataset.stanceDimensions.map((d) => ({
    id: d.id,
    title: d.title,
    typeIds: d.typeIds,
    values: d.values.map((v) => ({ id: v.id, label: v.label, description: v.description })),
  }));
  const memberStances: MemberStance[] = [];
  for (const s of sources) {
    for (const st of s.detail.stances) {
      if (!memberStances.some((m) => m.schoolId === s.member.school.id && m.dimensionId === st.dimensionId)) {
        memberStances.push({ schoolId: s.member.school.id, dimensionId: st.dimensionId, value: st.value, label: st.label });
      }
    }
  }
  return { asOf: dataset.meta.asOf, members, categories, dimensions, memberStances, rules: input.rules };
}

/** Every type entry in display order. */
export function allTypes(model: HarmonisationModel): TypeEntry[] {
  return model.categories.flatMap((c) => c.types);
}

/** The corpus reference wording of a clause type, from its published clause-types/<id>.json. */
export function referenceWording(detail: Pick<ClauseTypeDetail, 'wordings'>): string | null {
  return (detail.wordings.find((w) => w.isReference) ?? detail.wordings[0])?.text ?? null;
}

/** Types no member covers (the ones worth a reference wording). */
export function uncoveredTypes(model: HarmonisationModel): string[] {
  return allTypes(model).filter((t) => t.variants.length === 0).map((t) => t.typeId);
}
