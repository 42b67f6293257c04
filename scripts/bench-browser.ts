/**
 * Browser-side figures for issue 7, measured in Chromium on a built site (any size, any base path):
 *
 *   npx tsx scripts/bench-browser.ts --site DIR [--base /] [--label NAME] [--common password] [--rare WORD]
 *                                    [--runs 3] [--cpu-throttle 1]
 *
 *   search     bytes fetched by a first search on /search/ (fresh browser cache), split into the page load and
 *              what the search itself fetched, by resource type. The word is typed key by key like a person
 *              (pagefind preloads index chunks on every keystroke), once for a common word and once for a rare one.
 *   dashboard  JavaScript the dashboard (/) ships, excluding pagefind; its longest main-thread task while loading
 *              and drawing the heatmap ('longtask', which leaves out style/layout/paint, and 'long-animation-frame',
 *              which includes them: a big table's layout shows only in the second); and the time until the heatmap
 *              is on screen.
 *
 * The local server does not compress, so `raw` is what crossed the wire here. `gz` is what a host that gzips
 * would send: gzip level 6 of each body, or the raw size when that is smaller (pagefind's index, fragments and
 * wasm are already gzipped on disk). Prints a Markdown table; writes test/output/bench-browser-<label>.json.
 * Numbers, not assertions: targets are compared in docs/benchmarks.md. Byte counts are exact and repeatable;
 * times depend on the machine and its load.
 */
import { mkdirSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext, type Page, type Request } from 'playwright-core';
import { serveStatic } from '../test/e2e/server.ts';

const ROOT = resolve(import.meta.dirname, '..');

/** Resource kinds a page fetches; pagefind's own files have their own kinds. */
export type Kind = 'html' | 'css' | 'js' | 'pagefind-js' | 'wasm' | 'pf_meta' | 'pf_index' | 'pf_fragment' | 'pf_filter' | 'json' | 'other';

export interface Fetched {
  url: string;
  kind: Kind;
  status: number;
  /** Body bytes as served (this server does not compress, so also the bytes on the wire). */
  raw: number;
  /** Bytes a gzipping host would send: min(raw, gzip -6 of the body). */
  gz: number;
}

export interface Bytes {
  requests: number;
  raw: number;
  gz: number;
  byKind: Partial<Record<Kind, { requests: number; raw: number; gz: number }>>;
}

export interface SearchRun {
  query: string;
  /** Results pagefind reported ("N results for …"), when its message could be read. */
  results: number | null;
  /** Milliseconds from the first keystroke until the results stopped changing and the network was quiet. */
  ms: number;
  pageLoad: Bytes;
  /** Everything fetched after the search page had loaded: the first-search cost. */
  search: Bytes;
  files: Fetched[];
}

export interface DashboardRun {
  /** JavaScript the page fetched, pagefind excluded. */
  js: Bytes;
  /** Everything the page fetched. */
  all: Bytes;
  /** Longest main-thread task (PerformanceObserver 'longtask', so only tasks over 50 ms are seen; 0 = none). */
  longestTaskMs: number;
  /**
   * Longest animation frame ('long-animation-frame': script AND the style, layout and paint of that frame, which
   * 'longtask' entries leave out; only frames over 50 ms are seen; null = the browser does not report them).
   */
  longestFrameMs: number | null;
  /** Sum over long tasks of (duration − 50 ms). */
  totalBlockingMs: number;
  longTasks: number;
  /** Milliseconds from navigation start until the canvas heatmap was on screen (two frames after it was appended); null = no canvas. */
  heatmapMs: number | null;
  /** 'canvas' when the client drew the overview, 'table' when the grid was small enough to stay a table. */
  heatmap: 'canvas' | 'table' | 'none';
  domContentLoadedMs: number;
  loadMs: number;
}

export interface BrowserBenchResult {
  label: string;
  site: string;
  base: string;
  policies: number;
  cpuThrottle: number;
  search: { common: SearchRun; rare: SearchRun };
  dashboard: {
    runs: DashboardRun[];
    js: Bytes;
    /** Medians over the runs. */
    longestTaskMs: number;
    longestFrameMs: number | null;
    totalBlockingMs: number;
    heatmapMs: number | null;
    heatmap: DashboardRun['heatmap'];
  };
}

export interface BrowserBenchOptions {
  site: string;
  base?: string;
  label?: string;
  common?: string;
  rare?: string;
  runs?: number;
  cpuThrottle?: number;
}

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

function kindOf(url: string, contentType: string): Kind {
  const path = new URL(url).pathname;
  const inPagefind = path.includes('/pagefind/');
  if (path.endsWith('.pf_meta')) return 'pf_meta';
  if (path.endsWith('.pf_index')) return 'pf_index';
  if (path.endsWith('.pf_fragment')) return 'pf_fragment';
  if (path.endsWith('.pf_filter')) return 'pf_filter';
  if (path.endsWith('.pagefind') || path.endsWith('.wasm')) return 'wasm';
  if (/\.m?js$/.test(path)) return inPagefind ? 'pagefind-js' : 'js';
  if (path.endsWith('.css')) return 'css';
  if (path.endsWith('.json')) return 'json';
  if (path.endsWith('/') || path.endsWith('.html') || contentType.startsWith('text/html')) return 'html';
  return 'other';
}

function sum(files: Fetched[]): Bytes {
  const b: Bytes = { requests: 0, raw: 0, gz: 0, byKind: {} };
  for (const f of files) {
    b.requests += 1;
    b.raw += f.raw;
    b.gz += f.gz;
    const k = (b.byKind[f.kind] ??= { requests: 0, raw: 0, gz: 0 });
    k.requests += 1;
    k.raw += f.raw;
    k.gz += f.gz;
  }
  return b;
}

/**
 * Records every response of a browser context (pages and their workers) with the phase it was requested in, and
 * tracks requests in flight so a caller can wait for the network to go quiet.
 */
class Recorder {
  phase = 'load';
  private readonly pending = new Set<Request>();
  /** Phase each request was made in (it may finish in the next one). */
  private readonly phaseOf = new WeakMap<Request, string>();
  private readonly bodies: Promise<(Fetched & { phase: string }) | null>[] = [];
  private lastActivity = performance.now();

  constructor(context: BrowserContext) {
    context.on('request', (r) => {
      this.pending.add(r);
      this.phaseOf.set(r, this.phase);
      this.lastActivity = performance.now();
    });
    context.on('requestfailed', (r) => this.done(r));
    context.on('requestfinished', (r) => {
      this.bodies.push(this.measure(r, this.phaseOf.get(r) ?? this.phase));
      this.done(r);
    });
  }

  private done(r: Request): void {
    this.pending.delete(r);
    this.lastActivity = performance.now();
  }

  private async measure(r: Request, phase: string): Promise<(Fetched & { phase: string }) | null> {
    const url = r.url();
    if (!/^https?:/.test(url)) return null;
    const res = await r.response();
    if (!res) return null;
    let body: Buffer;
    try {
      body = await res.body();
    } catch {
      return null; // redirects have no body
    }
    const encoded = res.headers()['content-encoding'];
    const gz = encoded ? body.length : Math.min(body.length, gzipSync(body, { level: 6 }).length);
    const sizes = await r.sizes().catch(() => null);
    const raw = encoded && sizes ? sizes.responseBodySize : body.length;
    return { url, kind: kindOf(url, res.headers()['content-type'] ?? ''), status: res.status(), raw, gz: encoded ? raw : gz, phase };
  }

  /** Resolves once nothing has been in flight for `quietMs` (or after `timeoutMs`). */
  async quiet(quietMs = 600, timeoutMs = 30_000): Promise<void> {
    const start = performance.now();
    for (;;) {
      const now = performance.now();
      if (this.pending.size === 0 && now - this.lastActivity >= quietMs) return;
      if (now - start > timeoutMs) return;
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async files(): Promise<(Fetched & { phase: string })[]> {
    return (await Promise.all(this.bodies)).filter((f): f is Fetched & { phase: string } => f !== null);
  }
}

async function newContext(browser: Browser, cpuThrottle: number): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  if (cpuThrottle > 1) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuThrottle });
  }
  return { context, page };
}

/** A first search on a cold cache: load /search/, then type `query` key by key and wait for results to settle. */
async function firstSearch(browser: Browser, url: string, query: string, cpuThrottle: number): Promise<SearchRun> {
  const { context, page } = await newContext(browser, cpuThrottle);
  const rec = new Recorder(context);
  await page.goto(new URL('search/', url).toString(), { waitUntil: 'load' });
  // The search field: the page's own form, or an input a search widget put inside #search.
  const input = page.locator('main input[type="search"]:visible, #search input:visible').first();
  await input.waitFor({ state: 'visible', timeout: 15_000 });
  await rec.quiet();
  rec.phase = 'search';
  const t0 = performance.now();
  await input.click();
  await input.pressSequentially(query, { delay: 120 });
  // Results appear, then pagefind fills each result's excerpt from its fragment: wait for the message and quiet.
  await page
    .waitForFunction(() => /result/i.test(document.querySelector('.pagefind-ui__message')?.textContent ?? ''), null, { timeout: 60_000 })
    .catch(() => undefined);
  await rec.quiet(800);
  const ms = performance.now() - t0;
  const message = (await page.locator('.pagefind-ui__message').first().textContent().catch(() => null)) ?? '';
  const m = /([\d,]+)\s+result/.exec(message);
  const files = await rec.files();
  await context.close();
  const strip = (list: typeof files): Fetched[] => list.map(({ phase: _, ...f }) => f);
  return {
    query,
    results: m?.[1] ? Number(m[1].replace(/,/g, '')) : /no results/i.test(message) ? 0 : null,
    ms: Math.round(ms),
    pageLoad: sum(strip(files.filter((f) => f.phase === 'load'))),
    search: sum(strip(files.filter((f) => f.phase === 'search'))),
    files: strip(files.filter((f) => f.phase === 'search')),
  };
}

/** Long tasks and the moment the heatmap canvas reaches the screen, recorded from inside the page. */
const OBSERVE = `(() => {
  const b = (window.__bench = { longTasks: [], frames: PerformanceObserver.supportedEntryTypes.includes('long-animation-frame') ? [] : null, heatmapMs: null });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
    if (b.frames) new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.frames.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {}
  const seen = () => {
    if (b.heatmapMs !== null || !document.querySelector('.heatmap-canvas canvas')) return false;
    // The frame after the canvas is appended is the first one that can show it.
    requestAnimationFrame(() => requestAnimationFrame(() => { b.heatmapMs = performance.now(); }));
    return true;
  };
  new MutationObserver((_, mo) => { if (seen()) mo.disconnect(); }).observe(document, { childList: true, subtree: true });
})();`;

async function dashboardOnce(browser: Browser, url: string, cpuThrottle: number): Promise<DashboardRun> {
  const { context, page } = await newContext(browser, cpuThrottle);
  const rec = new Recorder(context);
  await page.addInitScript(OBSERVE);
  await page.goto(url, { waitUntil: 'load' });
  await rec.quiet(1000);
  const state = await page.evaluate(() => {
    type Entry = { start: number; duration: number };
    const w = window as unknown as { __bench: { longTasks: Entry[]; frames: Entry[] | null; heatmapMs: number | null } };
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    const fig = document.querySelector('figure.heatmap');
    return {
      ...w.__bench,
      heatmap: fig ? (fig.querySelector('.heatmap-canvas canvas') ? 'canvas' : 'table') : 'none',
      dcl: nav?.domContentLoadedEventEnd ?? 0,
      load: nav?.loadEventEnd ?? 0,
    } as const;
  });
  const files = await rec.files();
  await context.close();
  const all = files.map(({ phase: _, ...f }) => f);
  const durations = state.longTasks.map((t) => t.duration);
  return {
    js: sum(all.filter((f) => f.kind === 'js')),
    all: sum(all),
    longestTaskMs: Math.round(Math.max(0, ...durations)),
    longestFrameMs: state.frames === null ? null : Math.round(Math.max(0, ...state.frames.map((f) => f.duration))),
    totalBlockingMs: Math.round(durations.reduce((s, d) => s + Math.max(0, d - 50), 0)),
    longTasks: durations.length,
    heatmapMs: state.heatmapMs === null ? null : Math.round(state.heatmapMs),
    heatmap: state.heatmap,
    domContentLoadedMs: Math.round(state.dcl),
    loadMs: Math.round(state.load),
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length === 0 ? 0 : s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

function policyDirs(site: string): string[] {
  const dir = join(site, 'policies');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !/^\d+$/.test(d.name) && d.name !== 'page')
    .map((d) => d.name)
    .sort();
}

/**
 * A word that names one school: of the words in the school part of the policy slugs, the one in fewest slugs
 * (ties: the first alphabetically), skipping generic words like "primary". Falls back to a topic word.
 */
function rareWord(dirs: string[]): string {
  const GENERIC = new Set(['school', 'schools', 'primary', 'academy', 'secondary', 'college', 'church', 'england', 'catholic', 'infant', 'infants', 'junior', 'nursery', 'community', 'saints', 'federation', 'trust', 'policy', 'staff', 'acceptable']);
  const count = new Map<string, number>();
  for (const name of dirs) {
    const words = new Set((name.split('--')[0] ?? '').split('-').filter((w) => w.length >= 6 && !GENERIC.has(w) && !/\d/.test(w)));
    for (const w of words) count.set(w, (count.get(w) ?? 0) + 1);
  }
  const ranked = [...count].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]));
  return ranked[0]?.[0] ?? 'safeguarding';
}

export function defaultLabel(site: string): string {
  const abs = resolve(site);
  return basename(abs) === 'dist' ? basename(dirname(abs)) : basename(abs);
}

export async function benchBrowser(options: BrowserBenchOptions): Promise<BrowserBenchResult> {
  const site = resolve(options.site);
  const base = options.base ?? '/';
  const cpuThrottle = options.cpuThrottle ?? 1;
  const dirs = policyDirs(site);
  const server = await serveStatic(site, base);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const common = await firstSearch(browser, server.url, options.common ?? 'password', cpuThrottle);
    const rare = await firstSearch(browser, server.url, options.rare ?? rareWord(dirs), cpuThrottle);
    const runs: DashboardRun[] = [];
    for (let i = 0; i < (options.runs ?? 3); i++) runs.push(await dashboardOnce(browser, server.url, cpuThrottle));
    const heat = runs.map((r) => r.heatmapMs).filter((x): x is number => x !== null);
    return {
      label: options.label ?? defaultLabel(site),
      site,
      base,
      policies: dirs.length,
      cpuThrottle,
      search: { common, rare },
      dashboard: {
        runs,
        js: runs[0]?.js ?? sum([]),
        longestTaskMs: Math.round(median(runs.map((r) => r.longestTaskMs))),
        longestFrameMs: runs.some((r) => r.longestFrameMs === null) ? null : Math.round(median(runs.map((r) => r.longestFrameMs ?? 0))),
        totalBlockingMs: Math.round(median(runs.map((r) => r.totalBlockingMs))),
        heatmapMs: heat.length > 0 ? Math.round(median(heat)) : null,
        heatmap: runs[0]?.heatmap ?? 'none',
      },
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

const kb = (n: number): string => `${(n / 1024).toFixed(1)}`;

/** The figures as Markdown: one summary table, then first-search bytes by resource type. */
export function browserTable(r: BrowserBenchResult): string {
  const { common, rare } = r.search;
  const d = r.dashboard;
  const lines = [
    `Site ${r.site} (${r.policies} policy pages), CPU throttle ${r.cpuThrottle}×. kB = 1024 bytes; gz = as a gzipping host would send it.`,
    '',
    '| measure | raw kB | gz kB | requests | time |',
    '|---|---|---|---|---|',
    `| /search/ page load | ${kb(common.pageLoad.raw)} | ${kb(common.pageLoad.gz)} | ${common.pageLoad.requests} | |`,
    `| first search "${common.query}" (${common.results ?? '?'} results) | ${kb(common.search.raw)} | ${kb(common.search.gz)} | ${common.search.requests} | ${common.ms} ms |`,
    `| first search "${rare.query}" (${rare.results ?? '?'} results) | ${kb(rare.search.raw)} | ${kb(rare.search.gz)} | ${rare.search.requests} | ${rare.ms} ms |`,
    `| page load + first search "${common.query}" | ${kb(common.pageLoad.raw + common.search.raw)} | ${kb(common.pageLoad.gz + common.search.gz)} | ${common.pageLoad.requests + common.search.requests} | |`,
    `| page load + first search "${rare.query}" | ${kb(rare.pageLoad.raw + rare.search.raw)} | ${kb(rare.pageLoad.gz + rare.search.gz)} | ${rare.pageLoad.requests + rare.search.requests} | |`,
    `| dashboard JavaScript (pagefind excluded) | ${kb(d.js.raw)} | ${kb(d.js.gz)} | ${d.js.requests} | |`,
    `| dashboard everything | ${kb(d.runs[0]?.all.raw ?? 0)} | ${kb(d.runs[0]?.all.gz ?? 0)} | ${d.runs[0]?.all.requests ?? 0} | |`,
    `| dashboard longest task / total blocking (median of ${d.runs.length}) | | | | ${d.longestTaskMs} ms / ${d.totalBlockingMs} ms |`,
    `| dashboard longest animation frame, rendering included (median of ${d.runs.length}) | | | | ${d.longestFrameMs === null ? '–' : `${d.longestFrameMs} ms`} |`,
    `| dashboard heatmap on screen (${d.heatmap}) | | | | ${d.heatmapMs === null ? '–' : `${d.heatmapMs} ms`} |`,
    '',
    '| first search: resource type | "' + common.query + '" raw kB | gz kB | n | "' + rare.query + '" raw kB | gz kB | n |',
    '|---|---|---|---|---|---|---|',
  ];
  const kinds = [...new Set([...Object.keys(common.search.byKind), ...Object.keys(rare.search.byKind)])].sort() as Kind[];
  for (const k of kinds) {
    const a = common.search.byKind[k];
    const b = rare.search.byKind[k];
    lines.push(`| ${k} | ${kb(a?.raw ?? 0)} | ${kb(a?.gz ?? 0)} | ${a?.requests ?? 0} | ${kb(b?.raw ?? 0)} | ${kb(b?.gz ?? 0)} | ${b?.requests ?? 0} |`);
  }
  return lines.join('\n');
}

export function writeBrowserResult(r: BrowserBenchResult): string {
  mkdirSync(join(ROOT, 'test/output'), { recursive: true });
  const file = join(ROOT, `test/output/bench-browser-${r.label}.json`);
  writeFileSync(file, `${JSON.stringify(r, null, 2)}\n`);
  return file;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      site: { type: 'string' },
      base: { type: 'string' },
      label: { type: 'string' },
      common: { type: 'string' },
      rare: { type: 'string' },
      runs: { type: 'string' },
      'cpu-throttle': { type: 'string' },
    },
    strict: true,
  });
  if (!values.site) throw new Error('usage: npx tsx scripts/bench-browser.ts --site DIR [--base /] [--label NAME] [--common WORD] [--rare WORD] [--runs 3] [--cpu-throttle 1]');
  const r = await benchBrowser({
    site: values.site,
    ...(values.base !== undefined ? { base: values.base } : {}),
    ...(values.label !== undefined ? { label: values.label } : {}),
    ...(values.common !== undefined ? { common: values.common } : {}),
    ...(values.rare !== undefined ? { rare: values.rare } : {}),
    ...(values.runs !== undefined ? { runs: Number(values.runs) } : {}),
    ...(values['cpu-throttle'] !== undefined ? { cpuThrottle: Number(values['cpu-throttle']) } : {}),
  });
  console.log(browserTable(r));
  console.log(`\nwrote ${writeBrowserResult(r)}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.stack ?? e.message : e);
    process.exit(1);
  });
}
