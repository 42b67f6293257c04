/**
 * The harmonised draft as a format-neutral document: numbered sections and clauses from the lead's choices, a
 * preamble, and appendices giving each clause's source and every decision taken. The Markdown and Word writers
 * only lay this out, so both exports always say the same thing.
 */
import { DEFAULT_TITLE, outstanding, resolveChoice, stanceMismatches, type DraftChoices } from './choices.ts';
import type { HarmonisationModel, TypeEntry, Variant } from './model.ts';

export interface DraftClause {
  /** "2.3": section number, then position within the section. */
  number: string;
  typeId: string;
  title: string;
  paragraphs: string[];
}

export interface DraftSection {
  number: number;
  title: string;
  clauses: DraftClause[];
}

export interface SourceRow {
  number: string;
  title: string;
  /** Plain-English provenance of the clause's text. */
  source: string;
}

export type DecisionKind = 'stance' | 'variant' | 'edited' | 'excluded' | 'added';

export interface Decision {
  kind: DecisionKind;
  text: string;
}

export interface DraftDocument {
  title: string;
  asOf: string;
  preamble: string[];
  sections: DraftSection[];
  /** The member schools' policies the draft was built from. */
  sourcePolicies: string[];
  sources: SourceRow[];
  decisions: Decision[];
  /** What to check before adopting: undecided conflicts, uncovered core types, out-of-date references kept. */
  cautions: string[];
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `2018` → "2018", `2018-05` → "May 2018", `2018-05-14` → "14 May 2018". */
export function formatPartialDate(d: string | null): string {
  if (!d) return 'undated';
  const [y, m, day] = d.split('-');
  const month = m ? MONTHS[Number(m) - 1] : undefined;
  if (day && month) return `${Number(day)} ${month} ${y}`;
  if (month) return `${month} ${y}`;
  return y ?? d;
}

/** "A", "A and B", "A, B and C". */
export function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** Paragraphs of the lead's own text: blank lines or single line breaks separate paragraphs. */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((p) => p.replace(/[ \t]+/g, ' ').trim())
    .filter((p) => p !== '');
}

const usedBy = (v: Variant): string => listNames(v.users.map((u) => u.name));

function variantTag(v: Variant): string {
  const tags = [v.mostCommon ? 'most common' : '', v.mostRecent ? 'most recent' : ''].filter((t) => t !== '');
  return `variant ${v.letter}${tags.length > 0 ? `, ${tags.join(' and ')}` : ''}`;
}

function policyTitle(model: HarmonisationModel, policyId: string): string {
  for (const m of model.members) {
    const p = m.policies.find((x) => x.id === policyId);
    if (p) return `${m.name}, “${p.title ?? 'untitled policy'}” (${formatPartialDate(p.date)})`;
  }
  return policyId;
}

function variantSource(model: HarmonisationModel, v: Variant): string {
  const labels = v.clauses.map((c) => c.label).filter((l): l is string => l !== null && l !== '');
  const where = labels.length > 0 ? `, ${labels.length === 1 ? 'clause' : 'clauses'} ${labels.join(', ')}` : '';
  return `Wording used by ${usedBy(v)} (${variantTag(v)}); text taken from ${policyTitle(model, v.sourcePolicyId)}${where}.`;
}

export function buildDraftDocument(model: HarmonisationModel, choices: DraftChoices): DraftDocument {
  const sections: DraftSection[] = [];
  const sources: SourceRow[] = [];
  const decisions: Decision[] = [];
  const cautions: string[] = [];
  /** Source clause → the draft clause that already holds it: one clause labelled with two types is written once. */
  const placed = new Map<string, string>();
  const numberOf = new Map<string, string>();

  for (const category of model.categories) {
    const section: DraftSection = { number: sections.length + 1, title: category.title, clauses: [] };
    for (const t of category.types) {
      const r = resolveChoice(t, choices);
      if (r.action === 'exclude' || r.action === 'none') continue;
      const number = `${section.number}.${section.clauses.length + 1}`;
      numberOf.set(t.typeId, number);
      let paragraphs: string[];
      let source: string;
      if (r.action === 'variant') {
        const fresh = r.variant.clauses.filter((c) => !placed.has(`${r.variant.sourcePolicyId}#${c.clauseId}`));
        const earlier = [...new Set(r.variant.clauses.map((c) => placed.get(`${r.variant.sourcePolicyId}#${c.clauseId}`)).filter((n): n is string => !!n))];
        if (fresh.length === 0) {
          paragraphs = [earlier.length === 1 ? `See clause ${earlier[0]}, which covers this.` : `See clauses ${listNames(earlier)}, which cover this.`];
        } else {
          paragraphs = fresh.map((c) => c.text);
        }
        for (const c of fresh) placed.set(`${r.variant.sourcePolicyId}#${c.clauseId}`, number);
        source = variantSource(model, r.variant) + (earlier.length > 0 ? ` Text already given in ${earlier.length === 1 ? 'clause' : 'clauses'} ${listNames(earlier)} is not repeated.` : '');
      } else {
        paragraphs = paragraphsOf(r.text);
        source =
          t.variants.length === 0
            ? `The trust's own wording: no member school had this clause${t.suggestedWording && r.text.trim() === t.suggestedWording.trim() ? ' (the wording most used by other schools in the published data)' : ''}.`
            : `The trust's own wording${r.basedOn ? `, edited from variant ${r.basedOn.letter} (used by ${usedBy(r.basedOn)})` : ''}.`;
      }
      section.clauses.push({ number, typeId: t.typeId, title: t.title, paragraphs });
      sources.push({ number, title: t.title, source });
    }
    if (section.clauses.length > 0) sections.push(section);
  }

  // Decisions: stance positions first (they shape the wording), then per clause type in draft order.
  for (const t of model.categories.flatMap((c) => c.types)) {
    for (const q of t.stances) {
      if (!q.conflict) continue;
      const held = q.options
        .filter((o) => o.holders.length > 0)
        .map((o) => `“${o.label}” (${listNames(o.holders.map((h) => h.name))})`)
        .join('; ');
      const decided = q.options.find((o) => o.value === choices.stances[q.dimensionId]);
      decisions.push({
        kind: 'stance',
        text: decided
          ? `${q.title}: the trust's position is “${decided.label}”. Member schools said: ${held}.`
          : `${q.title}: not decided yet. Member schools say: ${held}.`,
      });
    }
  }
  for (const t of model.categories.flatMap((c) => c.types)) {
    const d = typeDecision(t, choices, numberOf.get(t.typeId));
    if (d) decisions.push(d);
  }

  const left = outstanding(model, choices);
  for (const c of left.conflicts) cautions.push(`Decide the trust's position on “${c.title}”: member schools disagree.`);
  for (const c of left.uncoveredCore) cautions.push(`“${c.title}” is expected by guidance (core) but no member school covers it and the draft has no clause for it.`);
  for (const m of stanceMismatches(model, choices)) {
    const n = numberOf.get(m.typeId);
    cautions.push(`${n ? `Clause ${n}` : 'A clause'} says “${m.wordingLabel}”, but the trust decided “${m.decidedLabel}”: edit the clause to match.`);
  }
  for (const t of model.categories.flatMap((c) => c.types)) {
    const r = resolveChoice(t, choices);
    if (r.action !== 'variant') continue;
    for (const s of r.variant.stale) {
      const replaced = s.replacedBy.replace(/\.\s*$/, '');
      cautions.push(`Clause ${numberOf.get(t.typeId) ?? '?'} (${t.title}) mentions ${s.label} — replaced by ${replaced}.`);
    }
  }

  const names = model.members.map((m) => m.name);
  const asOfText = formatPartialDate(model.asOf);
  const preamble = [
    `This is a draft harmonised policy for ${names.length === 1 ? 'one school' : `${names.length} schools`}: ${listNames(names)}.`,
    `It was put together with Policy Atlas from each school's current published policy, as analysed on ${asOfText}. Appendix A gives the source of every clause, Appendix B the decisions taken, and Appendix C what to check before the policy is adopted.`,
    'It is a starting point for the trust’s own review and approval, not legal advice.',
  ];
  const sourcePolicies = model.members.flatMap((m) => m.policies.map((p) => `${m.name}: “${p.title ?? 'untitled policy'}” (${formatPartialDate(p.date)})`));
  return { title: choices.title?.trim() || DEFAULT_TITLE, asOf: model.asOf, preamble, sections, sourcePolicies, sources, decisions, cautions };
}

function typeDecision(t: TypeEntry, choices: DraftChoices, number: string | undefined): Decision | null {
  const r = resolveChoice(t, choices);
  const def = t.variants.find((v) => v.key === t.defaultVariant);
  const at = number ? `${number} ${t.title}` : t.title;
  if (r.action === 'exclude') {
    const users = t.variants.flatMap((v) => v.users.map((u) => u.name));
    return {
      kind: 'excluded',
      text: `Left out: ${t.title} (${t.level} guidance)${users.length > 0 ? `, which ${listNames([...new Set(users)])} had` : ''}.`,
    };
  }
  if (r.action === 'edit') {
    if (t.variants.length === 0) {
      return { kind: 'added', text: `${at}: added. No member school had this ${t.level} clause.` };
    }
    return { kind: 'edited', text: `${at}: wording edited by the trust${r.basedOn ? `, starting from variant ${r.basedOn.letter} (${usedBy(r.basedOn)})` : ''}.` };
  }
  if (r.action === 'variant' && !r.isDefault && def) {
    return {
      kind: 'variant',
      text: `${at}: chose variant ${r.variant.letter} (${usedBy(r.variant)}) rather than the suggested ${variantTag(def)} (${usedBy(def)}).`,
    };
  }
  return null;
}
