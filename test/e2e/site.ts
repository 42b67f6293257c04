/**
 * Shared browser-test helpers: the built site (from globalSetup when registered, else built here), Debian's
 * Chromium through playwright-core, and a page opener that records console errors and every request URL.
 */
import { inject } from 'vitest';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { buildSite, buildHostileSite, SITE_DIR, HOSTILE_SITE_DIR, BASE_PATH, ROOT } from './build-site.ts';
import { serveStatic } from './server.ts';

export const SCREENSHOTS = join(ROOT, 'test/output/screenshots');
const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface Site {
  url: string;
  base: string;
  /** Folder the site was built into. */
  dir: string;
  browser: Browser;
  close: () => Promise<void>;
}

/** The main site (real analysis of content/), from globalSetup when registered, else built and served here. */
export function startSite(): Promise<Site> {
  return start('siteUrl', SITE_DIR, buildSite);
}

/** The site built from test/fixtures/hostile, from globalSetup when registered, else built and served here. */
export function startHostileSite(): Promise<Site> {
  return start('hostileUrl', HOSTILE_SITE_DIR, buildHostileSite);
}

async function start(key: 'siteUrl' | 'hostileUrl', dir: string, build: () => void): Promise<Site> {
  let url: string | undefined;
  try {
    url = inject(key);
  } catch {
    url = undefined;
  }
  let stop = async (): Promise<void> => {};
  if (!url) {
    build();
    const server = await serveStatic(dir, BASE_PATH);
    url = server.url;
    stop = server.close;
  }
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    url,
    base: BASE_PATH,
    dir,
    browser,
    close: async () => {
      await browser.close();
      await stop();
    },
  };
}

export interface Visit {
  page: Page;
  context: BrowserContext;
  consoleErrors: string[];
  requests: string[];
}

/** Opens `path` (relative to the site base, e.g. `policies/`) and records what the page does. */
export async function visit(site: Site, path: string, options: { javaScript?: boolean } = {}): Promise<Visit> {
  const context = await site.browser.newContext({ javaScriptEnabled: options.javaScript ?? true, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(new URL(path, site.url).toString(), { waitUntil: 'networkidle' });
  return { page, context, consoleErrors, requests };
}

/** Runs axe-core (WCAG 2.0–2.2 A/AA rules) in the page; returns violations as readable strings. */
export async function axe(page: Page): Promise<string[]> {
  // Evaluated over the DevTools protocol: the site's CSP (no inline scripts) would block an injected <script>.
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const w = window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: { id: string; help: string; nodes: { target: unknown }[] }[] }> } };
    const r = await w.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
    return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}×, e.g. ${JSON.stringify(v.nodes[0]?.target)})`);
  });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  const file = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Requests that left 127.0.0.1 (data: and blob: URLs are local). */
export function external(requests: string[]): string[] {
  return requests.filter((u) => !/^(data|blob):/.test(u) && new URL(u).hostname !== '127.0.0.1');
}

export interface Weight {
  html: number;
  css: number;
  /** Site JavaScript, excluding pagefind's own files. */
  js: number;
  pagefind: number;
  other: number;
}

/** Bytes (uncompressed, as built) of every same-site file a page requested, by kind. */
export function pageWeight(site: Site, requests: string[]): Weight {
  const w: Weight = { html: 0, css: 0, js: 0, pagefind: 0, other: 0 };
  const seen = new Set<string>();
  for (const u of requests) {
    const url = new URL(u);
    if (url.hostname !== '127.0.0.1' || seen.has(url.pathname)) continue;
    seen.add(url.pathname);
    let file = join(site.dir, decodeURIComponent(url.pathname).slice(site.base.length));
    if (url.pathname.endsWith('/')) file = join(file, 'index.html');
    if (!existsSync(file)) continue;
    const size = statSync(file).size;
    if (url.pathname.includes('/pagefind/')) w.pagefind += size;
    else if (file.endsWith('.html')) w.html += size;
    else if (file.endsWith('.css')) w.css += size;
    else if (file.endsWith('.js')) w.js += size;
    else w.other += size;
  }
  return w;
}
