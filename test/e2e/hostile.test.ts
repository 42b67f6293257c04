/**
 * Hostile text: a policy carrying <script>, <img onerror>, javascript: links and attribute-breaking quotes, as
 * .txt, .md, .html, .docx and .pdf (test/fixtures/hostile), analysed for real and built into its own site by the
 * e2e global setup. Every page that shows the policies' words must show them as text: no dialog opens, none of
 * the payloads' markers is set, no element gains an event-handler attribute or a javascript: link, and the
 * payload text appears literally.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startHostileSite, visit, external, SCREENSHOTS, type Site } from './site.ts';
import { HOSTILE_DATA_DIR } from './build-site.ts';
import type { Dataset, PolicyDetail } from '../../src/pipeline/dataset.ts';

let site: Site;
let dataset: Dataset;
const detail = (id: string): PolicyDetail =>
  JSON.parse(readFileSync(join(HOSTILE_DATA_DIR, 'policies', `${id}.json`), 'utf8')) as PolicyDetail;

beforeAll(async () => {
  site = await startHostileSite();
  dataset = JSON.parse(readFileSync(join(HOSTILE_DATA_DIR, 'dataset.json'), 'utf8')) as Dataset;
});

afterAll(async () => {
  await site?.close();
});

/** Opens a page with JavaScript on, recording dialogs; returns what ran that should not have. */
async function open(path: string, ready?: string) {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const v = { page, context, dialogs };
  await page.goto(new URL(path, site.url).toString(), { waitUntil: 'networkidle' });
  if (ready) await page.waitForSelector(ready, { timeout: 15_000 });
  // Give any deferred handler (onload, onerror on a broken image) a moment to fire.
  await page.waitForTimeout(200);
  return v;
}

/** Evidence that a payload ran or was turned into markup. */
async function executed(page: Page): Promise<{ markers: string[]; handlers: string[]; jsLinks: number; foreignScripts: number }> {
  return page.evaluate(() => {
    const w = window as unknown as Record<string, unknown>;
    const markers = ['HOSTILE_SCRIPT_MARKER', '__pwned'].filter((k) => k in w);
    if (document.title === 'HOSTILE_SCRIPT_MARKER') markers.push('document.title');
    const handlers: string[] = [];
    for (const el of document.querySelectorAll('*')) {
      for (const a of el.getAttributeNames()) if (a.startsWith('on')) handlers.push(`${el.tagName.toLowerCase()}[${a}]`);
    }
    const jsLinks = document.querySelectorAll('a[href^="javascript:" i], [src^="javascript:" i]').length;
    // The site's own scripts are external module files under the base path; anything else was injected.
    const foreignScripts = [...document.scripts].filter((s) => !s.src || new URL(s.src).origin !== location.origin).length;
    return { markers, handlers, jsLinks, foreignScripts };
  });
}

describe('hostile policy text (browser)', () => {
  it('the hostile fixtures were all read', () => {
    expect(dataset.policies.length).toBe(5);
    expect(dataset.errors).toEqual([]);
  });

  it('every policy page shows the payloads as text and runs none of them', async () => {
    let literal = 0;
    for (const p of dataset.policies) {
      const v = await open(`policies/${p.id}/`);
      expect(v.dialogs, `dialogs on ${p.id}`).toEqual([]);
      expect(await executed(v.page), p.id).toEqual({ markers: [], handlers: [], jsLinks: 0, foreignScripts: 0 });
      const text = (await v.page.evaluate(() => document.querySelector('main')?.textContent)) ?? '';
      const source = detail(p.id).text ?? '';
      for (const payload of ['<script>', '<img src=x onerror=alert(1)>', '" onmouseover="alert(1)', '"><script>alert(1)</script>']) {
        if (source.includes(payload)) {
          expect(text, `${payload} on ${p.id}`).toContain(payload);
          literal++;
        }
      }
      // The top of the page is enough to see the result; full-page shots of five long pages are slow.
      await v.page.screenshot({ path: join(SCREENSHOTS, `hostile-${p.format}.png`) });
      await v.context.close();
    }
    // At least the plain-text version carries the payloads into the page.
    expect(literal).toBeGreaterThan(3);
  });

  it('dashboard, review, clause type and compare pages run none of the payloads', async () => {
    const [a, b] = dataset.policies;
    const pages: [string, string | undefined][] = [
      ['', undefined],
      ['policies/', undefined],
      ['review/', '#review-table tbody tr'],
      [`compare/?a=${a?.id ?? ''}&b=${b?.id ?? ''}`, '#compare-result table'],
      ...dataset.taxonomy.types.slice(0, 5).map((t): [string, undefined] => [`clauses/${t.id}/`, undefined]),
    ];
    for (const [path, ready] of pages) {
      const v = await open(path, ready);
      expect(v.dialogs, `dialogs on ${path}`).toEqual([]);
      expect(await executed(v.page), path).toEqual({ markers: [], handlers: [], jsLinks: 0, foreignScripts: 0 });
      await v.context.close();
    }
  });

  it('the compare page shows hostile clause text literally', async () => {
    const withPayload = dataset.policies.filter((p) => (detail(p.id).text ?? '').includes('<script>'));
    const [a, b] = withPayload;
    expect(b).toBeDefined();
    const v = await visit(site, `compare/?a=${a?.id ?? ''}&b=${b?.id ?? ''}`);
    await v.page.waitForSelector('#compare-result table');
    expect(await v.page.evaluate(() => document.getElementById('compare-result')?.textContent)).toContain('<script>');
    expect(external(v.requests)).toEqual([]);
    await v.page.screenshot({ path: join(SCREENSHOTS, 'hostile-compare.png') });
    await v.context.close();
  });
});
