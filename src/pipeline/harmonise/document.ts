/**
 * The harmonised draft as a format-neutral document: a contents list, numbered sections (categories in taxonomy
 * order) and clauses from the lead's choices, visible notes where a clause still contradicts a decision or names
 * something out of date, appendices giving each clause's source, every decision, what to check (recomputed on
 * the final words) and a "what changed" sheet per member school. The Markdown and Word writers only lay this
 * out, so both exports always say the same thing.
 */
import { blocksOf, DEFAULT_TITLE, outstanding, resolveChoice, type DraftChoices, type ResolvedChoice } from './choices.ts';
import { allTypes, type HarmonisationModel, type TypeEntry, type Variant } from './model.ts';
import { contradictions, outdatedIn } from './checks.ts';
import { textToBlocks, type Block } from './blocks.ts';

export interface DraftClause {
  /** "2.3": section number, then position within the section. */
  number: string;
  typeId: string;
  title: string;
  blocks: Block[];
  /** Visible notes printed under the clause: a contradicted decision, an out-of-date reference kept. */
  notes: string[];
}

export interface DraftSection {
  number: number;
  title: string;
  clauses: DraftClause[];
}

export interface ContentsEntry {
  /** "2", "2.3" or "Appendix A". */
  number: string;
  title: string;
  level: 1 | 2;
}

export interface SourceRow {
  number: string;
  title: string;
  /** Plain-English provenance of the clause's text. */
  source: string;
}

export type DecisionKind = 'stance' | 'variant' | 'edited' | 'excluded' | 'added' | 'updated';

export interface Decision {
  kind: DecisionKind;
  text: string;
}

/** What adopting the draft changes for one member school. */
export interface ChangeSheet {
  schoolId: string;
  name: string;
  /** Clause types the school had no clause on. */
  gains: string[];
  /** Clause types the school had that the draft leaves out. */
  loses: string[];
  /** Where the school's own wording is replaced: one line per new source, naming the clause types. */
  reworded: string[];
  /** Decided positions that differ from the school's. */
  positions: string[];
  /** Out-of-date references in the school's wording that the draft no longer has. */
  updated: string[];
}

export interface DraftDocument {
  title: string;
  asOf: string;
  preamble: string[];
  contents: ContentsEntry[];
  sections: DraftSection[];
  /** The member schools' policies the draft was built from. */
  sourcePolicies: string[];
  sources: SourceRow[];
  decisions: Decision[];
  /** What to check before adopting: undecided conflicts, uncovered core types, contradictions, out-of-date words. */
  cautions: string[];
  changes: ChangeSheet[];
}

export const APPENDICES = [
  ['Appendix A', 'Where each clause comes from'],
  ['Appendix B', 'Decisions taken'],
  ['Appendix C', 'Check before adopting'],
  ['Appendix D', 'What changes for each school'],
] as const;

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

/** Paragraphs of the lead's own text, one per line (list markers kept as written). */
export function paragraphsOf(text: string): string[] {
  return textToBlocks(text).map((b) => b.text);
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

const quoteOf = (text: string, max = 90): string => (text.length <= max ? text : `${text.slice(0, text.lastIndexOf(' ', max - 1) > 40 ? text.lastIndexOf(' ', max - 1) : max - 1)}…`);

function sourceOf(model: HarmonisationModel, t: TypeEntry, r: ResolvedChoice): string {
  if (r.action === 'variant') return variantSource(model, r.variant);
  if (r.action === 'suggested') {
    const s = r.suggestion;
    if (s.kind === 'updated') {
      return `Brought up to date from the wording used by ${usedBy(s.variant)} (variant ${s.variant.letter}), taken from ${policyTitle(model, s.variant.sourcePolicyId)}: ${s.changes.join('; ')}.`;
    }
    return `Plain-English wording for the trust’s decided position (${s.changes.join('; ')}): no member school’s current wording takes it.`;
  }
  if (r.action === 'edit') {
    return t.variants.length === 0
      ? `The trust's own wording: no member school had this clause${t.suggestedWording && r.text.trim() === t.suggestedWording.trim() ? ' (the wording most used by other schools in the published data)' : ''}.`
      : `The trust's own wording${r.basedOn ? `, edited from variant ${r.basedOn.letter} (used by ${usedBy(r.basedOn)})` : ''}.`;
  }
  return '';
}

export function buildDraftDocument(model: HarmonisationModel, choices: DraftChoices): DraftDocument {
  const sections: DraftSection[] = [];
  const sources: SourceRow[] = [];
  const decisions: Decision[] = [];
  const cautions: string[] = [];
  const numberOf = new Map<string, string>();
  const resolved = new Map<string, ResolvedChoice>();
  const { rules } = model;
  const staleCautions: string[] = [];
  const contradictionCautions: string[] = [];

  for (const category of model.categories) {
    const section: DraftSection = { number: sections.length + 1, title: category.title, clauses: [] };
    for (const t of category.types) {
      const r = resolveChoice(model, t, choices);
      resolved.set(t.typeId, r);
      const blocks = blocksOf(r);
      if (blocks.length === 0) continue;
      const number = `${section.number}.${section.clauses.length + 1}`;
      numberOf.set(t.typeId, number);
      // Recomputed on the final words, whatever their origin: the lead's edit is checked like a member's wording.
      const notes: string[] = [];
      for (const c of contradictions(rules.stances(blocks), choices.stances)) {
        const decided = model.dimensions.find((d) => d.id === c.dimensionId)?.values.find((v) => v.id === choices.stances[c.dimensionId]);
        const words = quoteOf(blocks[c.block]?.text ?? '');
        notes.push(`Note for the trust: the words “${words}” say “${c.label}”, but the trust decided “${decided?.label ?? ''}”. Edit this clause before adopting the policy.`);
        contradictionCautions.push(`Clause ${number} (${t.title}) says “${c.label}” in the words “${words}”, but the trust decided “${decided?.label ?? ''}”: edit the clause to match.`);
      }
      const stale = outdatedIn(blocks, rules);
      // One note per out-of-date reference (its words listed together); Appendix C names every mention.
      for (const id of [...new Set(stale.map((m) => m.referenceId))]) {
        const mentions = stale.filter((m) => m.referenceId === id);
        const first = mentions[0];
        if (!first) continue;
        const words = listNames([...new Set(mentions.map((m) => `“${m.words}”`))]);
        notes.push(`Note for the trust: ${words} ${mentions.length === 1 ? 'is' : 'are'} out of date (${first.label}); replaced by ${first.replacedBy.replace(/\.\s*$/, '')}.`);
      }
      for (const m of stale) {
        staleCautions.push(`Clause ${number} (${t.title}) says “${m.words}”: out of date (${m.label}) — replaced by ${m.replacedBy.replace(/\.\s*$/, '')}.`);
      }
      section.clauses.push({ number, typeId: t.typeId, title: t.title, blocks, notes: [...new Set(notes)] });
      sources.push({ number, title: t.title, source: sourceOf(model, t, r) });
    }
    if (section.clauses.length > 0) sections.push(section);
  }

  // Decisions: stance positions first (they shape the wording), then per clause type in draft order.
  for (const t of allTypes(model)) {
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
  for (const t of allTypes(model)) {
    const d = typeDecision(t, resolved.get(t.typeId) ?? { action: 'none' }, choices, numberOf.get(t.typeId));
    if (d) decisions.push(d);
  }

  const left = outstanding(model, choices);
  for (const c of left.conflicts) cautions.push(`Decide the trust's position on “${c.title}”: member schools disagree.`);
  for (const c of left.uncoveredCore) {
    const t = allTypes(model).find((x) => x.typeId === c.typeId);
    const where = [...new Set((t?.coveredElsewhere ?? []).flatMap((e) => e.typeIds))].map((id) => numberOf.get(id)).filter((n): n is string => !!n);
    cautions.push(
      where.length > 0
        ? `“${c.title}” is expected by guidance (core) but the draft has no clause mainly about it; member schools touch on it only inside ${where.length === 1 ? 'clause' : 'clauses'} ${listNames(where)}. Add a clause or check those cover it.`
        : `“${c.title}” is expected by guidance (core) but no member school covers it and the draft has no clause for it.`,
    );
  }
  for (const t of allTypes(model)) {
    if (t.variants.length > 0 && resolved.get(t.typeId)?.action === 'none') {
      cautions.push(`“${t.title}”: every member school’s wording is out of date or contradicts a decision, so the draft has no clause for it. Write one.`);
    }
  }
  for (const dim of model.dimensions) {
    const decided = dim.values.find((v) => v.id === choices.stances[dim.id]);
    if (!decided) continue;
    const wording = rules.wording(dim.id, decided.id, decided.description);
    if (!wording || rules.outdated(wording).length > 0) {
      cautions.push(`The trust's position on “${dim.title}” (“${decided.label}”) is itself out-of-date advice: the draft does not add wording for it. Reconsider the decision.`);
    }
  }
  cautions.push(...contradictionCautions, ...staleCautions);

  const names = model.members.map((m) => m.name);
  const asOfText = formatPartialDate(model.asOf);
  const preamble = [
    `This is a draft harmonised policy for ${names.length === 1 ? 'one school' : `${names.length} schools`}: ${listNames(names)}.`,
    `It was put together with Policy Atlas from each school's current published policy, as analysed on ${asOfText}. Appendix A gives the source of every clause, Appendix B the decisions taken, Appendix C what to check before the policy is adopted, and Appendix D what changes for each school.`,
    'It is a starting point for the trust’s own review and approval, not legal advice.',
  ];
  const sourcePolicies = model.members.flatMap((m) => m.policies.map((p) => `${m.name}: “${p.title ?? 'untitled policy'}” (${formatPartialDate(p.date)})`));
  const contents: ContentsEntry[] = [
    ...sections.flatMap((s) => [
      { number: String(s.number), title: s.title, level: 1 as const },
      ...s.clauses.map((c) => ({ number: c.number, title: c.title, level: 2 as const })),
    ]),
    ...APPENDICES.map(([n, title]) => ({ number: n, title, level: 1 as const })),
  ];
  const finalText = sections.flatMap((s) => s.clauses.flatMap((c) => c.blocks.map((b) => b.text))).join('\n');
  const changes = changeSheets(model, choices, resolved, finalText);
  return { title: choices.title?.trim() || DEFAULT_TITLE, asOf: model.asOf, preamble, contents, sections, sourcePolicies, sources, decisions, cautions, changes };
}

/** Per member: what it gains, loses, has reworded, which positions change and which out-of-date words go. */
function changeSheets(model: HarmonisationModel, choices: DraftChoices, resolved: ReadonlyMap<string, ResolvedChoice>, finalText: string): ChangeSheet[] {
  return model.members.map((m) => {
    const sheet: ChangeSheet = { schoolId: m.schoolId, name: m.name, gains: [], loses: [], reworded: [], positions: [], updated: [] };
    // Grouped by where the new wording comes from, so a board reads a few lines, not one per clause type.
    const reworded = new Map<string, string[]>();
    for (const t of allTypes(model)) {
      const r = resolved.get(t.typeId) ?? { action: 'none' };
      const included = r.action !== 'exclude' && r.action !== 'none';
      const own = t.variants.find((v) => v.users.some((u) => u.schoolId === m.schoolId));
      if (!own) {
        if (included) sheet.gains.push(t.title);
        continue;
      }
      if (!included) {
        sheet.loses.push(t.title);
        continue;
      }
      if (r.action === 'variant' && r.variant.key === own.key) continue;
      const now =
        r.action === 'variant'
          ? `the wording of ${usedBy(r.variant)}`
          : r.action === 'edit'
            ? 'the trust’s own wording'
            : r.action === 'suggested' && r.suggestion.kind === 'updated'
              ? r.suggestion.variant.key === own.key
                ? 'its own wording, brought up to date'
                : `the wording of ${usedBy(r.suggestion.variant)}, brought up to date`
              : 'the plain-English wording of the trust’s position';
      reworded.set(now, [...(reworded.get(now) ?? []), t.title]);
      for (const s of own.stale) {
        const line = s.label.toLowerCase().includes(s.quote.toLowerCase()) ? s.label : `${s.quote} (${s.label})`;
        if (!finalText.includes(s.quote) && !sheet.updated.includes(line)) sheet.updated.push(line);
      }
    }
    for (const [now, titles] of [...reworded].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1))) {
      sheet.reworded.push(`${now.charAt(0).toUpperCase()}${now.slice(1)} (${titles.length}): ${titles.join('; ')}`);
    }
    for (const st of model.memberStances.filter((x) => x.schoolId === m.schoolId)) {
      const decided = choices.stances[st.dimensionId];
      if (!decided || decided === st.value) continue;
      const dim = model.dimensions.find((d) => d.id === st.dimensionId);
      const label = dim?.values.find((v) => v.id === decided)?.label ?? decided;
      sheet.positions.push(`${dim?.title ?? st.dimensionId}: was “${st.label}”, now “${label}”`);
    }
    return sheet;
  });
}

function typeDecision(t: TypeEntry, r: ResolvedChoice, choices: DraftChoices, number: string | undefined): Decision | null {
  const at = number ? `${number} ${t.title}` : t.title;
  if (r.action === 'exclude') {
    const users = t.variants.flatMap((v) => v.users.map((u) => u.name));
    return {
      kind: 'excluded',
      text: `Left out: ${t.title} (${t.level} guidance)${users.length > 0 ? `, which ${listNames([...new Set(users)])} had` : ''}.`,
    };
  }
  if (r.action === 'edit') {
    if (t.variants.length === 0) return { kind: 'added', text: `${at}: added. No member school had this ${t.level} clause.` };
    return { kind: 'edited', text: `${at}: wording edited by the trust${r.basedOn ? `, starting from variant ${r.basedOn.letter} (${usedBy(r.basedOn)})` : ''}.` };
  }
  if (r.action === 'suggested') {
    return {
      kind: 'updated',
      text:
        r.suggestion.kind === 'updated'
          ? `${at}: no member school’s wording was current and consistent with the trust’s decisions, so variant ${r.suggestion.variant.letter} (${usedBy(r.suggestion.variant)}) was brought up to date.`
          : `${at}: uses the plain-English wording of the trust’s decided position.`,
    };
  }
  if (r.action === 'variant' && !r.isDefault && choices.types[t.typeId]?.action === 'variant') {
    return { kind: 'variant', text: `${at}: chose variant ${r.variant.letter} (${usedBy(r.variant)}) rather than the suggested wording.` };
  }
  return null;
}

/** Types whose wording in the draft is a member's variant as it stands. */
export function chosenVariant(r: ResolvedChoice): Variant | null {
  return r.action === 'variant' ? r.variant : null;
}
