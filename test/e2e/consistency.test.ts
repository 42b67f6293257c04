/**
 * Issue 17 in Debian's Chromium, on the site built from the real analysis of content/ (under its base path):
 *  1–4  search puts policies first, shows clean excerpts, says when nothing matches and offers one "Clause type";
 *  3    no internal code (stance ids, research-brief sections, design terms) on any page a user reads;
 *  5    a clause-type page shows only the stance tables of its own type;
 *  6    the policy page, the dashboard and the clause-type page give one "share that include it";
 *  7    "Most common wording" only for a wording that is;
 *  10   Check my policy says at the top when the document is a template / whole-school policy;
 *  12   the printed check report keeps wording comparisons closed; "Compare with" comes before the check buttons;
 *  13   the review table downloads the filtered rows and the table's columns;
 *  15   sorting by review status orders by how overdue; the dashboard's figures link to the filtered table;
 *  16   no page type is wider than the screen at 390 px and 1280 px (compare with policies chosen, review, the
 *       check report), with axe still reporting nothing. Screenshots go to test/output/screenshots/*-390.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startSite, visit, axe, screenshot, type Site } from './site.ts';
import { DATA_DIR, ROOT } from './build-site.ts';
import type { Dataset, PolicyDetail } from '../../src/pipeline/dataset.ts';

let site: Site;
let dataset: Dataset;

beforeAll(async () => {
  site = await startSite();
  dataset = JSON.parse(readFileSync(join(DATA_DIR, 'dataset.json'), 'utf8')) as Dataset;
});

afterAll(async () => {
  await site?.close();
});

const policyId = (prefix: string): string => dataset.policies.find((p) => p.id.startsWith(prefix))?.id ?? '';

async function search(page: Page, term: string, minResults = 0): Promise<{ status: string; titles: string[]; excerpts: string[] }> {
  await page.fill('#search-q', term);
  await page.press('#search-q', 'Enter');
  await page.waitForFunction(
    ([t, n]) => {
      const s = document.querySelector('.pagefind-ui__message')?.textContent ?? '';
      return s.includes(`“${t}”`) && !s.startsWith('Searching') && document.querySelectorAll('.search-results > li').length >= n;
    },
    [term, minResults] as const,
    { timeout: 20_000 },
  );
  const status = (await page.textContent('.pagefind-ui__message')) ?? '';
  const titles = await page.$$eval('.search-results > li .search-result-title', (els) => els.map((e) => e.textContent ?? ''));
  const excerpts = await page.$$eval('.search-results .search-excerpt', (els) => els.map((e) => e.textContent ?? ''));
  return { status, titles, excerpts };
}

describe('search is findable (items 1, 2, 4)', () => {
  it('"password" and "social media" list the policies before clause-type and guide pages', async () => {
    const v = await visit(site, 'search/');
    const schools = new Set(dataset.policies.map((p) => p.schoolName ?? p.school ?? ''));
    const isPolicy = (title: string): boolean => [...schools].some((s) => s && title.startsWith(s));
    for (const term of ['password', 'social media']) {
      const { titles } = await search(v.page, term, 5);
      const withWord = dataset.policies.filter((p) => {
        const d = JSON.parse(readFileSync(join(DATA_DIR, 'policies', `${p.id}.json`), 'utf8')) as PolicyDetail;
        return (d.text ?? '').toLowerCase().includes(term);
      }).length;
      expect(withWord, term).toBeGreaterThan(0);
      const firstPage = titles.slice(0, Math.min(withWord, titles.length));
      expect(firstPage.every(isPolicy), `${term}: ${titles.join(' | ')}`).toBe(true);
    }
    await v.context.close();
  });

  it('excerpts are clean text: no diff markers, no words run together across cells', async () => {
    const v = await visit(site, 'search/');
    for (const term of ['password', 'encrypted', 'guidance level']) {
      const { excerpts } = await search(v.page, term);
      for (const e of excerpts) {
        expect(e, term).not.toMatch(/\[(?:added|removed):/);
        expect(e, term).not.toMatch(/levelCore|passwordsPosition|PositionPolicies/);
      }
    }
    await v.context.close();
  });

  it('a school not in the collection gets a "nothing found" line; the Show filter has one clause-type choice', async () => {
    const v = await visit(site, 'search/');
    const { status } = await search(v.page, 'St Mary');
    expect(status).toMatch(/^(?:Nothing found for “St Mary”\.|No policy matches “St Mary”\.)/);
    await v.page.waitForSelector('#search-type');
    const options = await v.page.$$eval('#search-type option', (os) => os.map((o) => o.textContent ?? ''));
    expect(options.filter((o) => /^Clause type/.test(o))).toHaveLength(1);
    expect(options.find((o) => /^Clause type/.test(o))).toBe(`Clause type (${dataset.taxonomy.types.length})`);
    await v.context.close();
  });
});

describe('plain English and fair figures (items 3, 5, 6, 7)', () => {
  it('no built page a reader sees names an internal code', () => {
    const pages: string[] = [];
    const walk = (dir: string): void => {
      for (const e of readdirSync(dir)) {
        const p = join(dir, e);
        if (statSync(p).isDirectory()) {
          if (!['_astro', 'data', 'pagefind'].includes(e)) walk(p);
        } else if (e.endsWith('.html')) pages.push(p);
      }
    };
    walk(site.dir);
    expect(pages.length).toBeGreaterThan(50);
    for (const p of pages) {
      const html = readFileSync(p, 'utf8');
      const text = html.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>|<[^>]+>/g, ' ');
      expect(text, p).not.toMatch(/\bStance(?: dimension)? D\d+|\bstaleness hotspot|Feeds metadata|§\d/);
      // A template line break after a link or a bold phrase can lose its space: "<strong>not found — check</strong>when".
      expect(html.match(/<\/(?:a|strong|em|code)>[a-z]{2,}/g) ?? [], p).toEqual([]);
    }
  });

  it('a clause-type page shows only the stance tables of its own type', async () => {
    const ai = await visit(site, 'clauses/safe-generative-ai/');
    expect(await ai.page.locator('#stances ~ div table').count()).toBe(0);
    await ai.context.close();
    const v = await visit(site, 'clauses/use-personal-use/');
    const captions = await v.page.$$eval('#stances + div table caption', (cs) => cs.map((c) => c.textContent ?? ''));
    const own = dataset.stanceDimensions.filter((d) => d.typeIds.includes('use-personal-use')).map((d) => d.title);
    expect(captions.length).toBeGreaterThan(0);
    for (const c of captions) expect(own).toContain(c);
    expect(captions.length).toBeLessThan(dataset.stanceDimensions.length);
    expect(await axe(v.page)).toEqual([]);
    await v.context.close();
  });

  it('one share: the policy page counts the other policies, the dashboard and clause page count all current ones', async () => {
    const westbrook = policyId('westbrook-primary');
    const detail = JSON.parse(readFileSync(join(DATA_DIR, 'policies', `${westbrook}.json`), 'utf8')) as PolicyDetail;
    const gap = detail.gaps.find((g) => g.basis !== 'peers');
    expect(gap).toBeDefined();
    const i = dataset.taxonomy.types.findIndex((t) => t.id === gap?.typeId);
    const current = dataset.policies.filter((p) => p.current);
    const others = current.filter((p) => p.id !== westbrook);
    const othersWith = others.filter((p) => 'prs'.includes(p.coverageCode[i] ?? 'a')).length;
    const allWith = current.filter((p) => 'prs'.includes(p.coverageCode[i] ?? 'a')).length;
    const v = await visit(site, `policies/${westbrook}/`);
    const text = (await v.page.textContent(`#gap-${gap?.typeId}`)) ?? '';
    expect(text).toContain(`${othersWith} of the other ${others.length} current polic`);
    expect(text).not.toMatch(/of all policies include it/);
    await v.context.close();
    const c = await visit(site, `clauses/${gap?.typeId}/`);
    expect((await c.page.textContent('main')) ?? '').toContain(`${allWith} of ${current.length} current polic`);
    await c.context.close();
    const top = dataset.aggregates.topGaps[0];
    const d = await visit(site, '');
    const gapsText = (await d.page.textContent('#gaps-h + p + ol')) ?? '';
    const ti = dataset.taxonomy.types.findIndex((t) => t.id === top?.typeId);
    const including = current.filter((p) => 'prs'.includes(p.coverageCode[ti] ?? 'a')).length;
    expect(gapsText).toContain(`missing from ${top?.count} of ${current.length} current policies`);
    expect(gapsText).toContain(`${including} of ${current.length} current polic`);
    await d.context.close();
  });

  it('"Most common wording" only for a wording more policies use than any other', async () => {
    for (const t of dataset.taxonomy.types) {
      const detail = JSON.parse(readFileSync(join(DATA_DIR, 'clause-types', `${t.id}.json`), 'utf8')) as { wordings: { count: number; isReference: boolean }[] };
      const html = readFileSync(join(site.dir, 'clauses', t.id, 'index.html'), 'utf8');
      const labelled = (html.match(/Most common wording/g) ?? []).length;
      const top = Math.max(0, ...detail.wordings.map((w) => w.count));
      const ref = detail.wordings.find((w) => w.isReference);
      const truly = ref !== undefined && ref.count > 1 && ref.count === top && detail.wordings.filter((w) => w.count === top).length === 1;
      expect([t.id, labelled]).toEqual([t.id, truly ? 1 : 0]);
    }
  });
});

describe('review table and dashboard (items 13, 15)', () => {
  it('the dashboard figures link to the filtered review table', async () => {
    const v = await visit(site, '');
    const links = await v.page.$$eval('ul.stats a', (as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(links).toEqual(expect.arrayContaining([`${site.base}review/?status=overdue`, `${site.base}review/?status=due-soon`, `${site.base}review/?status=no-review-date`, `${site.base}errors/`]));
    await v.page.click(`ul.stats a[href="${site.base}review/?status=overdue"]`);
    await v.page.waitForFunction(() => /policies match/.test(document.getElementById('review-count')?.textContent ?? ''));
    expect(await v.page.locator('#review-table tbody tr').count()).toBe(dataset.aggregates.reviewOverdue);
    await v.context.close();
  });

  it('sorting by review status puts the most overdue first', async () => {
    const v = await visit(site, 'review/');
    await v.page.waitForFunction(() => /policies match/.test(document.getElementById('review-count')?.textContent ?? ''));
    await v.page.click('#review-table th:nth-child(3) button');
    const ids = await v.page.$$eval('#review-table tbody th a', (as) => as.map((a) => decodeURIComponent(a.getAttribute('href') ?? '').split('/').filter(Boolean).pop() ?? ''));
    const months = (id: string): number => {
      const p = dataset.policies.find((x) => x.id === id);
      const m = /(\d+) months? overdue/.exec(p?.review.explanation ?? '');
      return p?.review.status === 'overdue' ? Number(m?.[1] ?? 0) : -1;
    };
    const overdue = ids.filter((id) => months(id) >= 0);
    expect(overdue.length).toBeGreaterThan(1);
    expect(ids.slice(0, overdue.length)).toEqual(overdue);
    const m = overdue.map(months);
    expect(m).toEqual([...m].sort((a, b) => b - a));
    await v.context.close();
  });

  it('downloads exactly the filtered rows with the table’s columns', async () => {
    const v = await visit(site, 'review/?status=overdue');
    await v.page.waitForFunction(() => /policies match/.test(document.getElementById('review-count')?.textContent ?? ''));
    const shownRows = await v.page.locator('#review-table tbody tr').count();
    const headers = await v.page.$$eval('#review-table thead th', (ths) => ths.map((t) => t.textContent?.trim() ?? ''));
    const [download] = await Promise.all([v.page.waitForEvent('download'), v.page.click('#review-download')]);
    const csv = readFileSync((await download.path()) ?? '', 'utf8').replace(/^\uFEFF/, '');
    const lines = csv.trim().split('\r\n');
    expect(lines[0]?.split(',')).toEqual(headers);
    expect(lines.length - 1).toBe(shownRows);
    expect(shownRows).toBe(dataset.aggregates.reviewOverdue);
    expect(lines.slice(1).every((l) => /Overdue for review/.test(l))).toBe(true);
    await v.context.close();
  });
});

describe('Check my policy (items 10, 12)', () => {
  it('"Compare with" comes before the file input and the button that run the check', async () => {
    const v = await visit(site, 'check/');
    const order = await v.page.evaluate(() => {
      const peer = document.getElementById('check-peer');
      const file = document.getElementById('check-file');
      const go = document.getElementById('check-paste-go');
      const before = (a: Element | null, b: Element | null): boolean => !!a && !!b && (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
      return [before(peer, file), before(peer, go)];
    });
    expect(order).toEqual([true, true]);
    await v.context.close();
  });

  it('a whole-school template is named as such at the top; the printout keeps wording comparisons closed', async () => {
    const v = await visit(site, 'check/');
    await v.page.fill('#check-paste', readFileSync(join(ROOT, 'test/fixtures/text/decoy-2016.txt'), 'utf8'));
    await v.page.click('#check-paste-go');
    await v.page.waitForSelector('#check-report[data-state="ready"]', { timeout: 120_000 });
    const notes = (await v.page.textContent('.check-document-notes')) ?? '';
    expect(notes).toMatch(/template for schools to adapt/);
    expect(notes).toMatch(/SWGfL/);
    expect(notes).toMatch(/whole-school policy/);
    // The notice comes before the figures.
    const first = await v.page.evaluate(() => {
      const n = document.querySelector('.check-document-notes');
      const s = document.querySelector('#check-report ul.stats');
      return !!n && !!s && (n.compareDocumentPosition(s) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
    });
    expect(first).toBe(true);
    const comparisons = await v.page.locator('details.check-wording').count();
    expect(comparisons).toBeGreaterThan(5);
    await v.page.locator('details.check-wording summary').first().click();
    await v.page.emulateMedia({ media: 'print' });
    await v.page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    const open = await v.page.locator('details.check-wording[open]').count();
    expect(open).toBe(1);
    await v.page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await v.page.emulateMedia({ media: 'screen' });
    expect(await axe(v.page)).toEqual([]);
    await v.context.close();
  });
});

describe('nothing is wider than the screen (item 16)', () => {
  const westbrook = (): string => policyId('westbrook-primary');
  const hanson = (): string => policyId('hanson-school');
  const pages = (): [string, string, string?][] => [
    ['dashboard', ''],
    ['policies', 'policies/'],
    ['policy', `policies/${westbrook()}/`],
    ['clauses', 'clauses/'],
    ['clause-type', 'clauses/sec-passwords/'],
    ['compare-chosen', `compare/?a=${westbrook()}&b=${hanson()}`, '#compare-result table'],
    ['review', 'review/'],
    ['check', 'check/'],
    ['search', 'search/?q=password', '.search-results li'],
    ['downloads', 'downloads/'],
    ['errors', 'errors/'],
    ['methodology', 'guide/methodology/'],
  ];

  for (const width of [390, 1280]) {
    it(`every page type fits ${width} px`, async () => {
      for (const [name, path, ready] of pages()) {
        const context = await site.browser.newContext({ viewport: { width, height: 900 } });
        const page = await context.newPage();
        await page.goto(new URL(path, site.url).toString(), { waitUntil: 'networkidle' });
        if (ready) await page.waitForSelector(ready, { timeout: 20_000 });
        const wide = await page.evaluate(() => document.documentElement.scrollWidth);
        await screenshot(page, `${name}-${width}`);
        expect([name, wide], `${name} at ${width}`).toEqual([name, width]);
        await context.close();
      }
    });
  }

  it('the check report fits 390 px and its review badge is not cut', async () => {
    const context = await site.browser.newContext({ viewport: { width: 390, height: 900 } });
    const page = await context.newPage();
    await page.goto(new URL('check/', site.url).toString(), { waitUntil: 'networkidle' });
    await page.fill('#check-paste', readFileSync(join(ROOT, 'test/fixtures/seeds/002_0133e99881feddac.txt'), 'utf8'));
    await page.click('#check-paste-go');
    await page.waitForSelector('#check-report[data-state="ready"]', { timeout: 60_000 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(390);
    const badge = await page.$eval('#check-report ul.stats .tag', (t) => {
      const li = t.closest('li');
      const r = t.getBoundingClientRect();
      const box = li?.getBoundingClientRect();
      return { text: t.textContent, inside: !!box && r.right <= box.right + 0.5 && r.left >= box.left - 0.5, clipped: t.scrollWidth > t.clientWidth + 1 };
    });
    expect(badge).toEqual({ text: 'Overdue for review', inside: true, clipped: false });
    await screenshot(page, 'check-report-390');
    await context.close();
  });
});
