/**
 * A policy's full text as HTML: each clause with its anchor (#c0042, the clause id), its own number, and the
 * clause types it was given (linked) with "automatic, 82%" (the classifier's confidence) or "checked by a reviewer". Text between clauses
 * (headings, front matter) is shown plainly. The cues behind each label are not here: src/client/policy-why.ts
 * adds them on request from the policy's JSON, which keeps a long policy's page small.
 *
 * Built as one string because it is the longest, most repetitive part of every policy page (hundreds of clauses,
 * each with labels): rendering it through template nodes was a large share of the site build at 10,000 policies.
 * Every value passes through escapeText / escapeAttr, so hostile wording in a policy shows as text.
 */
import type { PolicyDetail } from './types.ts';
import { escapeAttr, escapeText } from './html.ts';
import { share } from './format.ts';
import { labelQuote, MASK } from './review-quote.ts';

type Clause = PolicyDetail['clauses'][number];

export interface PolicyTextLinks {
  /** Title of a clause type (its id when unknown). */
  typeTitle: (typeId: string) => string;
  /** URL of a clause type's page. */
  typeHref: (typeId: string) => string;
}

/** The clause's own number, else its id: what the page, its evidence links and its print-out call the clause. */
export function clauseName(c: Pick<Clause, 'id' | 'label'>): string {
  return c.label ?? c.id;
}

/** Whether the dataset carries the policy's words (it can be published with labels only). */
export function hasText(detail: PolicyDetail): boolean {
  return detail.clauses.some((c) => clauseWords(detail, c) !== '');
}

function clauseWords(detail: PolicyDetail, c: Clause): string {
  return c.text || (detail.text ?? '').slice(c.start, c.end);
}

/** One piece of a policy's published text, in reading order: a clause, or the words between two clauses. */
export type TextPiece = { kind: 'between'; text: string } | { kind: 'clause'; clause: Clause; text: string };

/**
 * The published text cut into clauses and the words between them. Clause offsets point into the source, but the
 * published text may have personal data masked ("[staff name]" is not as long as the name it replaces), so each
 * clause is found in the published text from where the last one ended: at its own offset when nothing before it
 * was masked, else at its first occurrence after that.
 */
export function textPieces(detail: PolicyDetail): TextPiece[] {
  const text = detail.text ?? '';
  const clauses = [...detail.clauses].sort((a, b) => a.start - b.start);
  const out: TextPiece[] = [];
  const between = (s: string): void => {
    const t = s.trim();
    if (t) out.push({ kind: 'between', text: t });
  };
  let source = 0;
  let at = 0;
  for (const c of clauses) {
    if (c.start < source) continue; // overlapping clause: keep the first
    const words = clauseWords(detail, c);
    const expected = at + (c.start - source);
    const found = text.startsWith(words, expected) ? expected : text.indexOf(words, at);
    if (found >= 0) {
      between(text.slice(at, found));
      at = found + words.length;
    }
    out.push({ kind: 'clause', clause: c, text: words });
    source = c.end;
  }
  between(text.slice(at));
  return out;
}

/** The HTML inside `<div class="policy-text">`. */
export function policyTextHtml(detail: PolicyDetail, links: PolicyTextLinks): string {
  return textPieces(detail)
    .map((p) => (p.kind === 'between' ? `<div class="between">${escapeText(p.text)}</div>\n` : clauseHtml(p.clause, p.text, links)))
    .join('');
}

/**
 * The `data-q` of a label: the words a reviewer's decision on it is pinned to (src/client/review-controls.ts
 * offers "Confirm" and "Not right" on every label that has one).
 */
function quoteAttr(c: Clause, words: string, l: Clause['labels'][number]): string {
  const q = labelQuote({ text: words, start: c.start, end: c.end }, l.sentence);
  return q ? ` data-q="${escapeAttr(q)}"` : '';
}

const MASKS = new RegExp(MASK.source, 'g');

/**
 * Maps an offset into the clause's source words to its published words. Masking one piece of personal data shifts
 * everything after it by a known amount; with more than one in a clause the shifts cannot be told apart (null).
 */
function publishedOffset(c: Clause, words: string): ((o: number) => number) | null {
  const delta = words.length - (c.end - c.start);
  if (delta === 0) return (o) => o;
  const found = [...words.matchAll(MASKS)];
  const only = found.length === 1 ? found[0] : undefined;
  if (!only) return null;
  const at = only.index;
  const sourceLength = only[0].length - delta;
  return (o) => (o <= at ? o : o >= at + sourceLength ? o + delta : at + only[0].length);
}

/**
 * The clause's words with the sentences its labels rest on marked, so a reader of a long paragraph sees which
 * sentence carries each label. A one-sentence clause is the evidence itself and is left unmarked.
 */
function markedWords(c: Clause, words: string): string {
  const map = publishedOffset(c, words);
  if (!map) return escapeText(words);
  const spans = c.labels
    .flatMap((l) => (l.sentence ? [{ start: map(l.sentence.start - c.start), end: map(l.sentence.end - c.start) }] : []))
    .filter((sp) => sp.start >= 0 && sp.end <= words.length && sp.end > sp.start)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  if (spans.length === 0) return escapeText(words);
  let html = '';
  let at = 0;
  for (const sp of spans) {
    if (sp.end <= at) continue;
    const from = Math.max(sp.start, at);
    html += escapeText(words.slice(at, from)) + `<mark class="evidence">${escapeText(words.slice(from, sp.end))}</mark>`;
    at = sp.end;
  }
  return html + escapeText(words.slice(at));
}

function clauseHtml(c: Clause, words: string, links: PolicyTextLinks): string {
  const name = escapeText(clauseName(c));
  const cls = c.kind === 'list-item' ? 'clause clause-item' : 'clause';
  // Terse markup (styled by `.clause > p`, `.clause-labels small`…): this repeats for every clause of every policy.
  let html = `<div class="${cls}" id="${escapeAttr(c.id)}"><p><span class="clause-no">${name}</span> ${markedWords(c, words)}</p>`;
  const rejected = (c.reviews ?? []).filter((r) => r.action === 'reject' && !c.labels.some((l) => l.typeId === r.type));
  if (c.labels.length > 0 || rejected.length > 0) {
    // Left out of the search index: the same type titles on every policy would drown the policy's own words.
    html += '<ul class="clause-labels" data-pagefind-ignore>';
    for (const l of c.labels) {
      const mark = l.source === 'reviewer' ? '<strong class="checked">✓ checked by a reviewer</strong>' : `<small>automatic, ${share(l.confidence)}</small>`;
      html += `<li data-type="${escapeAttr(l.typeId)}"${l.source === 'auto' ? quoteAttr(c, words, l) : ''}><a href="${escapeAttr(links.typeHref(l.typeId))}">${escapeText(links.typeTitle(l.typeId))}</a> ${mark}</li>`;
    }
    // A label a reviewer rejected stays visible, struck through, so the page says a person looked at it.
    for (const r of rejected) {
      html += `<li class="rejected"><del>${escapeText(links.typeTitle(r.type))}</del> <strong class="checked">✗ not this type: checked by a reviewer</strong></li>`;
    }
    html += '</ul>';
  }
  return `${html}</div>\n`;
}
