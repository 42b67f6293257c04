/**
 * The small document the search index holds for one policy (scripts/search-index.ts hands it to pagefind instead
 * of the policy's ~150 kB page). Section ids match the policy page's, so a result links into the right section.
 */
import type { PolicyDetail } from './types.ts';
import { escapeText as escape } from './html.ts';

/** The document pagefind indexes for one policy. Section ids match the policy page's, so results link into it. */
export function policySearchHtml(d: PolicyDetail, fullText: boolean, heading: string): string {
  const p = d.summary;
  const section = (id: string, title: string, items: string[]): string =>
    items.length === 0 ? '' : `<h2 id="${id}">${escape(title)}</h2>${items.map((i) => `<p>${escape(i)}</p>`).join('')}`;
  return [
    '<!DOCTYPE html><html lang="en-GB"><body><main data-pagefind-body>',
    '<span hidden data-pagefind-filter="type">Policy</span>',
    `<h1>${escape(heading)}</h1>`,
    `<p>${escape([p.sourceFile, p.review.explanation, `Staleness grade ${p.grade}.`].join(' '))}</p>`,
    section(
      'outdated',
      'Out-of-date references',
      d.outdatedReferences.map((r) => `${r.label}: “${r.evidence.quote}”`),
    ),
    section(
      'stances',
      'Choices this policy makes',
      d.stances.map((s) => `${s.label}: “${s.evidence.quote}”`),
    ),
    section(
      'lineage',
      'Template leftovers',
      d.lineage.residue.map((r) => `“${r.quote}”: ${r.reason}`),
    ),
    fullText && d.text ? section('text', 'Full text', [d.text]) : '',
    '</main></body></html>',
  ].join('');
}

/** Elements whose text is a cell or block of its own: what a reader sees as separate words. */
const BLOCK_END = /<\/(?:td|th|dt|dd|li|caption|summary|p|h[1-6]|div|section|label|option|blockquote|figcaption|tr|q)>/gi;

/**
 * The page's HTML with a space before each block or cell ends and after each line break. pagefind joins the text
 * of neighbouring elements as it finds it, so a table row "Passwords | Position | Policies" was indexed (and
 * shown in excerpts) as "PasswordsPositionPolicies", and a definition list as "Guidance levelCore:".
 */
export function withWordBoundaries(html: string): string {
  return html.replace(BLOCK_END, ' $&').replace(/<br\s*\/?>/gi, '$& ');
}
