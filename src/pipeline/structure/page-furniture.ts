import type { ExcludedSpan } from '../types.ts';
import type { Unit } from './units.ts';

/** "3", "Page 3", "Page 3 of 52", "3 / 52", "- 3 -", "p. 3". */
const PAGE_NUMBER = /^(?:page|p\.|pg\.?)?\s*\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?$|^[-–—]\s*\d{1,4}\s*[-–—]$/i;

function key(text: string): string {
  return text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ');
}

/**
 * Marks page furniture: what the PDF reader flagged from geometry, page-number lines anywhere (a lone "3" is
 * never a clause), and, in paged text, lines at the top or bottom of a page that repeat on many pages.
 */
export function findPageFurniture(units: readonly Unit[], excluded: Map<Unit, ExcludedSpan['kind']>): void {
  for (const u of units) {
    if (u.furniture) excluded.set(u, u.furniture);
    else if (u.role !== 'table-cell' && PAGE_NUMBER.test(u.text)) excluded.set(u, 'page-number');
  }
  // Page edges in paged plain text (form feeds): first and last two lines of each page.
  const byPage = new Map<number, Unit[]>();
  for (const u of units) {
    if (u.page === undefined || u.furniture) continue;
    let list = byPage.get(u.page);
    if (!list) byPage.set(u.page, (list = []));
    list.push(u);
  }
  if (byPage.size < 2) return;
  const edges = new Map<number, Unit[]>();
  for (const [page, list] of byPage) edges.set(page, [...list.slice(0, 2), ...list.slice(-2)]);
  const pagesWithKey = new Map<string, Set<number>>();
  for (const [page, list] of edges) {
    for (const u of list) {
      let set = pagesWithKey.get(key(u.text));
      if (!set) pagesWithKey.set(key(u.text), (set = new Set()));
      set.add(page);
    }
  }
  const needed = Math.max(2, Math.min(5, Math.ceil(byPage.size * 0.3)));
  for (const list of edges.values()) {
    for (const u of list) {
      if (!excluded.has(u) && u.text.length <= 200 && (pagesWithKey.get(key(u.text))?.size ?? 0) >= needed) {
        excluded.set(u, 'running-header');
      }
    }
  }
}
