/**
 * Site search on pagefind's own API (pagefind.js from the site's /pagefind/ folder, under the base path), driving
 * the page's plain form. pagefind's ready-made UI is not used: it is a 126 kB script, and it preloads index chunks
 * on every keystroke, so typing a name letter by letter fetched the big chunks for "a", "as", "ash"… — a first
 * search cost up to 320 kB (gzipped) on a 1,000-policy site. Here a search runs once typing pauses, and only the
 * first page of results fetches its fragments; "Show more results" fetches the next page.
 * Without JavaScript the form submits ?q= and the page explains how to browse instead.
 */

interface SubResult {
  title: string;
  url: string;
  excerpt: string;
  locations?: number[];
}
interface ResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  sub_results?: SubResult[];
}
interface SearchHit {
  id: string;
  data: () => Promise<ResultData>;
}
interface SearchResponse {
  results: SearchHit[];
}
/** The part of pagefind.js (1.x) used here. */
interface Pagefind {
  init: () => Promise<void>;
  search: (term: string, options?: { filters?: Record<string, string> }) => Promise<SearchResponse | null>;
  filters: () => Promise<Record<string, Record<string, number>>>;
}

/** Results whose fragments are fetched at once; each fragment is a few kB to a few tens of kB. */
const PAGE_SIZE = 5;
/** Sub-results (matching sections of a page) shown under each result. */
const SUB_RESULTS = 3;
/** Wait for typing to pause this long before searching. */
const DEBOUNCE_MS = 300;
/** Shorter terms match most of the index (pagefind matches the last word as a prefix), so wait for more letters. */
const MIN_LENGTH = 2;

/**
 * pagefind's excerpts are HTML: the page text, escaped, with <mark> around matches. Rebuild them from text and
 * <mark> only, so nothing else in an excerpt can ever become markup.
 */
function excerptNodes(html: string): Node[] {
  const t = document.createElement('template');
  t.innerHTML = html;
  const out: Node[] = [];
  for (const n of t.content.childNodes) {
    const text = n.textContent ?? '';
    if (n.nodeName === 'MARK') {
      const m = document.createElement('mark');
      m.textContent = text;
      out.push(m);
    } else if (text) out.push(document.createTextNode(text));
  }
  return out;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  e.append(...children);
  return e;
}

function link(url: string, text: string): HTMLAnchorElement {
  const a = document.createElement('a');
  a.href = url;
  a.textContent = text;
  return a;
}

function renderResult(d: ResultData): HTMLLIElement {
  const title = d.meta.title ?? d.url;
  const li = el('li', 'pagefind-ui__result', el('h2', 'search-result-title', link(d.url, title)));
  const subs = d.sub_results ?? [];
  // When the first section is the page itself, its excerpt is the page's; the rest are sections within it.
  const pageFirst = subs[0]?.url === d.url;
  li.append(el('p', 'search-excerpt', ...excerptNodes(pageFirst ? (subs[0]?.excerpt ?? d.excerpt) : d.excerpt)));
  const sections = (pageFirst ? subs.slice(1) : subs)
    .map((s, i) => ({ s, i }))
    .sort((a, b) => (b.s.locations?.length ?? 0) - (a.s.locations?.length ?? 0) || a.i - b.i)
    .slice(0, SUB_RESULTS)
    .sort((a, b) => a.i - b.i);
  if (sections.length > 0) {
    const ul = el('ul', 'search-sections');
    for (const { s } of sections) ul.append(el('li', '', link(s.url, s.title), el('p', 'search-excerpt', ...excerptNodes(s.excerpt))));
    li.append(ul);
  }
  return li;
}

/**
 * What the status line says after a search. `policies` is how many of the results are policies (null when the
 * "Show" filter chose a type): a search for a school that is not in the collection must say so plainly, even when
 * a guide page happens to mention the words.
 */
export function statusText(term: string, n: number, policies: number | null): string {
  const results = (k: number): string => `${k.toLocaleString('en-GB')} ${k === 1 ? 'result' : 'results'}`;
  if (n === 0) return `Nothing found for “${term}”.`;
  if (policies === 0) return `No policy matches “${term}”. ${results(n)} on other pages:`;
  if (policies === null || policies === n) return `${results(n)} for “${term}”.`;
  return `${results(n)} for “${term}”: ${policies.toLocaleString('en-GB')} ${policies === 1 ? 'policy' : 'policies'} first, then other pages.`;
}

function start(host: HTMLElement, form: HTMLFormElement, input: HTMLInputElement): void {
  const bundle = host.dataset.bundle ?? '/pagefind/';
  const status = el('p', 'pagefind-ui__message');
  status.setAttribute('role', 'status');
  const list = el('ol', 'search-results');
  const more = el('button', 'search-more', 'Show more results');
  more.type = 'button';
  more.hidden = true;
  host.append(status, list, more);

  async function open(): Promise<Pagefind | null> {
    try {
      const pf = (await import(/* @vite-ignore */ `${bundle}pagefind.js`)) as Pagefind;
      await pf.init();
      void addTypeFilter(pf);
      return pf;
    } catch {
      status.textContent = 'Search is not available: the search index was not built.';
      return null;
    }
  }
  let loading: Promise<Pagefind | null> | null = null;
  const load = (): Promise<Pagefind | null> => (loading ??= open());

  let select: HTMLSelectElement | null = null;
  /** A "Show" choice from pagefind's `type` filter (Policy, Clause type, Guide), when the index has one. */
  async function addTypeFilter(pf: Pagefind): Promise<void> {
    const values = Object.entries((await pf.filters()).type ?? {}).filter(([, n]) => n > 0);
    if (values.length < 2) return;
    select = document.createElement('select');
    select.id = 'search-type';
    select.append(new Option('Everything', ''));
    for (const [v, n] of values.sort((a, b) => a[0].localeCompare(b[0]))) select.append(new Option(`${v} (${n.toLocaleString('en-GB')})`, v));
    const label = el('label', '', 'Show');
    label.htmlFor = 'search-type';
    form.append(el('div', 'search-filter', label, select));
    select.addEventListener('change', () => void run());
  }

  let generation = 0;
  let hits: SearchHit[] = [];
  let shown = 0;

  async function showMore(gen: number): Promise<void> {
    const page = await Promise.all(hits.slice(shown, shown + PAGE_SIZE).map((h) => h.data()));
    if (gen !== generation) return;
    for (const d of page) list.append(renderResult(d));
    shown += page.length;
    more.hidden = shown >= hits.length;
  }

  async function run(): Promise<void> {
    const term = input.value.trim();
    const gen = ++generation;
    const url = new URL(window.location.href);
    if (term) url.searchParams.set('q', term);
    else url.searchParams.delete('q');
    history.replaceState(null, '', url);
    if (term.length < MIN_LENGTH) {
      list.replaceChildren();
      more.hidden = true;
      status.textContent = term ? `Type at least ${MIN_LENGTH} letters to search.` : '';
      return;
    }
    const pf = await load();
    if (!pf || gen !== generation) return;
    status.textContent = 'Searching…';
    const type = select?.value;
    const found = await ranked(pf, term, type);
    if (!found || gen !== generation) return;
    // Several words: prefer pages that have them together ("St Mary"), not pages that merely mention each word.
    const words = term.split(/\s+/).filter(Boolean);
    const phrase = words.length > 1 && !term.includes('"') ? await ranked(pf, `"${term}"`, type) : null;
    if (gen !== generation) return;
    const chosen = phrase && phrase.hits.length > 0 ? phrase : found;
    hits = chosen.hits;
    shown = 0;
    list.replaceChildren();
    status.textContent = statusText(term, hits.length, type ? null : chosen.policies);
    await showMore(gen);
  }

  let timer: ReturnType<typeof setTimeout> | undefined;

  /**
   * Policies first, then everything else, each in pagefind's own order: a word that occurs in policies should
   * lead to the policies before the clause-type and guide pages that explain it. With a "Show" choice, that type.
   */
  async function ranked(pf: Pagefind, term: string, type: string | undefined): Promise<{ hits: SearchHit[]; policies: number } | null> {
    if (type) {
      const r = await pf.search(term, { filters: { type } });
      return r ? { hits: r.results, policies: type === 'Policy' ? r.results.length : 0 } : null;
    }
    const [policies, all] = await Promise.all([pf.search(term, { filters: { type: 'Policy' } }), pf.search(term)]);
    if (!policies || !all) return null;
    const policyIds = new Set(policies.results.map((h) => h.id));
    return { hits: [...policies.results, ...all.results.filter((h) => !policyIds.has(h.id))], policies: policies.results.length };
  }
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), DEBOUNCE_MS);
  });
  // Fetch pagefind's script, wasm and metadata while the person is still typing their first word.
  input.addEventListener('focus', () => void load(), { once: true });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    clearTimeout(timer);
    void run();
  });
  more.addEventListener('click', () => void showMore(generation));

  const q = new URLSearchParams(window.location.search).get('q');
  if (q) {
    input.value = q;
    void run();
  }
}

const host = document.getElementById('search');
const form = document.querySelector<HTMLFormElement>('form.search-fallback');
const input = form?.querySelector<HTMLInputElement>('input[name="q"]');
if (host && form && input) start(host, form, input);

export {};
