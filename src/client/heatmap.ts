/**
 * Progressive enhancement for <Heatmap>: when the server-rendered table is too big to scan (more cells than the
 * figure's data-threshold), draw it on a canvas with d3 scales and put the table in a disclosure. Patterns as
 * well as colours: present = solid, partial = hatched, stale = solid with a white dot, absent = outlined.
 * The canvas is a picture for sighted mouse users; the table stays the accessible version.
 */
import { scaleBand } from 'd3';

type State = 'present' | 'partial' | 'absent' | 'stale';
/** Cell classes written by Heatmap.astro: h-p, h-r, h-a, h-s. */
const BY_CLASS: Record<string, State> = { 'h-p': 'present', 'h-r': 'partial', 'h-a': 'absent', 'h-s': 'stale' };

function stateOf(td: Element): State {
  return BY_CLASS[td.className] ?? 'absent';
}

function enhance(fig: HTMLElement): void {
  const cells = Number(fig.dataset.cells ?? 0);
  const threshold = Number(fig.dataset.threshold ?? 2000);
  const table = fig.querySelector('table');
  const wrap = fig.querySelector<HTMLElement>('.heatmap-table');
  const host = fig.querySelector<HTMLElement>('.heatmap-canvas');
  if (!table || !wrap || !host || cells <= threshold) return;

  const typeIds = [...table.querySelectorAll<HTMLElement>('thead th.type-head')].map((th) => th.dataset.type ?? '');
  const spans = [...table.querySelectorAll('colgroup')].map((c) => Number(c.getAttribute('span') ?? 1));
  const rows = [...table.querySelectorAll<HTMLTableRowElement>('tbody tr')].map((tr) => ({
    link: tr.querySelector<HTMLAnchorElement>('th a'),
    states: [...tr.querySelectorAll('td[class^="h-"]')].map(stateOf),
  }));
  const css = getComputedStyle(document.documentElement);
  const colour = (name: string): string => css.getPropertyValue(name).trim() || '#000';
  const fill: Record<State, string> = {
    present: colour('--present'),
    partial: colour('--partial'),
    absent: colour('--absent'),
    stale: colour('--stale'),
  };

  const width = Math.max(320, Math.min(host.parentElement?.clientWidth ?? 900, 1200));
  const x = scaleBand<number>()
    .domain(typeIds.map((_, i) => i))
    .range([0, width])
    .paddingInner(0.08);
  const cell = x.bandwidth();
  const rowHeight = Math.max(3, Math.min(cell, 14));
  const y = scaleBand<number>()
    .domain(rows.map((_, i) => i))
    .range([0, rows.length * rowHeight])
    .paddingInner(rowHeight > 6 ? 0.08 : 0);
  const height = rows.length * rowHeight;

  const canvas = document.createElement('canvas');
  const ratio = window.devicePixelRatio || 1;
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  canvas.style.width = `${width}px`;
  canvas.style.height = `${height}px`;
  canvas.setAttribute('role', 'img');
  canvas.setAttribute(
    'aria-label',
    `Overview of ${rows.length} policies by ${typeIds.length} clause types. The same data is in the table below.`,
  );
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.scale(ratio, ratio);

  const h = y.bandwidth();
  rows.forEach((row, r) => {
    const top = y(r) ?? 0;
    row.states.forEach((s, c) => {
      const left = x(c) ?? 0;
      ctx.fillStyle = fill[s];
      ctx.fillRect(left, top, cell, h);
      if (s === 'absent' && cell >= 5) {
        ctx.strokeStyle = colour('--border');
        ctx.lineWidth = 1;
        ctx.strokeRect(left + 0.5, top + 0.5, cell - 1, h - 1);
      } else if (s === 'partial') {
        ctx.strokeStyle = colour('--text');
        ctx.lineWidth = 1;
        ctx.beginPath();
        ctx.moveTo(left, top + h);
        ctx.lineTo(left + cell, top);
        ctx.stroke();
      } else if (s === 'stale' && h >= 5) {
        ctx.fillStyle = '#fff';
        ctx.beginPath();
        ctx.arc(left + cell / 2, top + h / 2, Math.min(cell, h) / 5, 0, 2 * Math.PI);
        ctx.fill();
      }
    });
  });
  // Category boundaries, so the column groups stay visible.
  ctx.fillStyle = colour('--text');
  let col = 0;
  for (const span of spans.slice(0, -1)) {
    col += span;
    const edge = (x(col) ?? 0) - (x.step() - cell) / 2;
    ctx.fillRect(edge - 1, 0, 2, height);
  }

  const at = (ev: MouseEvent): { r: number; c: number } => {
    const box = canvas.getBoundingClientRect();
    return {
      c: Math.floor(((ev.clientX - box.left) / box.width) * typeIds.length),
      r: Math.floor(((ev.clientY - box.top) / box.height) * rows.length),
    };
  };
  canvas.addEventListener('mousemove', (ev) => {
    const { r, c } = at(ev);
    const row = rows[r];
    const state = row?.states[c];
    canvas.title = row && state ? `${row.link?.textContent ?? ''} — ${typeIds[c] ?? ''}: ${state}` : '';
  });
  canvas.addEventListener('click', (ev) => {
    const { r, c } = at(ev);
    const link = rows[r]?.link;
    if (link) window.location.href = `${link.href}#type-${typeIds[c] ?? ''}`;
  });

  host.append(canvas);
  host.hidden = false;
  // A large grid arrives already folded away (laying out thousands of cells froze the page for half a second).
  if (wrap.closest('details')) return;
  const details = document.createElement('details');
  const summary = document.createElement('summary');
  summary.textContent = 'Show the same data as a table (keyboard and screen-reader friendly)';
  details.append(summary);
  wrap.replaceWith(details);
  details.append(wrap);
}

for (const fig of document.querySelectorAll<HTMLElement>('figure.heatmap')) enhance(fig);
