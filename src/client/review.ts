/**
 * Instant filtering for /review/: loads /data/review.json once, indexes school, title and groups with
 * minisearch, and re-renders the table from the filters (also read from the URL, so filtered views can be shared).
 */
import MiniSearch from 'minisearch';
import type { ReviewData, ReviewRow } from '../site/review-row.ts';
import { REVIEW_STATUS_TEXT, partialDate } from '../site/format.ts';
import { reviewUrgency } from '../pipeline/output/review-columns.ts';
import { toCsv } from '../pipeline/output/csv.ts';
import { wireFilterForm } from './filter-form.ts';
import { el } from './dom.ts';

/** The table's columns, as the download writes them (the same order and headings). */
const COLUMNS = ['School', 'Local authority', 'Review status', 'Grade', 'Gaps', 'Gap clause types', 'Out-of-date references', 'Missing modern topics'] as const;

function statusText(r: ReviewRow): string {
  const text = (REVIEW_STATUS_TEXT as Record<string, string>)[r.status] ?? r.status;
  return r.due ? `${text} (due ${partialDate(r.due)})` : text;
}

/** One row of the download: the cells the table shows, as text. */
function csvRow(r: ReviewRow, data: ReviewData): string[] {
  const gaps = r.gaps.map((i) => `${data.types[i]?.[1] ?? ''}${r.check.includes(i) ? ' (not found — check)' : ''}`);
  return [`${r.school}: ${r.title}`, r.la, statusText(r), r.grade, String(r.gaps.length), gaps.join('; '), String(r.outdated), String(r.modern)];
}

/** Sorting by review status puts the most overdue first, then no review date, due soon, in date. */
export function statusSortKey(r: Pick<ReviewRow, 'status' | 'months'>): string {
  return String(-reviewUrgency(r.status, r.months));
}

const PAGE = 100;

function rowElement(r: ReviewRow, data: ReviewData, policyBase: string): HTMLTableRowElement {
  const tr = el('tr');
  const th = el('th', { scope: 'row' });
  th.append(el('a', { href: `${policyBase}${encodeURIComponent(r.id)}/` }, r.school), el('br'), el('span', { class: 'source-ref' }, r.title));
  const status = el('td', { 'data-sort': statusSortKey(r) });
  const statusText = (REVIEW_STATUS_TEXT as Record<string, string>)[r.status] ?? r.status;
  status.append(el('span', { class: `tag tag-${r.status}` }, statusText), ' ', el('span', { class: 'source-ref' }, partialDate(r.due)));
  const grade = el('td', { 'data-sort': r.grade });
  grade.append(el('span', { class: 'grade' }, r.grade));
  const gapList = el('td');
  const check = new Set(r.check);
  const details = el('details');
  details.append(el('summary', {}, `${r.gaps.length} types`));
  const ul = el('ul');
  for (const i of r.gaps) ul.append(el('li', {}, `${data.types[i]?.[1] ?? ''}${check.has(i) ? ' (not found — check)' : ''}`));
  const gapCount = el('td', { class: 'num', 'data-sort': String(r.gaps.length) }, String(r.gaps.length));
  if (r.check.length > 0) gapCount.append(el('span', { class: 'source-ref' }, ` (${r.check.length} to check)`));
  details.append(ul);
  gapList.append(details);
  tr.append(
    th,
    el('td', {}, r.la),
    status,
    grade,
    gapCount,
    gapList,
    el('td', { class: 'num' }, String(r.outdated)),
    el('td', { class: 'num' }, String(r.modern)),
  );
  return tr;
}

async function start(form: HTMLFormElement): Promise<void> {
  const src = form.dataset.reviewSrc;
  const policyBase = form.dataset.policyBase ?? '/policies/';
  const body = document.querySelector<HTMLTableSectionElement>('#review-table tbody');
  const count = document.getElementById('review-count');
  const more = document.getElementById('review-more');
  const download = document.getElementById('review-download');
  if (!src || !body || !count || !more) return;
  const data = (await (await fetch(src)).json()) as ReviewData;
  const search = new MiniSearch<ReviewRow>({ fields: ['school', 'title', 'la', 'trust'], storeFields: ['id'], idField: 'id' });
  search.addAll(data.rows);
  const typeIndex = new Map(data.types.map(([id], i) => [id, i]));

  let matching: ReviewRow[] = [];

  const render = (shown: number): void => {
    const f = new FormData(form);
    const get = (k: string): string => String(f.get(k) ?? '');
    const q = get('q').trim();
    const ids = q ? new Set(search.search(q, { prefix: true, fuzzy: 0.2, combineWith: 'AND' }).map((r) => String(r.id))) : null;
    const type = typeIndex.get(get('type'));
    const rows = data.rows.filter(
      (r) =>
        (!ids || ids.has(r.id)) &&
        (!get('localAuthority') || r.la === get('localAuthority')) &&
        (!get('trust') || r.trust === get('trust')) &&
        (!get('phase') || r.phase === get('phase')) &&
        (!get('status') || r.status === get('status')) &&
        (!get('grade') || r.grade === get('grade')) &&
        (type === undefined || r.gaps.includes(type)),
    );
    matching = rows;
    body.replaceChildren(...rows.slice(0, shown).map((r) => rowElement(r, data, policyBase)));
    for (const th of document.querySelectorAll('#review-table th[aria-sort]')) th.removeAttribute('aria-sort');
    count.textContent = `${rows.length.toLocaleString('en-GB')} of ${data.rows.length.toLocaleString('en-GB')} policies match${rows.length > shown ? `; showing the first ${shown}` : ''}.`;
    more.hidden = rows.length <= shown;
  };

  // The download holds exactly the rows that match the filters and the table's columns, ready for Excel.
  if (download instanceof HTMLButtonElement) {
    download.hidden = false;
    download.addEventListener('click', () => {
      const csv = toCsv(COLUMNS, matching.map((r) => csvRow(r, data)));
      const a = document.createElement('a');
      a.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
      a.download = 'policy-review.csv';
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(a.href), 0);
    });
  }
  wireFilterForm(form, more, PAGE, render);
}

const form = document.querySelector<HTMLFormElement>('form.review-filters');
if (form) void start(form);
