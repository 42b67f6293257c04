/**
 * Makes `<table data-sortable>` sortable: each column header becomes a button; aria-sort announces the order.
 * Cells may carry data-sort with a machine value (dates, codes); numbers compare numerically.
 */
function value(row: HTMLTableRowElement, col: number): string {
  const cell = row.cells[col];
  return cell?.dataset.sort ?? cell?.textContent?.trim() ?? '';
}

function compare(a: string, b: string): number {
  const na = Number(a);
  const nb = Number(b);
  if (a !== '' && b !== '' && Number.isFinite(na) && Number.isFinite(nb)) return na - nb;
  return a.localeCompare(b, 'en-GB', { numeric: true });
}

export function makeSortable(table: HTMLTableElement): void {
  const body = table.tBodies[0];
  const headers = table.tHead?.rows[0]?.cells;
  if (!body || !headers) return;
  [...headers].forEach((th, col) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'sort';
    button.textContent = th.textContent?.trim() ?? '';
    th.replaceChildren(button);
    button.addEventListener('click', () => {
      const ascending = th.getAttribute('aria-sort') !== 'ascending';
      for (const other of headers) other.removeAttribute('aria-sort');
      th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      const rows = [...body.rows].sort((r1, r2) => compare(value(r1, col), value(r2, col)) * (ascending ? 1 : -1));
      body.append(...rows);
    });
  });
}

for (const t of document.querySelectorAll<HTMLTableElement>('table[data-sortable]')) {
  if (!t.dataset.sortReady) {
    t.dataset.sortReady = '1';
    makeSortable(t);
  }
}
