/**
 * /review/queue/: loads /review/queue.json (already in queue order) and filters it by local authority, trust,
 * phase, kind and policy, from the form and the URL (so a filtered queue can be shared). Text only (textContent).
 */
import type { QueueRow } from '../site/queue-data.ts';
import { QUEUE_KIND_TEXT } from '../site/review-queue.ts';
import { wireFilterForm } from './filter-form.ts';
import { el } from './dom.ts';

const PAGE = 50;

function anchor(r: QueueRow): string {
  if (r.kind === 'check-gap') return `#gap-${r.typeId}`;
  if (r.kind === 'stale-override') return '#warnings';
  return `#${r.clauseId ?? `type-${r.typeId}`}`;
}

function item(r: QueueRow, policyBase: string): HTMLLIElement {
  const li = el('li', { class: 'queue-item' });
  const h = el('h3');
  h.append(el('a', { href: `${policyBase}${encodeURIComponent(r.policyId)}/${anchor(r)}` }, `${r.school}: ${r.typeTitle}`));
  const kind = el('p');
  kind.append(el('span', { class: 'queue-kind' }, QUEUE_KIND_TEXT[r.kind]), ' ', el('span', { class: 'source-ref' }, `(${r.title}; confidence ${Math.round(r.confidence * 100)}%)`));
  li.append(h, kind, el('p', {}, r.reason));
  if (r.quote) li.append(el('blockquote', { class: 'quote' }, `“${r.quote}”`));
  return li;
}

async function start(form: HTMLFormElement): Promise<void> {
  const src = form.dataset['queueSrc'];
  const policyBase = form.dataset['policyBase'] ?? '/policies/';
  const list = document.getElementById('queue-list');
  const count = document.getElementById('queue-count');
  const more = document.getElementById('queue-more');
  if (!src || !list || !count || !more) return;
  const rows = (await (await fetch(src)).json()) as QueueRow[];
  const render = (shown: number): void => {
    const f = new FormData(form);
    const get = (k: string): string => String(f.get(k) ?? '');
    const matching = rows.filter(
      (r) =>
        (!get('localAuthority') || r.la === get('localAuthority')) &&
        (!get('trust') || r.trust === get('trust')) &&
        (!get('phase') || r.phase === get('phase')) &&
        (!get('kind') || r.kind === get('kind')) &&
        (!get('policy') || r.policyId === get('policy')),
    );
    list.replaceChildren(...matching.slice(0, shown).map((r) => item(r, policyBase)));
    const n = matching.length;
    const one = get('policy') ? rows.find((r) => r.policyId === get('policy')) : undefined;
    const figure =
      n === 0
        ? `Nothing to check among these filters (${rows.length.toLocaleString('en-GB')} in the whole queue).`
        : `${n.toLocaleString('en-GB')} of ${rows.length.toLocaleString('en-GB')} ${rows.length === 1 ? 'cell' : 'cells'} to check${n > shown ? `; showing the first ${shown}` : ''}.`;
    count.textContent = one ? `${figure} Only ${one.school}, ${one.title}.` : figure;
    more.hidden = n <= shown;
  };
  wireFilterForm(form, more, PAGE, render);
}

const form = document.querySelector<HTMLFormElement>('form.queue-filters');
if (form) void start(form);
