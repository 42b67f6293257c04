/**
 * The policy's title: the first line near the top that names a policy about technology use ("ICT Use Policy",
 * "Acceptable use of ICT, mobile devices and social networking sites"), skipping the school's name, mottos, labels
 * and dates. A title broken over two lines by a PDF ("Online Safety" / "Policy") is joined.
 */
import type { Evidence, MetaValue } from '../types.ts';
import { findDates } from '../dates/index.ts';
import type { Line } from './lines.ts';

const TOPIC =
  /\b(?:ICT|IT|AUP|acceptable\s+use|internet|online|on-line|e-?safety|computing|computers?|technology|digital|social\s+(?:media|network\w*)|e-?mail|devices?|code\s+of\s+conduct|network|web)\b/i;
const DOC_NOUN = /\b(?:AUP|policy|policies|agreement|code\s+of\s+conduct|guidance|guidelines|procedures?|charter|protocol|rules|statement|handbook)\b/i;
const LABEL_LIKE = /^[\w\s&/()-]{1,40}:(?:\s*\S|\s*$)|^(?:contents|table of contents|page)\b/i;
/** Lines that are only markup: reST adornments, Markdown rules. */
const ADORNMENT = /^[=\-~^*#_+`.:]{3,}\s*$/;
const MARKUP_EDGE = /^[#*_>\s]+|[*_\s]+$/g;

/**
 * "Approved by: Governors" is a label; "Staff Code of Conduct: Use of Technology" is a title with a subtitle.
 * The difference: the words before the colon name a document and no date follows.
 */
function isLabel(text: string): boolean {
  if (!LABEL_LIKE.test(text)) return false;
  const head = text.slice(0, text.indexOf(':'));
  return !(DOC_NOUN.test(head) && findDates(text).length === 0);
}

export function extractTitle(text: string, top: Line[], frontMatter: Record<string, unknown> | undefined): MetaValue<string> | null {
  const fmTitle = frontMatter?.['title'];
  if (typeof fmTitle === 'string' && fmTitle.trim()) {
    const at = text.indexOf(fmTitle.trim());
    return {
      value: fmTitle.trim(),
      evidence: at >= 0 ? { start: at, end: at + fmTitle.trim().length, quote: fmTitle.trim() } : null,
      source: 'front-matter',
    };
  }

  const candidates: Array<{ ev: Evidence; value: string; score: number; order: number }> = [];
  top.forEach((line, order) => {
    if (line.cells.length !== 1) return;
    const cell = line.cells[0]!;
    if (ADORNMENT.test(cell.text) || isLabel(cell.text) || cell.text.length > 140) return;
    const inner = cell.text.replace(MARKUP_EDGE, '');
    if (!inner || /^[\d\s.]+$/.test(inner)) return;
    const dates = findDates(inner);
    if (dates.length && dates[0]!.quote.length >= inner.length - 2) return;
    if (/^\(.*\)$/.test(inner) || /^['‘"“]/.test(inner)) return; // asides and mottos
    if (/[.!?]$/.test(inner) && inner.split(/\s+/).length > 4) return; // a sentence, not a title
    const start = cell.start + cell.text.indexOf(inner);
    let end = start + inner.length;
    let value = inner;
    // "Online Safety" + "Policy" on the next line: one title split by the PDF layout.
    const next = top[order + 1];
    const nextCell = next?.cells.length === 1 ? next.cells[0] : undefined;
    if (!DOC_NOUN.test(inner) && TOPIC.test(inner) && nextCell && nextCell.text.split(/\s+/).length <= 2 && DOC_NOUN.test(nextCell.text)) {
      end = nextCell.end;
      value = `${inner} ${nextCell.text.replace(MARKUP_EDGE, '')}`;
    }
    const topic = TOPIC.test(value);
    const noun = DOC_NOUN.test(value);
    if (!topic && !noun) return;
    // A topic beats a bare document noun: "Hanson Policy for School Staff" is a heading over the real title.
    const score = (topic ? 2 : 0) + (noun ? 1 : 0) - (/\bpolicy\s+for\b/i.test(value) ? 2 : 0);
    candidates.push({ ev: { start, end, quote: text.slice(start, end) }, value: value.replace(/\s+/g, ' ').trim(), score, order });
  });
  candidates.sort((a, b) => b.score - a.score || a.order - b.order);
  const best = candidates[0];
  if (best && best.score >= 1) return { value: best.value, evidence: best.ev, source: 'text' };

  // Nothing policy-like: fall back on the first short line that is not markup (reST "Internet access" titles).
  for (const line of top) {
    const cell = line.cells[0];
    if (!cell || ADORNMENT.test(cell.text) || isLabel(cell.text) || cell.text.startsWith('..')) continue;
    const inner = cell.text.replace(MARKUP_EDGE, '');
    if (!inner || inner.length > 100 || findDates(inner).length) continue;
    const start = cell.start + cell.text.indexOf(inner);
    return { value: inner, evidence: { start, end: start + inner.length, quote: inner }, source: 'text' };
  }
  return null;
}
