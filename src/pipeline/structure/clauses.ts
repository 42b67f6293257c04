import { emphasisWords } from '../ingest/block-builder.ts';
import type { Clause, ClauseKind, ExcludedSpan, Heading, Span } from '../types.ts';
import { headingDecision } from './headings.ts';
import { LabelContext, parseLabel } from './labels.ts';
import { splitLong } from './sentences.ts';
import { contentOf, type Unit } from './units.ts';

interface OpenClause {
  units: Unit[];
  start: number;
  end: number;
  label: string | null;
  kind: ClauseKind;
  depth: number;
  /** A list item only because it follows a plain lead-in line (no bullet or number of its own). */
  implicitItem: boolean;
}

interface StackEntry {
  heading: Heading;
  plain: boolean;
}

/** Ends of a sentence, or of a lead-in: the next block is not a continuation. */
const FINISHED = /[.!?:;]["'’”)]?$/;
/**
 * A lead-in line: ends with a colon and reads as words ("I agree to:", "The policy applies to:"), not a form
 * label ("Version:", "Review Date:"), which is short and in title case.
 */
export function isLeadInLine(line: string): boolean {
  const trimmed = line.trimEnd();
  if (!trimmed.endsWith(':')) return false;
  const words = trimmed.slice(trimmed.lastIndexOf('\n') + 1).split(/\s+/).filter((w) => /\p{L}/u.test(w));
  return words.length >= 3 && words.some((w) => /^\p{Ll}/u.test(w));
}

/** A line that ends a sentence or opens a list: the next line, if it starts afresh, is a new clause. */
function endsRule(line: string): boolean {
  return /[.!?;]["'’”)]?$/.test(line.trimEnd()) || isLeadInLine(line);
}

/** A line that opens a sentence of its own: a capital or a digit, not a lower-case continuation. */
const STARTS_AFRESH = /^["'‘“(]?[\p{Lu}\p{N}]/u;

/**
 * Walks the lines that are not page furniture, contents or forms, turning them into headings and clauses. A
 * clause is a numbered item, a bullet or a paragraph; wrapped lines and a paragraph broken by a blank line in the
 * middle of a sentence are joined back to it. Every span points into `text`.
 */
export function buildClauses(
  units: readonly Unit[],
  excluded: ReadonlyMap<Unit, ExcludedSpan['kind']>,
  text: string,
): { headings: Heading[]; clauses: Clause[] } {
  const live = units.filter((u) => !excluded.has(u));
  // A clause never runs across something excluded (a contents page, a form): the text would carry it along.
  const afterExcluded = new Set<Unit>();
  units.forEach((u, i) => {
    const before = units[i - 1];
    if (before && excluded.has(before) && !excluded.has(u)) afterExcluded.add(u);
  });
  const headings: Heading[] = [];
  const clauses: Clause[] = [];
  const stack: StackEntry[] = [];
  const labels = new LabelContext();
  let stickyLevel = 1;
  let open: OpenClause | null = null;
  let previousWasHeading = false;
  let bulletIndents: number[] = [];
  /** Block of the last plain lead-in line ("…the following:"), whose later lines are its items; -1 for none. */
  let listBlock = -1;

  const close = (): void => {
    if (!open) return;
    const current: OpenClause = open;
    open = null;
    const lastUnit = current.units[current.units.length - 1];
    const leadIn = isLeadInLine(text.slice(current.start, current.end));
    // A new lead-in inside the list ("I understand that:") opens a list of its own rather than being an item.
    if (leadIn && current.implicitItem) current.kind = 'paragraph';
    if (lastUnit && current.kind === 'paragraph' && leadIn) listBlock = lastUnit.block;
    else if (lastUnit && lastUnit.block !== listBlock) listBlock = -1;
    const raw = text.slice(current.start, current.end);
    const lead = raw.length - raw.trimStart().length;
    const start = current.start + lead;
    const end = current.start + raw.trimEnd().length;
    if (end <= start || !/\p{L}{2}/u.test(text.slice(start, end))) return;
    const path = stack.map((e) => e.heading.text);
    for (const piece of splitLong(text.slice(start, end), start)) {
      const clause: Clause = {
        id: `c${String(clauses.length + 1).padStart(4, '0')}`,
        label: current.label,
        headingPath: path,
        text: text.slice(piece.start, piece.end),
        kind: current.kind,
        depth: current.depth,
        start: piece.start,
        end: piece.end,
        emphasis: clauseEmphasis(current.units, piece, text),
      };
      const page = current.units[0]?.page;
      if (page !== undefined) clause.page = page;
      clauses.push(clause);
    }
  };

  for (const [i, u] of live.entries()) {
    const prev = live[i - 1];
    const next = live[i + 1];
    const decision = headingDecision(u, prev, next);
    if (decision) {
      close();
      bulletIndents = [];
      const headingText = text.slice(decision.textStart, u.end).trim();
      const start = decision.textStart + text.slice(decision.textStart, u.end).indexOf(headingText);
      let level = decision.level ?? stickyLevel;
      const top = stack[stack.length - 1];
      if (decision.level === null) {
        if (previousWasHeading && top?.plain) {
          // Two plain headings in a row: the first opens a section, the second is inside it.
          top.heading.level = 1;
          stack.splice(0, stack.length - 1);
          level = 2;
        } else if (previousWasHeading && top) {
          level = Math.min(6, top.heading.level + 1);
        } else {
          // Stay below the nearest heading whose level the document stated (a Word style, a number).
          const stated = [...stack].reverse().find((e) => !e.plain);
          level = Math.max(stickyLevel, stated ? Math.min(6, stated.heading.level + 1) : 1);
        }
        stickyLevel = level;
      }
      const heading: Heading = { start, end: start + headingText.length, text: headingText, level, label: decision.label?.label ?? null };
      while (stack.length > 0 && (stack[stack.length - 1]?.heading.level ?? 0) >= level) stack.pop();
      stack.push({ heading, plain: decision.level === null });
      headings.push(heading);
      labels.heading(decision.label, level);
      previousWasHeading = true;
      continue;
    }
    if (open && !afterExcluded.has(u) && continues(open, u, prev)) {
      open.end = u.end;
      open.units.push(u);
      previousWasHeading = false;
      continue;
    }
    close();
    const content = contentOf(u);
    const label = u.role === 'heading' ? null : parseLabel(content, labels.letterOrdinal);
    const start = u.contentStart + (label ? label.length : 0);
    let depth = 0;
    if (u.role === 'list-item') depth = u.level;
    else if (u.bullet !== null) {
      while (bulletIndents.length > 0 && (bulletIndents[bulletIndents.length - 1] ?? 0) > u.indent) bulletIndents.pop();
      if (bulletIndents.length === 0 || u.indent > (bulletIndents[bulletIndents.length - 1] ?? 0)) bulletIndents.push(u.indent);
      depth = bulletIndents.length - 1;
    } else if (u.indent === 0) bulletIndents = [];
    let full: string | null = null;
    if (label) {
      const resolved = labels.clause(label);
      full = resolved.full;
      depth = Math.max(depth, resolved.rank);
    }
    // A line after a lead-in ("I agree to:") in the same block is an item of that list, though it has no bullet.
    const afterLeadIn = !u.first && clauses.length > 0 && u.block === listBlock;
    const kind: ClauseKind = label ? 'numbered' : u.bullet !== null || u.role === 'list-item' || afterLeadIn ? 'list-item' : 'paragraph';
    open = { units: [u], start, end: u.end, label: full, kind, depth, implicitItem: afterLeadIn && kind === 'list-item' && !label && u.bullet === null && u.role !== 'list-item' };
    previousWasHeading = false;
  }
  close();
  return { headings, clauses };
}

/** Whether a line carries on the clause before it rather than starting a new one. */
function continues(open: OpenClause, u: Unit, prev: Unit | undefined): boolean {
  if (u.bullet !== null || u.role === 'heading' || u.role === 'table-cell') return false;
  const last = open.units[open.units.length - 1];
  if (!last || prev !== last) return false;
  if (parseLabel(contentOf(u)) !== null) return false;
  // Tab-separated lines are rows of a table or form ("Approved by:<tab>Governors"): one clause each.
  if (u.text.includes('\t') || last.text.includes('\t')) return false;
  // A wrapped line of the same block, unless the line before finished a sentence or a lead-in and this one starts
  // afresh: plain-text agreements put one rule per line ("I will …" / "Lock devices when …") with no bullets.
  if (!u.first && u.block === last.block) return !(endsRule(last.text) && STARTS_AFRESH.test(u.text.trimStart()));
  // A sentence broken across a blank line (or a page) in plain text: lower-case start, unfinished clause.
  return u.first && u.role === 'unknown' && /^\p{Ll}/u.test(u.text) && !FINISHED.test(last.text);
}

/** Emphasised phrases inside a clause's span. */
function clauseEmphasis(units: readonly Unit[], piece: Span, text: string): string[] {
  const spans: Span[] = [];
  let fallback: string[] = [];
  for (const u of units) {
    if (u.emphasisSpans) {
      for (const s of u.emphasisSpans) {
        const start = Math.max(s.start, piece.start);
        const end = Math.min(s.end, piece.end);
        if (end > start) spans.push({ start: start - piece.start, end: end - piece.start });
      }
    } else if (u.blockEmphasis.length > 0) {
      fallback = u.blockEmphasis;
    }
  }
  if (spans.length === 0 && fallback.length === 0) return [];
  const own = text.slice(piece.start, piece.end);
  const found = emphasisWords(own, spans);
  if (found.length > 0 || fallback.length === 0) return found;
  const lower = own.toLowerCase();
  return fallback.filter((w) => lower.includes(w));
}
