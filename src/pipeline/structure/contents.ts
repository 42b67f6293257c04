import type { ExcludedSpan } from '../types.ts';
import { contentOf, type Unit } from './units.ts';

/** A contents entry with its page number: dot leaders, or a tab / wide gap before the number. */
const ENTRY_WITH_PAGE = /^.{2,150}?(?:\.{4,}|…{2,}|[ \t]*\t|\s{3,})[ \t.…]*\d{1,3}(?:\s*[-–]\s*\d{1,3})?$/;
const DOT_LEADER = /\.{5,}|…{3,}/;
/** An entry whose leader dots come first (a PDF that put the page number on another line): "….Removable media". */
const LEADING_LEADER = /^(?:…|\.){2,}\s*\p{L}/u;
/**
 * A contents list flattened onto one line by a web page or a copy-paste: "Rationale page 3 Areas of Risk page 3
 * Scope of the policy page 4". Three entries in a row are needed; a sentence rarely ends words in a bare number
 * three times.
 */
const FLAT_ENTRY = /\p{L}[^.!?\d\n]{2,80}?\s(?:page\s+)?\d{1,3}(?=\s+(?:\d{1,2}(?:\.\d{1,2})*\.?\s+)?\p{Lu}|\s*$)/gu;
/** Each flat entry's page number follows whitespace, so a line with fewer than three such numbers holds no three entries. */
const SPACED_NUMBER = /\s\d/g;
function hasThreeSpacedNumbers(text: string): boolean {
  SPACED_NUMBER.lastIndex = 0;
  let n = 0;
  while (SPACED_NUMBER.exec(text) !== null) if (++n === 3) return true;
  return false;
}
// The cheap count first: the entry pattern's lazy search from every letter is the dearest regex in a cold run.
const isFlatContents = (text: string): boolean => hasThreeSpacedNumbers(text) && (text.match(FLAT_ENTRY) ?? []).length >= 3;
const CONTENTS_HEADING = /^(?:table\s+of\s+)?contents(?:\s+page)?\s*:?$|^index$/i;
/** Column headings inside a contents list ("Page", "Page Number", "Section"). */
const CONTENTS_COLUMN = /^(?:page(?:\s+(?:number|no\.?))?|section|paragraph)$/i;

/** An entry's number and title without its page number, for spotting the body restarting at the first section. */
function titleOf(text: string): string {
  return text
    .toLowerCase()
    .replace(/(?:\.{2,}|…+|\t|\s{3,})[\s.…]*\d{1,3}(?:\s*[-–]\s*\d{1,3})?$/, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** An entry is a short title: a line introducing a list ("…read in conjunction with:") is running text. */
function entryLike(u: Unit): boolean {
  const t = contentOf(u);
  const words = t.split(/\s+/).length;
  return t.length <= 130 && !/[.;]$/.test(t) && !(words >= 5 && /:$/.test(t)) && /\p{L}/u.test(t);
}

/**
 * Marks contents pages. A line with a page number after dot leaders or a tab is an entry wherever it is. After a
 * "Contents" heading, short lines are entries until the body starts: a line repeating an earlier entry's title
 * (the first section heading), a line that reads as running text, or a new page.
 */
export function findContents(units: readonly Unit[], excluded: Map<Unit, ExcludedSpan['kind']>): void {
  for (let i = 0; i < units.length; i++) {
    const u = units[i];
    if (!u || excluded.has(u)) continue;
    if (ENTRY_WITH_PAGE.test(u.text) || (DOT_LEADER.test(u.text) && u.text.length <= 200) || LEADING_LEADER.test(u.text) || isFlatContents(u.text)) {
      excluded.set(u, 'contents');
      continue;
    }
    if (!CONTENTS_HEADING.test(contentOf(u))) continue;
    excluded.set(u, 'contents');
    // The body restarts with the first entry's section ("1. Introduction" after "1. Introduction<tab>3").
    let firstTitle: string | null = null;
    let lastPage = u.page;
    for (let j = i + 1; j < units.length; j++) {
      const v = units[j];
      if (!v) break;
      if (excluded.has(v)) {
        if (excluded.get(v) === 'contents' && firstTitle === null && titleOf(v.text) !== '') firstTitle = titleOf(v.text);
        continue;
      }
      const title = titleOf(v.text);
      if (title !== '' && title === firstTitle && !ENTRY_WITH_PAGE.test(v.text)) break;
      if (lastPage !== undefined && v.page !== undefined && v.page !== lastPage) break;
      if (!entryLike(v) && !CONTENTS_COLUMN.test(v.text.trim())) break;
      excluded.set(v, 'contents');
      if (firstTitle === null && title !== '' && !CONTENTS_COLUMN.test(v.text.trim())) firstTitle = title;
      lastPage = v.page;
      i = j;
    }
  }
}
