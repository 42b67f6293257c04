/** List pagination shared by /policies/ and /policies/page/<n>/: fixed page size keeps every page small at scale. */
export const PAGE_SIZE = 100;

export function pageCount(total: number): number {
  return Math.max(1, Math.ceil(total / PAGE_SIZE));
}

export function pageSlice<T>(items: T[], page: number): T[] {
  return items.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
}
