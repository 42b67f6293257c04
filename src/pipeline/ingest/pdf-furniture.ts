import type { PdfLine } from './pdf-lines.ts';

export type Furniture = 'page-number' | 'running-header';

/** "3", "Page 3", "Page 3 of 52", "3 / 52", "- 3 -". */
export const PAGE_NUMBER = /^(?:page\s*)?\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?$|^[-–—]\s*\d{1,4}\s*[-–—]$/i;

/** Top and bottom share of a page where headers and footers live. */
const MARGIN = 0.12;

function inMargin(line: PdfLine): boolean {
  return line.y > line.pageHeight * (1 - MARGIN) || line.y < line.pageHeight * MARGIN;
}

/** The same header on every page, whatever its page number or date. */
function furnitureKey(text: string): string {
  return text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ');
}

/**
 * Finds page furniture by geometry: a page number in the top or bottom margin, or a line in a margin that
 * repeats (digits aside) on several pages. Returns a map from line to kind.
 */
export function findFurniture(pages: readonly PdfLine[][]): Map<PdfLine, Furniture> {
  const out = new Map<PdfLine, Furniture>();
  const pagesWithKey = new Map<string, Set<number>>();
  for (const lines of pages) {
    for (const line of lines) {
      if (!inMargin(line)) continue;
      const key = furnitureKey(line.text);
      let set = pagesWithKey.get(key);
      if (!set) pagesWithKey.set(key, (set = new Set()));
      set.add(line.page);
    }
  }
  const needed = Math.max(2, Math.min(5, Math.ceil(pages.length * 0.3)));
  for (const lines of pages) {
    for (const line of lines) {
      if (!inMargin(line)) continue;
      if (PAGE_NUMBER.test(line.text)) out.set(line, 'page-number');
      else if ((pagesWithKey.get(furnitureKey(line.text))?.size ?? 0) >= needed) out.set(line, 'running-header');
    }
  }
  return out;
}
