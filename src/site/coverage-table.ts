/**
 * A policy page's "Coverage by clause type" tables (70 rows in eleven tables, on every policy page) as one HTML
 * string. As template nodes they were a large share of Astro's time per page; as a string they cost one escape per
 * value. The markup is the one the template gave.
 */
import { absentKind } from '../pipeline/output/absent-kind.ts';
import { CELL_SYMBOL, CELL_TEXT, share } from './format.ts';
import { escapeAttr, escapeText } from './html.ts';
import { cellState } from './stats.ts';
import type { Dataset, PolicyDetail } from './types.ts';

export interface CoverageTableLinks {
  /** The clause type's page. */
  typeHref: (typeId: string) => string;
  /** The in-page link to a clause of the full text. */
  clauseHref: (clauseId: string) => string;
  /** How a clause is named to a reader ("4.2", "c0031"). */
  clauseLabel: (clauseId: string) => string;
}

export function coverageTablesHtml(detail: PolicyDetail, taxonomy: Dataset['taxonomy'], links: CoverageTableLinks): string {
  const coverageById = new Map(detail.coverage.map((c) => [c.typeId, c]));
  const out: string[] = [];
  for (const cat of taxonomy.categories) {
    // The same rows and guidance on every policy page: left out of the search index (data-pagefind-ignore), so a
    // search finds policies that say a thing rather than every policy that lacks it.
    out.push(
      `<div class="table-wrap" data-pagefind-ignore><table class="coverage"><caption>${escapeText(cat.title)}</caption>` +
        '<thead><tr><th scope="col">Clause type</th><th scope="col">Coverage</th><th scope="col">Where in the text</th></tr></thead><tbody>',
    );
    taxonomy.types.forEach((t, i) => {
      if (t.category !== cat.id) return;
      const s = cellState(detail.summary, i);
      const c = coverageById.get(t.id);
      let state = `<span class="cell cell-${s}" aria-hidden="true">${CELL_SYMBOL[s]}</span> ${CELL_TEXT[s]}`;
      if (c && absentKind(c) === 'not-found-check') state += ': <strong>not found — check</strong>';
      if (c?.verified || c?.review) state += ' <span class="tag">Checked by a reviewer</span>';
      else if (c && c.status !== 'absent') state += `<span class="source-ref"> (automatic, ${share(c.confidence)})</span>`;
      const where = (c?.evidence ?? []).map((e) => `<a href="${escapeAttr(links.clauseHref(e.clauseId))}">${escapeText(links.clauseLabel(e.clauseId))}</a>`).join(', ');
      out.push(
        `<tr id="type-${escapeAttr(t.id)}"><th scope="row"><a href="${escapeAttr(links.typeHref(t.id))}">${escapeText(t.title)}</a></th>` +
          `<td>${state}</td><td>${where}</td></tr>`,
      );
    });
    out.push('</tbody></table></div>');
  }
  return out.join('');
}
