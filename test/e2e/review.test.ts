/**
 * Issue 18: review in the browser, end to end in Chromium on the built site. On a policy page a reviewer corrects a
 * false gap ("It is here", selecting the words), rejects one label and confirms another; downloads the overrides
 * file; the site is rebuilt with it (the real CLI and astro build, into a temporary folder with a copy of content/);
 * the rebuilt policy page marks all three "checked by a reviewer", the gap is gone, the data-quality share moved and
 * the review queue is shorter. The queue, the panel and the "not found — check" state pass axe and print without
 * the controls; without JavaScript the page reads as before. Screenshots of the queue and the controls at 390 and
 * 1280 px go to test/output/screenshots/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { parse as parseYaml } from 'yaml';
import { startSite, visit, axe, screenshot, external, SCREENSHOTS, type Site } from './site.ts';
import { serveStatic, type StaticServer } from './server.ts';
import { AS_OF, BASE_PATH, ROOT, buildStep } from './build-site.ts';
import { parseOverrides } from '../../src/pipeline/run/overrides.ts';
import type { QueueRow } from '../../src/site/queue-data.ts';

const WORK = join(resolve(ROOT, process.env.E2E_BUILD_DIR ?? 'test/output'), 'review-rebuild');

let site: Site;
let rebuilt: StaticServer | null = null;
let queue: QueueRow[];

beforeAll(async () => {
  site = await startSite();
  queue = (await (await fetch(new URL('review/queue.json', site.url))).json()) as QueueRow[];
});

afterAll(async () => {
  await rebuilt?.close();
  await site.close();
});

/** The policy to review: the first in the queue with a "not found — check" gap and with automatic labels. */
function target(): { policyId: string; gapType: string } {
  const item = queue.find((r) => r.kind === 'check-gap');
  if (!item) throw new Error('the queue has no "not found — check" gap: the classifier gave no near miss');
  return { policyId: item.policyId, gapType: item.typeId };
}

/** Analyses content/policies with the given content folder and builds the site from it (as build-site.ts does). */
function rebuild(content: string, dataDir: string, outDir: string): void {
  const run = buildStep(outDir, dataDir);
  run(['tsx', 'scripts/analyse.ts', '--input', join(ROOT, 'content/policies'), '--content', content, '--out', dataDir, '--as-of', AS_OF, '--quiet', '--no-cache']);
  run(['astro', 'build']);
}

/** The first figure of the data-quality panel: "N%" of labels checked, and "(a of b)". */
async function checkedShare(page: Page): Promise<{ text: string; checked: number }> {
  const text = (await page.locator('section.quality li').first().textContent()) ?? '';
  const m = /\(([\d,]+) of ([\d,]+)\)/.exec(text);
  return { text, checked: Number((m?.[1] ?? '-1').replace(/,/g, '')) };
}

/** Selects the words of a clause (not its number) the way a reader drags over them. */
async function selectClauseWords(page: Page, clauseId: string): Promise<void> {
  await page.locator(`#${clauseId} > p`).scrollIntoViewIfNeeded();
  await page.evaluate((id) => {
    const p = document.querySelector(`#${id} > p`);
    const text = [...(p?.childNodes ?? [])].find((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim().length > 3);
    if (!text) throw new Error(`clause ${id} has no words`);
    const range = document.createRange();
    const words = text.textContent ?? '';
    const start = words.length - words.trimStart().length;
    range.setStart(text, start);
    range.setEnd(text, Math.min(words.length, start + 90));
    const s = document.getSelection();
    s?.removeAllRanges();
    s?.addRange(range);
  }, clauseId);
}

describe('review queue page', () => {
  it('says how it is ordered, lists core near-miss gaps first, filters by group, passes axe and prints cleanly', async () => {
    const v = await visit(site, 'review/queue/');
    const { page } = v;
    expect(await page.locator('h2#order').count()).toBe(1);
    expect(await page.locator('.queue-order li').count()).toBe(5);
    const items = page.locator('#queue-list > li');
    expect(await items.count()).toBe(Math.min(50, queue.length));
    // Most harmful first: the JSON is in tier order and the page lists it in that order.
    const tiers = queue.map((r) => r.tier);
    expect(tiers).toEqual([...tiers].sort((a, b) => a - b));
    if (queue[0]?.tier === 1) expect(await items.first().textContent()).toContain('not found — check');
    // A filter by local authority keeps only that authority's rows.
    const la = (await page.locator('#q-la option').allTextContents())[1];
    if (la) {
      await page.selectOption('#q-la', la);
      const expected = queue.filter((r) => r.la === la).length;
      await page.waitForFunction((n) => document.getElementById('queue-count')?.textContent?.startsWith(`${n.toLocaleString('en-GB')} of`), expected);
      expect(await items.count()).toBe(Math.min(50, expected));
      await page.selectOption('#q-la', '');
    }
    expect(await axe(page)).toEqual([]);
    expect(v.consoleErrors).toEqual([]);
    expect(external(v.requests)).toEqual([]);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('form.queue-filters').isVisible()).toBe(false);
    expect(await items.first().isVisible()).toBe(true);
    await page.pdf({ path: join(SCREENSHOTS, 'review-queue.pdf') });
    await v.context.close();
  });

  it('screenshots at 390 and 1280 px fit the screen', async () => {
    for (const width of [390, 1280]) {
      const context = await site.browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      await page.goto(new URL('review/queue/', site.url).toString(), { waitUntil: 'networkidle' });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await screenshot(page, `review-queue-${width}`);
      await context.close();
    }
  });
});

describe('"not found — check" on a policy page', () => {
  it('without JavaScript the gap reads with its candidate sentence and no controls appear', async () => {
    const { policyId, gapType } = target();
    const v = await visit(site, `policies/${policyId}/`, { javaScript: false });
    const gap = v.page.locator(`#gap-${gapType}`);
    expect(await gap.locator('.tag-check').textContent()).toBe('Not found — check');
    expect(await gap.locator('.absence-check blockquote').textContent()).toContain(queue.find((r) => r.policyId === policyId && r.typeId === gapType)?.quote.slice(0, 30));
    expect(await v.page.locator('.review-controls button').count()).toBe(0);
    expect(await v.page.locator('#review-tools').isVisible()).toBe(false);
    // "Missing" gaps (nothing close) say so, distinct from "not found — check".
    const kinds = await v.page.locator('#gaps ~ .finding .absence strong.tag').allTextContents();
    expect(kinds.every((k) => k === 'Missing' || k === 'Not found — check')).toBe(true);
    await v.context.close();
  });

  it('with JavaScript: controls on every gap and label, axe clean, print hides them and keeps the panel', async () => {
    const { policyId, gapType } = target();
    const v = await visit(site, `policies/${policyId}/`);
    const { page } = v;
    const gap = page.locator(`#gap-${gapType}`);
    expect(await gap.getByRole('button', { name: /^Confirm/ }).count()).toBe(1);
    expect(await gap.getByRole('button', { name: /^Not right/ }).count()).toBe(1);
    expect(await gap.getByRole('button', { name: /^It is here/ }).count()).toBe(1);
    const labels = page.locator('#policy-text .clause-labels li[data-q]');
    expect(await labels.count()).toBeGreaterThan(0);
    expect(await page.locator('#policy-text .clause-labels li[data-q] .review-controls button').count()).toBe(2 * (await labels.count()));
    expect(await axe(page)).toEqual([]);
    expect(v.consoleErrors).toEqual([]);
    await page.emulateMedia({ media: 'print' });
    expect(await gap.locator('.review-controls').isVisible()).toBe(false);
    expect(await gap.locator('.tag-check').isVisible()).toBe(true);
    expect(await page.locator('section.quality').isVisible()).toBe(true);
    await page.pdf({ path: join(SCREENSHOTS, 'review-policy.pdf') });
    await page.emulateMedia({ media: 'screen' });
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await gap.scrollIntoViewIfNeeded();
      await gap.screenshot({ path: join(SCREENSHOTS, `review-gap-controls-${width}.png`) });
      await labels.first().locator('xpath=ancestor::div[contains(@class,"clause")]').screenshot({ path: join(SCREENSHOTS, `review-label-controls-${width}.png`) });
    }
    await v.context.close();
  });
});

describe('a reviewer corrects the page, downloads the overrides file, and the rebuilt site shows it', () => {
  it('It is here + Not right + Confirm → overrides.yaml → rebuild → checked by a reviewer, gap gone, share up, queue shorter', async () => {
    const { policyId, gapType } = target();
    const gapItem = queue.find((r) => r.policyId === policyId && r.typeId === gapType && r.kind === 'check-gap');
    if (!gapItem?.clauseId) throw new Error('the gap has no candidate clause');
    const v = await visit(site, `policies/${policyId}/`);
    const { page } = v;
    const shareBefore = await checkedShare(page);
    const dashboard = await visit(site, '');
    const dashboardBefore = await checkedShare(dashboard.page);
    await dashboard.context.close();

    // 1. "It is here": the bar asks for words; select the near-miss clause's words and use them.
    await page.locator(`#gap-${gapType}`).getByRole('button', { name: /^It is here/ }).click();
    const bar = page.getByRole('region', { name: 'Mark where the policy covers a gap' });
    expect(await bar.isVisible()).toBe(true);
    await selectClauseWords(page, gapItem.clauseId);
    await bar.getByRole('button', { name: 'Use the selected words' }).click();
    expect(await bar.isVisible()).toBe(false);
    expect(await page.locator(`#gap-${gapType} .decided`).textContent()).toContain('You said it is here');

    // 2. Reject one automatic label and confirm another (on other clauses and types than the gap's).
    const candidates = page.locator('#policy-text .clause-labels li[data-q]');
    const n = await candidates.count();
    const picked: { clause: string; type: string }[] = [];
    for (let i = 0; i < n && picked.length < 2; i++) {
      const li = candidates.nth(i);
      const type = (await li.getAttribute('data-type')) ?? '';
      const clause = (await li.evaluate((e) => e.closest('.clause')?.id ?? '')) ?? '';
      if (type === gapType || clause === gapItem.clauseId || picked.some((p) => p.clause === clause || p.type === type)) continue;
      picked.push({ clause, type });
    }
    const [rejected, confirmed] = picked;
    if (!rejected || !confirmed) throw new Error('too few labels to review');
    const labelOf = (p: { clause: string; type: string }) => page.locator(`[id="${p.clause}"] > .clause-labels > li[data-type="${p.type}"]`);
    await labelOf(rejected).getByRole('button', { name: /^Not right/ }).click();
    await labelOf(confirmed).getByRole('button', { name: /^Confirm/ }).click();
    expect(await labelOf(rejected).locator('.decided').textContent()).toBe('You said: not right');
    expect(await labelOf(confirmed).locator('.decided').textContent()).toBe('You confirmed this');
    expect(await page.getByRole('status').filter({ hasText: 'confirmed' }).count()).toBeGreaterThan(0);

    // 3. Download: the file is content/overrides.yaml's format, read by the CLI's own parser.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download overrides file' }).click()]);
    expect(download.suggestedFilename()).toBe('overrides.yaml');
    rmSync(WORK, { recursive: true, force: true });
    mkdirSync(WORK, { recursive: true });
    const file = join(WORK, 'overrides.yaml');
    await download.saveAs(file);
    const yaml = readFileSync(file, 'utf8');
    const parsed = parseOverrides(parseYaml(yaml));
    expect(parsed.problems).toEqual([]);
    const mine = parsed.value.labels.filter((l) => l.policy === policyId);
    expect(mine.map((l) => l.action).sort()).toEqual(['add', 'confirm', 'reject']);
    expect(mine.find((l) => l.action === 'add')).toMatchObject({ clause: gapItem.clauseId, type: gapType });
    // Nothing was sent anywhere: only GETs to the site itself.
    expect(external(v.requests)).toEqual([]);
    expect(v.consoleErrors).toEqual([]);

    // The same file imports back into a fresh browser.
    const fresh = await visit(site, `policies/${policyId}/`);
    await fresh.page.setInputFiles('#review-import', file);
    await fresh.page.getByRole('status').filter({ hasText: 'Imported' }).waitFor();
    expect(await fresh.page.locator(`#gap-${gapType} .decided`).textContent()).toContain('You said it is here');
    await fresh.context.close();
    await v.context.close();

    // 4. Rebuild with the file as content/overrides.yaml.
    const content = join(WORK, 'content');
    cpSync(join(ROOT, 'content'), content, { recursive: true, filter: (src) => !src.startsWith(join(ROOT, 'content/policies')) });
    writeFileSync(join(content, 'overrides.yaml'), yaml);
    rebuild(content, join(WORK, 'data'), join(WORK, 'site'));
    rebuilt = await serveStatic(join(WORK, 'site'), BASE_PATH);
    const after: Site = { ...site, url: rebuilt.url, dir: join(WORK, 'site') };

    // 5. The rebuilt page: checked by a reviewer, the gap gone, the share up; the queue shorter.
    const w = await visit(after, `policies/${policyId}/`);
    expect(await w.page.locator(`#gap-${gapType}`).count()).toBe(0);
    const addedLabel = w.page.locator(`[id="${gapItem.clauseId}"] > .clause-labels > li[data-type="${gapType}"]`);
    expect(await addedLabel.textContent()).toContain('checked by a reviewer');
    const rejectedLabel = w.page.locator(`[id="${rejected.clause}"] > .clause-labels > li.rejected`);
    expect(await rejectedLabel.textContent()).toContain('checked by a reviewer');
    expect(await w.page.locator(`[id="${rejected.clause}"] > .clause-labels > li[data-type="${rejected.type}"]`).count()).toBe(0);
    expect(await w.page.locator(`[id="${confirmed.clause}"] > .clause-labels > li[data-type="${confirmed.type}"]`).textContent()).toContain('checked by a reviewer');
    expect(await w.page.locator(`#type-${gapType}`).textContent()).toContain('Checked by a reviewer');
    const shareAfter = await checkedShare(w.page);
    expect(shareAfter.checked).toBe(shareBefore.checked + 3);
    expect(shareAfter.text).not.toBe(shareBefore.text);
    expect(await axe(w.page)).toEqual([]);
    await w.context.close();

    const d = await visit(after, '');
    const dashboardAfter = await checkedShare(d.page);
    expect(dashboardAfter.checked).toBe(dashboardBefore.checked + 3);
    expect(await axe(d.page)).toEqual([]);
    await d.context.close();

    const queueAfter = (await (await fetch(new URL('review/queue.json', rebuilt.url))).json()) as QueueRow[];
    expect(queueAfter.length).toBeLessThan(queue.length);
    expect(queueAfter.some((r) => r.policyId === policyId && r.typeId === gapType)).toBe(false);
    const q = await visit(after, 'review/queue/');
    expect(await q.page.locator('#queue-count').textContent()).toContain(`of ${queueAfter.length.toLocaleString('en-GB')}`);
    await q.context.close();
  });
});
