/**
 * Client-side comparison of two policies: fetch both per-policy JSON files, line clauses up by clause type
 * (best word-overlap pairs within a type), and show a word-level diff. Reads ?a=&b= so links can be shared.
 */
import { diffWords } from 'diff';
import type { PolicyDetail, DatasetClause } from '../site/types.ts';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, attrs: Record<string, string> = {}): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

const words = (s: string): Set<string> => new Set(s.toLowerCase().match(/[a-z0-9']+/g) ?? []);
function overlap(a: string, b: string): number {
  const wa = words(a);
  const wb = words(b);
  let n = 0;
  for (const w of wa) if (wb.has(w)) n++;
  return n / Math.max(1, wa.size + wb.size - n);
}

/** Pairs clauses of one type greedily by word overlap; leftovers are paired with nothing. */
function pair(left: string[], right: string[]): [string | null, string | null][] {
  const pairs: [string | null, string | null][] = [];
  const usedR = new Set<number>();
  for (const l of left) {
    let best = -1;
    let score = 0.15;
    right.forEach((r, j) => {
      const s = overlap(l, r);
      if (!usedR.has(j) && s > score) {
        score = s;
        best = j;
      }
    });
    if (best >= 0) usedR.add(best);
    pairs.push([l, best >= 0 ? (right[best] ?? null) : null]);
  }
  right.forEach((r, j) => {
    if (!usedR.has(j)) pairs.push([null, r]);
  });
  return pairs;
}

function byType(d: PolicyDetail): Map<string, string[]> {
  const m = new Map<string, string[]>();
  const seen = new Set<string>();
  const add = (key: string, c: DatasetClause): void => {
    if (seen.has(`${key}|${c.id}`)) return;
    seen.add(`${key}|${c.id}`);
    const text = c.text || (d.text ?? '').slice(c.start, c.end);
    if (!text) return;
    const list = m.get(key) ?? [];
    list.push(text);
    m.set(key, list);
  };
  for (const c of d.clauses) {
    const primary = [...c.labels].sort((x, y) => y.confidence - x.confidence)[0];
    add(primary?.typeId ?? '', c);
  }
  return m;
}

/** "School – title (approved date)": two versions of one school's policy differ by title or date. */
function nameOf(d: PolicyDetail): string {
  const s = d.summary;
  return `${s.school ?? s.schoolId} – ${s.title ?? 'Untitled policy'}${s.approved ? ` (${s.approved})` : ''}`;
}

function diffCell(a: string | null, b: string | null): HTMLTableCellElement {
  const td = el('td');
  if (a === null || b === null) {
    td.append(el('span', a === null ? 'Only in the second policy' : 'Only in the first policy', { class: 'same' }));
    return td;
  }
  if (a === b) {
    td.append(el('span', 'Same wording', { class: 'same' }));
    return td;
  }
  for (const part of diffWords(a, b)) {
    if (part.added || part.removed) {
      const node = el(part.added ? 'ins' : 'del');
      node.append(el('span', part.added ? '[added: ' : '[removed: ', { class: 'vh' }), part.value, el('span', ']', { class: 'vh' }));
      td.append(node);
    } else td.append(part.value);
  }
  return td;
}

async function run(form: HTMLFormElement): Promise<void> {
  const params = new URLSearchParams(window.location.search);
  const a = params.get('a');
  const b = params.get('b');
  for (const k of ['a', 'b']) {
    const field = form.elements.namedItem(k);
    const v = params.get(k);
    if (v && (field instanceof HTMLSelectElement || field instanceof HTMLInputElement)) field.value = v;
  }
  if (!a || !b) return;
  const status = document.getElementById('compare-status');
  const out = document.getElementById('compare-result');
  const base = form.dataset.jsonBase ?? '/data/policies/';
  if (!status || !out) return;
  status.textContent = 'Loading both policies…';
  try {
    const load = async (id: string): Promise<PolicyDetail> => {
      const res = await fetch(`${base}${encodeURIComponent(id)}.json`);
      if (!res.ok) throw new Error(`No policy with the identifier “${id}”.`);
      return (await res.json()) as PolicyDetail;
    };
    const types = JSON.parse(form.dataset.types ?? '[]') as [string, string][];
    const [pa, pb] = await Promise.all([load(a), load(b)]);
    const ta = byType(pa);
    const tb = byType(pb);
    const order = [...types.map(([id]) => id), ''];
    const titles = new Map(types);
    const nameA = nameOf(pa);
    const nameB = nameOf(pb);
    const table = el('table');
    table.append(el('caption', `${nameA} compared with ${nameB}, clause type by clause type`));
    const head = el('thead');
    const hr = el('tr');
    hr.append(el('th', nameA, { scope: 'col' }), el('th', nameB, { scope: 'col' }), el('th', 'Differences', { scope: 'col' }));
    head.append(hr);
    table.append(head);
    let rows = 0;
    let same = 0;
    for (const typeId of order) {
      const left = ta.get(typeId) ?? [];
      const right = tb.get(typeId) ?? [];
      if (left.length === 0 && right.length === 0) continue;
      const body = el('tbody');
      const th = el('th', typeId ? (titles.get(typeId) ?? typeId) : 'Not classified', { scope: 'colgroup', colspan: '3' });
      const tr = el('tr');
      tr.append(th);
      body.append(tr);
      for (const [l, r] of pair(left, right)) {
        const row = el('tr');
        row.append(el('td', l ?? '—'), el('td', r ?? '—'), diffCell(l, r));
        body.append(row);
        rows++;
        if (l !== null && l === r) same++;
      }
      table.append(body);
    }
    const version = [pa, pb].find((p) => p.version && (p.version.previousId === pa.summary.id || p.version.previousId === pb.summary.id))?.version;
    const intro = el('p', version ? `Two versions of one school's policy. ${version.summary}` : '');
    out.replaceChildren(...(version ? [intro] : []), table);
    status.textContent = `${rows} rows compared; ${same} have the same wording.`;
  } catch (err) {
    status.textContent = err instanceof Error ? err.message : 'The comparison could not be loaded.';
  }
}

const form = document.querySelector<HTMLFormElement>('form.compare-form');
if (form) void run(form);
