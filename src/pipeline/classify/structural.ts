/**
 * Text that is part of a document's furniture rather than a rule: a document-control block (several "Label:"
 * lines such as "Version:", "Status:", "Prepared By:"), a page stamp, or a line of placeholders. Structure keeps
 * most of these out of the clause list; this catches what reaches it run together with a title.
 */

/** A form label on a line of its own: a few words ending in a colon, each word capitalised ("Date Approved:"). */
const FIELD_LABEL = /^(?:\p{Lu}[\p{L}'’&/-]*\.?\s*){1,4}:\s*$/u;
const PAGE_STAMP = /\bpage\s+\d+\s+of\s+\d+\b/i;

export function isStructural(text: string): boolean {
  const lines = text.split('\n');
  const labels = lines.filter((l) => FIELD_LABEL.test(l.trim())).length;
  if (labels >= 2) return true;
  return PAGE_STAMP.test(text) && text.length < 200;
}
