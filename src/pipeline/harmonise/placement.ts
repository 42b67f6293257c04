/**
 * One rule, one place: every clause of a member's policy is given to exactly one clause type, its best type (the
 * strongest label; near-ties go to the type the heading it sat under names). List items keep their lead-ins as
 * context, unlabelled items follow their list, and a list of bare topics or a list under a scope, definitions or
 * legislation lead-in stays whole under that non-rule type, so scope lists never leak into rule sections.
 */
import type { DatasetClause, PolicyDetail, TaxonomyTypeEntry } from '../dataset.ts';
import { collapseWhitespace, genericiseSchoolName } from '../analyse/diff/normalise.ts';
import { isLeadInText, standAlone, tidyItem, type Block } from './blocks.ts';

/** Labels this close to the strongest count as a tie, broken by the heading. */
export const TIE_MARGIN = 0.02;

/**
 * Types that describe the policy rather than set a rule (its aims and scope, what it covers, the law it rests on,
 * related documents). A clause whose best type is one of these is offered only there.
 */
export const NON_RULE_TYPES: ReadonlySet<string> = new Set(['gov-purpose-scope', 'gov-definitions-coverage', 'gov-legal-framework', 'gov-related-policies']);
/** Where a list of bare topics with no typed lead-in goes ("The policy covers: online safety, data protection"). */
const SCOPE_TYPE = 'gov-purpose-scope';

type TypeInfo = Pick<TaxonomyTypeEntry, 'id' | 'title' | 'aliases' | 'category'>;

const STOP = new Set(['and', 'the', 'of', 'or', 'to', 'a', 'an', 'in', 'on', 'for', 'with', 'by', 'incl', 'e', 'g', 'use', 'policy', 'school', 'staff', 'own']);

function stems(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of text.toLowerCase().match(/[a-z]+/g) ?? []) {
    if (w.length < 3 || STOP.has(w)) continue;
    out.add(w.replace(/(?:ies|es|s|ing|ed)$/u, '').slice(0, 6));
  }
  return out;
}

/** How strongly the headings a clause sat under name a type: the innermost heading counts most. */
function headingScore(headingPath: readonly string[], words: Set<string>): number {
  let score = 0;
  headingPath
    .slice()
    .reverse()
    .forEach((h, depth) => {
      let hits = 0;
      for (const w of stems(h)) if (words.has(w)) hits++;
      score += hits / (depth + 1);
    });
  return score;
}

export interface TypeIndex {
  order: Map<string, number>;
  words: Map<string, Set<string>>;
}

export function typeIndex(types: readonly TypeInfo[]): TypeIndex {
  return {
    order: new Map(types.map((t, i) => [t.id, i])),
    words: new Map(types.map((t) => [t.id, stems([t.title, ...t.aliases].join(' '))])),
  };
}

/** The clause's best type, or null when it has no label. */
export function bestType(clause: Pick<DatasetClause, 'labels' | 'headingPath'>, index: TypeIndex): string | null {
  const labels = clause.labels.filter((l) => index.order.has(l.typeId));
  if (labels.length === 0) return null;
  const top = Math.max(...labels.map((l) => l.confidence));
  const tied = labels.filter((l) => l.confidence >= top - TIE_MARGIN);
  const rank = tied.map((l) => ({
    typeId: l.typeId,
    heading: headingScore(clause.headingPath, index.words.get(l.typeId) ?? new Set()),
    confidence: l.confidence,
    order: index.order.get(l.typeId) ?? 0,
  }));
  rank.sort((a, b) => b.heading - a.heading || b.confidence - a.confidence || a.order - b.order);
  return rank[0]?.typeId ?? null;
}

/** Indent of the line a clause starts on, from the policy's text (list nesting survives there). */
function indentOf(text: string | null, clause: DatasetClause): number {
  if (!text) return 0;
  const lineStart = text.lastIndexOf('\n', Math.max(0, clause.start - 1)) + 1;
  const prefix = text.slice(lineStart, clause.start);
  return (/^[ \t]*/u.exec(prefix)?.[0] ?? '').replace(/\t/g, '    ').length;
}

export interface PlacedClause {
  clause: DatasetClause;
  index: number;
  /** 0 for paragraphs; 1, 2… for list items by nesting. */
  depth: number;
  /** The lead-ins it reads under, outermost first. */
  leadIns: number[];
  /** The type the clause is offered under, or null (untyped: titles, dates, unlabelled paragraphs). */
  typeId: string | null;
  /** The clause is only a lead-in to a list: shown with its items, never alone. */
  leadInOnly: boolean;
}

/** Places every clause of one policy (see the module comment). */
export function placeClauses(detail: Pick<PolicyDetail, 'clauses' | 'text'>, index: TypeIndex): PlacedClause[] {
  const clauses = detail.clauses;
  const indents = clauses.map((c) => (c.kind === 'list-item' ? indentOf(detail.text, c) : -1));
  const levels = [...new Set(indents.filter((i) => i >= 0))].sort((a, b) => a - b);
  const depth = (i: number): number => (clauses[i]?.kind === 'list-item' ? levels.indexOf(indents[i] ?? 0) + 1 : 0);
  const placed: PlacedClause[] = clauses.map((clause, i) => ({ clause, index: i, depth: depth(i), leadIns: [], typeId: bestType(clause, index), leadInOnly: false }));

  // Lead-ins: walk back over the item's siblings and deeper items to its parent; a parent ending with a colon,
  // under the same heading, introduces it.
  const parentOf = (i: number): number => {
    const d = placed[i]?.depth ?? 0;
    const path = clauses[i]?.headingPath.join('\u0000');
    for (let j = i - 1; j >= 0 && i - j <= 60; j--) {
      const p = placed[j] as PlacedClause;
      if (p.clause.headingPath.join('\u0000') !== path) return -1;
      if (p.clause.kind === 'list-item' && p.depth >= d) continue;
      return isLeadInText(p.clause.text) ? j : -1;
    }
    return -1;
  };
  for (const p of placed) {
    if (p.clause.kind !== 'list-item') continue;
    const chain: number[] = [];
    let at = parentOf(p.index);
    while (at >= 0 && chain.length < 4) {
      chain.unshift(at);
      at = placed[at]?.clause.kind === 'list-item' ? parentOf(at) : -1;
    }
    p.leadIns = chain;
  }

  // Lists grouped by their nearest lead-in (or by the run of items when there is none).
  const lists = new Map<number, PlacedClause[]>();
  for (const p of placed) {
    if (p.clause.kind !== 'list-item') continue;
    const key = p.leadIns.at(-1) ?? -1 - p.index;
    const list = lists.get(key) ?? [];
    list.push(p);
    lists.set(key, list);
  }
  for (const [lead, items] of lists) {
    const leadIn = lead >= 0 ? placed[lead] : undefined;
    if (leadIn) leadIn.leadInOnly = true;
    const leadType = leadIn?.typeId ?? null;
    const bareTopics = items.every((it) => it.clause.text.trim().split(/\s+/).length <= 4 && !/\b(?:must|should|will|may|not)\b/iu.test(it.clause.text));
    // A list is an aims or scope list when its lead-in is one and its items are not mostly rules of their own: a
    // paragraph that ends "…should adhere to the following:" can read as aims, while its items are the rules.
    const ruleItems = items.filter((it) => it.typeId !== null && !NON_RULE_TYPES.has(it.typeId)).length;
    if (leadIn && leadType && NON_RULE_TYPES.has(leadType) && ruleItems * 2 < items.length) {
      for (const it of items) it.typeId = leadType;
    } else if (leadIn && bareTopics && items.length >= 2 && index.order.has(SCOPE_TYPE)) {
      for (const it of items) it.typeId = leadType ?? SCOPE_TYPE;
    } else {
      // Unlabelled items follow their list: the type most of their labelled siblings have, else the lead-in's.
      const counts = new Map<string, number>();
      for (const it of items) if (it.typeId) counts.set(it.typeId, (counts.get(it.typeId) ?? 0) + 1);
      const common = [...counts].sort((a, b) => b[1] - a[1] || (index.order.get(a[0]) ?? 0) - (index.order.get(b[0]) ?? 0))[0]?.[0] ?? leadType;
      for (const it of items) if (!it.typeId && !introducesItems(placed, it)) it.typeId = common;
    }
  }
  // An item that introduces a nested list is context for its items, like a paragraph lead-in.
  for (const p of placed) if (introducesItems(placed, p)) p.leadInOnly = true;
  return placed;
}

function introducesItems(placed: readonly PlacedClause[], p: PlacedClause): boolean {
  return placed.some((q) => q.leadIns.includes(p.index));
}

/** The text a clause has in the draft: the school's own name as "the school", whitespace collapsed. */
export function draftTextOf(clause: Pick<DatasetClause, 'text'>, schoolName: string | null): string {
  return collapseWhitespace(genericiseSchoolName(clause.text, schoolName));
}

/**
 * The blocks for a set of placed clauses of one policy, in document order: each item under its lead-ins (given
 * once per run of items sharing them), items with no lead-in rewritten to stand alone.
 */
export function blocksFor(placed: readonly PlacedClause[], chosen: readonly PlacedClause[], schoolName: string | null): { blocks: Block[]; clauseIds: string[] } {
  const blocks: Block[] = [];
  const ids: string[] = [];
  let openChain = '';
  for (const p of [...chosen].sort((a, b) => a.index - b.index)) {
    const text = draftTextOf(p.clause, schoolName);
    if (text === '') continue;
    if (p.clause.kind !== 'list-item') {
      blocks.push({ kind: 'para', depth: 0, text });
      ids.push(p.clause.id);
      openChain = '';
      continue;
    }
    const chainKey = p.leadIns.join(',');
    if (p.leadIns.length > 0 && chainKey !== openChain) {
      for (const at of p.leadIns) {
        const lead = placed[at];
        if (!lead) continue;
        const t = draftTextOf(lead.clause, schoolName);
        blocks.push(lead.clause.kind === 'list-item' ? { kind: 'item', depth: lead.depth, text: t } : { kind: 'lead-in', depth: 0, text: t });
      }
    }
    openChain = chainKey;
    if (p.leadIns.length > 0) {
      blocks.push({ kind: 'item', depth: Math.max(1, p.depth), text: tidyItem(text) });
    } else {
      blocks.push({ kind: 'item', depth: 1, text: standAlone(text) });
    }
    ids.push(p.clause.id);
  }
  // A paragraph ending with a colon whose list went elsewhere (or was never detected) would dangle: it ends here.
  const whole = blocks.map((b, i) =>
    b.kind !== 'item' && isLeadInText(b.text) && blocks[i + 1]?.kind !== 'item' ? { ...b, kind: 'para' as const, text: b.text.replace(/\s*[:–]\s*$/u, '.') } : b,
  );
  // Lead-in items of nested lists were pushed at their source depth; renumber every item run from 1.
  return { blocks: normaliseDepths(whole), clauseIds: ids };
}

function normaliseDepths(blocks: Block[]): Block[] {
  const out: Block[] = [];
  let run: Block[] = [];
  const flush = (): void => {
    const levels = [...new Set(run.map((b) => b.depth))].sort((a, b) => a - b);
    for (const b of run) out.push({ ...b, depth: levels.indexOf(b.depth) + 1 });
    run = [];
  };
  for (const b of blocks) {
    if (b.kind === 'item') run.push(b);
    else {
      flush();
      out.push(b);
    }
  }
  flush();
  return out;
}
