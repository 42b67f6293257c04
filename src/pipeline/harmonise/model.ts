/**
 * Everything the lead needs to decide, per clause type, to turn the members' policies into one: the variants of
 * the members' wordings (who uses each, the most common and most recent), stance conflicts between members,
 * out-of-date references inside a variant, and guidance types no member covers.
 */
import type { ClauseTypeDetail, Dataset, PolicyDetail } from '../dataset.ts';
import { compareByRecency, policyDate, type MemberSchool } from './members.ts';
import { clusterPassages, passageFor, variantLetter, VARIANT_THRESHOLD, type Passage, type PassageClause } from './variants.ts';

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
  quote: string;
}

export interface Variant {
  /** Stable id for saved choices: the source policy and clause ids. */
  key: string;
  /** A, B, C… in display order. */
  letter: string;
  /** The wording offered: the newest user's clauses, school name replaced by "the school". */
  text: string;
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
  /** Out-of-date references inside the offered wording. */
  stale: StaleMention[];
  /** Stance values the offered wording takes (stance evidence inside its clauses). */
  stances: { dimensionId: string; value: string; label: string }[];
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
  /** The variant used unless the lead chooses: the most common (shared by two or more), else the most recent. */
  defaultVariant: string | null;
  /** Members with no clause of this type. */
  missingFrom: { schoolId: string; name: string }[];
  stances: StanceQuestion[];
  /** For a type no member covers: the corpus's most common wording, when there is one. */
  suggestedWording: string | null;
}

export interface CategoryEntry {
  id: string;
  title: string;
  types: TypeEntry[];
}

export interface HarmonisationModel {
  asOf: string;
  members: MemberRef[];
  /** Categories in taxonomy order, types in taxonomy order; empty categories are dropped. */
  categories: CategoryEntry[];
}

export interface HarmonisationInput {
  dataset: Pick<Dataset, 'meta' | 'taxonomy' | 'stanceDimensions'>;
  members: readonly MemberInput[];
  /** Variant similarity threshold (word-set Dice). Default 0.6. */
  threshold?: number;
  /** Per type id, the corpus reference wording (clause-types/<id>.json), offered for types no member covers. */
  referenceWordings?: ReadonlyMap<string, string>;
}

interface Source {
  member: MemberInput;
  detail: PolicyDetail;
  date: string | null;
  schoolName: string | null;
}

const inside = (span: { start: number; end: number }, clauses: readonly PassageClause[]): boolean => {
  // Evidence quotes carry a little context either side; their middle is the matched words.
  const mid = (span.start + span.end) / 2;
  return clauses.some((c) => mid >= c.start && mid < c.end);
};

function variantFrom(group: Passage[], sources: Map<string, Source>, letter: string, dimensionIds: Set<string>): Variant {
  const ordered = [...group].sort((a, b) => compareByRecency({ date: a.date, id: a.policyId }, { date: b.date, id: b.policyId }));
  const rep = ordered[0] as Passage;
  const repDetail = sources.get(rep.policyId)?.detail;
  // A school with two current documents (say an AUP and a social media policy) counts once per variant.
  const users: VariantUser[] = ordered
    .filter((p, i) => ordered.findIndex((q) => q.schoolId === p.schoolId) === i)
    .map((p) => ({ schoolId: p.schoolId, name: sources.get(p.policyId)?.member.school.name ?? p.schoolId, policyId: p.policyId, date: p.date }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB') || (a.policyId < b.policyId ? -1 : 1));
  const stale = new Map<string, StaleMention>();
  for (const r of repDetail?.outdatedReferences ?? []) {
    if (!stale.has(r.referenceId) && inside(r.evidence, rep.clauses)) {
      stale.set(r.referenceId, { referenceId: r.referenceId, label: r.label, replacedBy: r.replacedBy, quote: r.evidence.quote });
    }
  }
  const stances = new Map<string, { dimensionId: string; value: string; label: string }>();
  for (const s of repDetail?.stances ?? []) {
    if (dimensionIds.has(s.dimensionId) && inside(s.evidence, rep.clauses)) {
      stances.set(`${s.dimensionId}=${s.value}`, { dimensionId: s.dimensionId, value: s.value, label: s.label });
    }
  }
  return {
    key: `${rep.policyId}#${rep.clauses.map((c) => c.clauseId).join('+')}`,
    letter,
    text: rep.text,
    clauses: rep.clauses,
    sourceSchoolId: rep.schoolId,
    sourcePolicyId: rep.policyId,
    users,
    date: rep.date,
    partial: group.every((p) => p.partial),
    mostCommon: false,
    mostRecent: false,
    stale: [...stale.values()],
    stances: [...stances.values()],
  };
}

/** Marks the most common and most recent variants and returns the default's key (most common, else most recent). */
function markVariants(variants: Variant[]): string | null {
  const top = Math.max(0, ...variants.map((v) => v.users.length));
  if (top >= 2) for (const v of variants) v.mostCommon = v.users.length === top;
  const newest = [...variants].sort((a, b) => compareByRecency({ date: a.date, id: a.key }, { date: b.date, id: b.key }))[0];
  if (newest) newest.mostRecent = true;
  // A wording that fully covers the type is a better starting point than a passing mention.
  const full = variants.filter((v) => !v.partial);
  const pool = full.length > 0 ? full : variants;
  const recent = (list: Variant[]): Variant | undefined => [...list].sort((a, b) => compareByRecency({ date: a.date, id: a.key }, { date: b.date, id: b.key }))[0];
  const common = pool.filter((v) => v.mostCommon);
  return (common.length > 0 ? recent(common) : recent(pool))?.key ?? null;
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

  const entries: TypeEntry[] = [];
  for (const t of dataset.taxonomy.types) {
    const passages: Passage[] = [];
    const covering = new Set<string>();
    for (const s of sources) {
      const p = passageFor(s.detail, t.id, { schoolId: s.member.school.id, policyId: s.detail.summary.id, date: s.date, schoolName: s.schoolName });
      if (p) {
        passages.push(p);
        covering.add(s.member.school.id);
      }
    }
    if (passages.length === 0 && t.level === 'optional') continue;
    const dimIds = new Set(dataset.stanceDimensions.filter((d) => d.typeIds.includes(t.id)).map((d) => d.id));
    const variants = clusterPassages(passages, threshold).map((g, i) => variantFrom(g, byPolicy, variantLetter(i), dimIds));
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
      missingFrom: input.members.filter((m) => !covering.has(m.school.id)).map((m) => ({ schoolId: m.school.id, name: m.school.name })),
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
  return { asOf: dataset.meta.asOf, members, categories };
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
