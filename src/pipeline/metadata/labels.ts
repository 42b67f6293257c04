/**
 * The label vocabulary of policy cover sheets and header tables: "Approved by", "Next review due by", "Review
 * Cycle", "Date this policy was reviewed and by whom". Labels are only read where a cell starts (or straight after
 * another label's value in the same cell), so a date in running text ("based on the Model Policy, Issued October
 * 2011") is never taken for the policy's own. Pairing labels with values lives in pairs.ts and tables.ts.
 */
import type { Cell } from './lines.ts';

/**
 * What a label says its value is. `created` gives the approval date only when nothing stronger does; `review-date`
 * ("Review date") normally means the next review but is the last review when a separate next-review label exists;
 * `status` and `version` head the columns of a version-control table.
 */
export type LabelKind = 'approved' | 'created' | 'last' | 'next' | 'review-date' | 'date' | 'cycle' | 'status' | 'version' | 'other';

/** Kinds whose value is a date of the policy. */
export const DATE_KINDS: ReadonlySet<LabelKind> = new Set(['approved', 'created', 'last', 'next', 'review-date', 'date']);

const LABELS: ReadonlyArray<readonly [LabelKind, string]> = [
  ['next', 'date\\s+of\\s+(?:the\\s+)?next\\s+(?:policy\\s+)?review(?:\\s+date)?(?:\\s+and\\s+by\\s+whom)?'],
  ['next', '(?:date\\s+(?:of\\s+|for\\s+)?)?next\\s+(?:policy\\s+)?review(?:\\s+(?:date|due(?:\\s+(?:date|by|on|in))?|by|on|in))?'],
  ['next', '(?:date\\s+)?(?:\\d(?:st|nd|rd|th)\\s+)?(?:policy\\s+)?review\\s+due(?:\\s+(?:date|by|on|in))?'],
  ['next', '(?:date\\s+)?(?:policy\\s+)?(?:to\\s+be|due\\s+to\\s+be)\\s+reviewed(?:\\s+(?:by|on|in|before))?'],
  ['next', '(?:date\\s+)?due\\s+for\\s+review(?:\\s+(?:by|on|in))?'],
  ['next', '(?:date\\s+for\\s+review|renewal\\s+date|review\\s+by|review\\s+before)'],
  ['last', 'date\\s+(?:this\\s+)?policy\\s+was\\s+(?:last\\s+)?(?:reviewed|updated|revised|amended)(?:\\s+and\\s+by\\s+whom)?'],
  ['last', 'date\\s+of\\s+(?:last\\s+|latest\\s+|most\\s+recent\\s+)(?:policy\\s+)?(?:review|revision|amendment|update)'],
  ['last', 'date\\s+of\\s+(?:policy\\s+)?(?:revision|amendment|update)'],
  // "This policy was adopted on" / "This policy was last reviewed on" as a form label with the date beside or below.
  ['approved', '(?:this\\s+)?(?:policy|document|agreement)\\s+was\\s+(?:first\\s+|formally\\s+)?(?:approved|ratified|adopted|agreed)(?:\\s+(?:on|in))?'],
  ['last', '(?:this\\s+)?(?:policy|document|agreement)\\s+was\\s+(?:last\\s+)?(?:reviewed|updated|revised)(?:\\s+(?:on|in))?'],
  ['last', '(?:date\\s+)?(?:policy\\s+)?last\\s+(?:reviewed|review(?:\\s+date)?|updated|update|revised|revision|amended)(?:\\s+(?:on|in|date))?'],
  ['last', '(?:date\\s+)?(?:policy\\s+)?(?:reviewed|updated|revised|amended)(?:\\s+and\\s+(?:updated|amended|approved|ratified|adopted))?(?:\\s+(?:on|in|date))?'],
  ['last', '(?:revision|amendment|update)\\s+date'],
  ['cycle', '(?:status\\s*(?:&|and)\\s*)?review\\s+(?:cycle|frequency|period|interval|schedule)'],
  ['cycle', 'frequency\\s+of\\s+review'],
  ['review-date', '(?:policy\\s+)?review(?:\\s+date)?'],
  ['review-date', 'date\\s+of\\s+(?:policy\\s+)?review'],
  ['approved', 'date\\s+(?:of\\s+)?(?:approval|ratification|adoption)'],
  ['approved', '(?:approval|ratification|adoption)(?:\\s+date)?'],
  ['approved', '(?:date\\s+)?(?:policy\\s+)?(?:approved|ratified|adopted|agreed|authori[sz]ed|endorsed|signed\\s+off)(?:\\s+and\\s+(?:reviewed|updated))?(?:\\s+by)?'],
  ['created', 'date\\s+(?:of\\s+)?(?:policy|issue|publication|implementation|creation)'],
  ['created', '(?:issue|creation|implementation|publication|policy)\\s+date'],
  ['created', 'effective(?:\\s+date)?(?:\\s+of\\s+(?:the\\s+)?policy)?(?:\\s+from)?'],
  ['created', '(?:applicable|valid|in\\s+force|operational)\\s+from'],
  ['created', '(?:date\\s+)?(?:policy\\s+)?(?:created|implemented|issued|written|published|introduced)(?:\\s+(?:on|in|by))?'],
  ['version', 'version(?:\\s+(?:no\\.?|number|date))?'],
  ['status', '(?:document\\s+|policy\\s+)?status'],
  ['date', 'date(?:d)?'],
  // Cover-sheet keys that carry no date but head a column or start a strip of labels ("Title: … Issued: May 2020").
  [
    'other',
    '(?:title|(?:policy\\s+|document\\s+)?(?:owner|author|name)|reference|ref\\.?|prepared\\s+by|produced\\s+by|contact|circulation|audience|applies\\s+to|summary\\s+of\\s+changes|(?:description\\s+of\\s+)?changes?|amendments?|comments?|description|action|page|location|headteacher|chair\\s+of\\s+governors|person\\s+responsible(?:\\s+for\\s+policy)?)',
  ],
];

/** Bullets, numbering, Markdown/reST markup that may precede a label in its cell. */
const DECORATION = /^(?:[-*•▪●◦#>:_]+\s*|\d+(?:\.\d+)*[.)]?\s+)*\**/;
const LABEL_END = '(?=\\s*[:\\-–—.,)(]|\\s|$)';

const LABEL_RES: ReadonlyArray<readonly [LabelKind, RegExp]> = LABELS.map(([k, src]) => [k, new RegExp(`(?:${src})${LABEL_END}`, 'iy')]);

/** Any label, anywhere, for finding the next label after a value on the same cell. */
const ANY_LABEL = new RegExp(`(?<![\\p{L}])(?:${LABELS.map(([, s]) => `(?:${s})`).join('|')})${LABEL_END}`, 'giu');

/** Words that may name the document before a label in a cell that is only a label: "AUP review date". */
const NAME_PREFIX = /^(?:[\p{L}&/-]+\s+){1,4}/u;

export interface LabelHit {
  kind: LabelKind;
  /** Offsets of the label words in the document text. */
  start: number;
  end: number;
  label: string;
}

function labelIn(s: string, pos: number, capital: boolean): { kind: LabelKind; length: number } | null {
  let best: { kind: LabelKind; length: number } | null = null;
  for (const [kind, re] of LABEL_RES) {
    re.lastIndex = pos;
    const m = re.exec(s);
    if (!m) continue;
    // A real label starts with a capital ("Reviewed: …"); a lower-case word at a line start is usually a PDF line
    // wrapped mid-sentence ("reviewed, at least annually, by the E-Safety Committee").
    if (capital && !/^[A-Z]/.test(m[0])) continue;
    if (!best || m[0].length > best.length) best = { kind, length: m[0].length };
  }
  return best;
}

/** The longest label starting at `pos` that ends by `limit` (a label never runs on into the next cell or line). */
function labelAt(text: string, pos: number, capital = true, limit = text.length): LabelHit | null {
  // Labels are short: a window of 120 characters is enough and keeps long documents linear.
  const l = labelIn(text.slice(pos, Math.min(limit, pos + 120)), 0, capital);
  return l ? { kind: l.kind, start: pos, end: pos + l.length, label: text.slice(pos, pos + l.length) } : null;
}

/**
 * The kind of label `s` is when the whole of it is one label, e.g. a label wrapped over two lines and joined
 * ("Date this policy was" + "reviewed and by whom"). Null when `s` is not wholly a label.
 */
export function wholeLabelKind(s: string): LabelKind | null {
  const t = s.replace(/\s+/g, ' ').trim();
  const l = labelIn(t, 0, false);
  return l && t.slice(l.length).replace(/[\s:.\-–—]/g, '') === '' ? l.kind : null;
}

/** A cell that is nothing but a label after a few words naming the document: "AUP review Date", "E-Safety Policy Review Date:". */
function prefixedLabel(text: string, cell: Cell, from: number): LabelHit | null {
  const body = text.slice(from, cell.end);
  const prefix = NAME_PREFIX.exec(body);
  if (!prefix || body.length > 60) return null;
  let offset = 0;
  for (const word of prefix[0].split(/(?<=\s)/)) {
    offset += word.length;
    const hit = labelAt(text, from + offset, false, cell.end);
    if (hit && text.slice(hit.end, cell.end).replace(/[\s:.\-–—]/g, '') === '' && DATE_KINDS.has(hit.kind) && hit.kind !== 'date') {
      // The label is the whole cell, document name included, so the evidence reads as the page does.
      return { ...hit, start: from, label: text.slice(from, hit.end) };
    }
  }
  return null;
}

/** Labels that start `cell` and any chained after them ("Issued: May 2020 Review: May 2022"). */
export function labelsInCell(text: string, cell: Cell): LabelHit[] {
  const deco = DECORATION.exec(cell.text)?.[0].length ?? 0;
  const first = labelAt(text, cell.start + deco, true, cell.end) ?? prefixedLabel(text, cell, cell.start + deco);
  if (!first) return [];
  const hits = [first];
  const tail = text.slice(0, cell.end);
  ANY_LABEL.lastIndex = first.end;
  for (;;) {
    ANY_LABEL.lastIndex = Math.max(ANY_LABEL.lastIndex, hits[hits.length - 1]!.end);
    const m = ANY_LABEL.exec(tail);
    if (!m) break;
    const prev = hits[hits.length - 1]!;
    // A chained label follows its predecessor's short value; further on, it is prose, not a label.
    if (m.index - prev.end > 60) break;
    const hit = labelAt(text, m.index, true, cell.end);
    if (!hit) continue;
    hits.push(hit);
    ANY_LABEL.lastIndex = hit.end;
  }
  return hits;
}

/** True when the cell is one label and nothing else (a header cell of a table, or a label whose value is below). */
export function labelOnly(text: string, cell: Cell): LabelHit | null {
  const hits = labelsInCell(text, cell);
  return hits.length === 1 && text.slice(hits[0]!.end, cell.end).replace(/[\s:.\-–—]/g, '') === '' ? hits[0]! : null;
}

/** A label in running text followed at once by a colon and a date: "… Safeguarding Governor Written: June 2017". */
const INLINE = new RegExp(`(?<![\\p{L}])(?:${LABELS.filter(([k]) => DATE_KINDS.has(k)).map(([, s]) => `(?:${s})`).join('|')})(?=\\s*:\\s*\\d|\\s*:\\s*[A-Z][a-z]+\\.?\\s+\\d)`, 'giu');

/** "Label: date" pairs anywhere in a cell, for text whose layout was lost (a whole page on one line). */
export function inlineLabels(text: string, cell: Cell): LabelHit[] {
  const out: LabelHit[] = [];
  INLINE.lastIndex = 0;
  for (const m of text.slice(cell.start, cell.end).matchAll(INLINE)) {
    const hit = labelAt(text, cell.start + m.index, true, cell.end);
    if (hit && DATE_KINDS.has(hit.kind)) out.push(hit);
  }
  return out;
}
