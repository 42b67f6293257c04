/**
 * A draft clause's wording as blocks: paragraphs, list lead-ins ("You must not:") and list items at a depth. One
 * plain-text form serves the lead's text box, the variant previews and both exports: a lead-in or paragraph is a
 * line, an item is a line starting "- " (two spaces of indent per extra level), so a lead's edit keeps its lists.
 */

export interface Block {
  kind: 'para' | 'lead-in' | 'item';
  /** 0 for paragraphs and top-level lead-ins; 1 for a list item, 2 for an item of a nested list… */
  depth: number;
  text: string;
}

const ITEM_LINE = /^(\s*)[-*•‣◦]\s+(.*)$/u;
const ENDS_WITH_COLON = /[:–]\s*$/u;

/** Does this text introduce a list ("Staff must not:")? */
export const isLeadInText = (text: string): boolean => ENDS_WITH_COLON.test(text);

/** The plain-text form (see the module comment). */
export function blocksToText(blocks: readonly Block[]): string {
  return blocks.map((b) => (b.kind === 'item' ? `${'  '.repeat(Math.max(0, b.depth - 1))}- ${b.text}` : b.text)).join('\n');
}

/** Reads the plain-text form back; a line ending with a colon before an item is a lead-in. */
export function textToBlocks(text: string): Block[] {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.replace(/[ \t]+$/g, ''))
    .filter((l) => l.trim() !== '');
  const out: Block[] = lines.map((line) => {
    const m = ITEM_LINE.exec(line);
    if (m) return { kind: 'item' as const, depth: 1 + Math.floor((m[1] ?? '').replace(/\t/g, '  ').length / 2), text: (m[2] ?? '').replace(/\s+/g, ' ').trim() };
    return { kind: 'para' as const, depth: 0, text: line.replace(/\s+/g, ' ').trim() };
  });
  out.forEach((b, i) => {
    const next = out[i + 1];
    if (isLeadInText(b.text) && next?.kind === 'item' && next.depth > b.depth) b.kind = b.kind === 'item' ? 'item' : 'lead-in';
  });
  return out.filter((b) => b.text !== '');
}

/** A list item whose lead-in is another item ("Create or transmit material which:") introduces a nested list. */
export function introducesList(blocks: readonly Block[], i: number): boolean {
  const b = blocks[i];
  const next = blocks[i + 1];
  return !!b && !!next && next.kind === 'item' && next.depth > (b.kind === 'item' ? b.depth : 0) && isLeadInText(b.text);
}

/** Joining words and separators a list item carries only because it sat in a list ("…; and", "…and/or"). */
const TRAILING_JOIN = /(?:[;,]\s*)?(?:\b(?:and\/or|and|or)\b\s*)?[;,]?\s*$/iu;

/** An item as it reads on its own line under its lead-in: no dangling "; and". */
export function tidyItem(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  const cut = t.replace(TRAILING_JOIN, '').trim();
  return cut === '' ? t : cut;
}

const MODAL_START = /^(?:must|should|shall|will|may|can|cannot|are|need|needs|is)\b/iu;

/**
 * A list item with no lead-in, rewritten to stand alone: a capital letter, "Staff" before a bare "must…" or
 * "should…", and a full stop when it reads as a sentence. Lists of names ("The Human Rights Act 1998") stay short.
 */
export function standAlone(text: string): string {
  let t = tidyItem(text);
  if (MODAL_START.test(t)) t = `Staff ${t}`;
  t = t.charAt(0).toUpperCase() + t.slice(1);
  if (/[\p{L}\p{N})”"']$/u.test(t) && t.split(' ').length >= 5) t = `${t}.`;
  return t;
}

/** An item that cannot be read on its own: lower-case start or a dangling join, as lists leave them. */
export function isFragment(text: string): boolean {
  const t = text.trim();
  return /^[a-z]/u.test(t) || /(?:[;,]|\band\b|\bor\b|\band\/or\b)$/iu.test(t);
}
