/**
 * Browser tests against the site built from the real analysis of content/ (as of a fixed date, under a base
 * path): every page type renders without console errors, makes no request beyond 127.0.0.1, passes axe-core,
 * shows the as-of date, taxonomy and reference-list versions, and leaves a screenshot in test/output/screenshots/.
 * Also: search finds "password", compare shows a diff, review filters, reading works without JavaScript, the
 * data files are served where "Check my policy" expects them, no inline scripts, CSP meta matches
 * public/_headers, and page weights (test/output/page-weights.json) stay within the JavaScript budget.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startSite, visit, axe, screenshot, external, pageWeight, type Site, type Weight } from './site.ts';
import { SITE_DIR, DATA_DIR, ROOT } from './build-site.ts';
import type { Dataset, PolicyDetail } from '../../src/pipeline/dataset.ts';

/** Per-page JavaScript budget (bytes, uncompressed, excluding pagefind's own files). */
const JS_BUDGET = 60 * 1024;

let site: Site;
let firstPolicy = '';
let secondPolicy = '';
let firstType = '';
let dataset: Dataset;
let firstDetail: PolicyDetail;
const weights: Record<string, Weight> = {};

beforeAll(async () => {
  site = await startSite();
  // The analysis output the site was built from (test/output/data), read directly to know what pages must show.
  dataset = JSON.parse(readFileSync(join(DATA_DIR, 'dataset.json'), 'utf8')) as Dataset;
  firstPolicy = dataset.policies[0]?.id ?? '';
  secondPolicy = dataset.policies[1]?.id ?? firstPolicy;
  firstType = dataset.taxonomy.types[0]?.id ?? '';
  firstDetail = JSON.parse(readFileSync(join(DATA_DIR, 'policies', `${firstPolicy}.json`), 'utf8')) as PolicyDetail;
});

afterAll(async () => {
  writeFileSync(join(ROOT, 'test/output/page-weights.json'), JSON.stringify(weights, null, 2) + '\n');
  await site?.close();
});

/** Opens a page, runs the common checks, saves its screenshot, records its weight; returns the visit. */
async function check(name: string, path: string, ready?: string) {
  const v = await visit(site, path);
  if (ready) await v.page.waitForSelector(ready, { timeout: 15_000 });
  await screenshot(v.page, name);
  expect(v.consoleErrors, `console errors on ${path}`).toEqual([]);
  expect(external(v.requests), `external requests from ${path}`).toEqual([]);
  expect(await axe(v.page), `axe violations on ${path}`).toEqual([]);
  // Every root-relative link stays under the base path.
  const links = await v.page.$$eval('a[href^="/"], link[href^="/"], script[src^="/"]', (els) =>
    els.map((e) => e.getAttribute('href') ?? e.getAttribute('src') ?? ''),
  );
  expect(links.filter((l) => !l.startsWith(site.base)), `links outside ${site.base} on ${path}`).toEqual([]);
  const footer = (await v.page.textContent('footer')) ?? '';
  expect(footer).toMatch(/Data as of\s*22 November 2026/);
  expect(footer).toContain(`Taxonomy version${dataset.meta.taxonomyVersion}`);
  expect(footer).toContain(`Reference list version${dataset.meta.referencesVersion}`);
  weights[name] = pageWeight(site, v.requests);
  expect(weights[name]?.js ?? 0, `JavaScript on ${path}`).toBeLessThanOrEqual(JS_BUDGET);
  return v;
}

describe('built site (browser)', () => {
  it('dashboard shows figures, top gaps and outdated references, heatmap, prevalence chart and review timeline', async () => {
    const v = await check('dashboard', '');
    expect(await v.page.locator('h1').textContent()).toMatch(/at a glance/);
    const stats = (await v.page.locator('ul.stats').first().textContent()) ?? '';
    // Schools are counted, with their current documents (earlier versions are history).
    expect(stats).toContain(`${dataset.aggregates.schools} schools with ${dataset.aggregates.currentPolicies} current policies`);
    expect(stats).toContain(`${dataset.aggregates.reviewOverdue} overdue`);
    expect(await v.page.locator('#gaps-h + p + ol li').count()).toBe(dataset.aggregates.topGaps.length);
    const stale = (await v.page.locator('#stale-h ~ ol').textContent()) ?? '';
    for (const o of dataset.aggregates.topOutdated) expect(stale).toContain(o.label);
    // One heatmap row per policy, one cell per clause type, matching coverageCode.
    expect(await v.page.locator('figure.heatmap table tbody tr').count()).toBe(dataset.policies.filter((p) => p.current).length);
    const code = await v.page.$$eval(`figure.heatmap tr[data-policy="${firstPolicy}"] td`, (tds) => tds.map((td) => td.className.replace('h-', '')));
    expect(code.sort().join('')).toBe([...(dataset.policies[0]?.coverageCode ?? '')].sort().join(''));
    expect(await v.page.locator('figure.heatmap table tbody tr').count()).toBeGreaterThan(0);
    expect(await v.page.locator('#prevalence svg rect').count()).toBeGreaterThan(10);
    expect(await v.page.locator('#timeline svg rect').count()).toBeGreaterThan(0);
    await v.context.close();
  });

  it('policy list and a group page render', async () => {
    const v = await check('policies', 'policies/');
    expect(await v.page.locator('table[data-sortable] tbody tr').count()).toBeGreaterThan(0);
    await v.page.locator('table[data-sortable] thead button').first().click();
    expect(await v.page.locator('th[aria-sort]').count()).toBe(1);
    await v.context.close();
    const g = await check('policies-group', 'policies/by/phase/primary/');
    expect(await g.page.locator('h1').textContent()).toMatch(/Phase: primary/);
    await g.context.close();
  });

  it('policy page has details, review, peer chart, gaps, staleness, grade, stances and anchored text', async () => {
    const v = await check('policy', `policies/${firstPolicy}/`);
    const d = firstDetail;
    expect(await v.page.locator('#details').count()).toBe(1);
    const details = (await v.page.locator('#details + .table-wrap').textContent()) ?? '';
    if (d.metadata.approved?.evidence) expect(details).toContain(d.metadata.approved.evidence.quote);
    expect(details).toMatch(/Read from the text/);
    expect(await v.page.locator('#review + p').textContent()).toContain(d.summary.review.explanation);
    expect(await v.page.locator('#peers ~ figure svg').count()).toBeGreaterThan(0);
    // Every gap, with why it matters / what to ask, and the peer wording where there is one.
    expect(await v.page.locator('[id^="gap-"][id$="-h"]').count()).toBe(d.gaps.length);
    const withWording = d.gaps.find((g) => g.suggestedWording);
    if (withWording) expect(await v.page.locator(`#gap-${withWording.typeId} blockquote.starting-point`).textContent()).toBe(withWording.suggestedWording);
    expect(await v.page.locator('#gaps ~ .finding').filter({ hasText: 'What to ask:' }).count()).toBeGreaterThan(0);
    const outdated = d.outdatedReferences[0];
    if (outdated) expect(await v.page.locator(`#ref-${outdated.referenceId}`).locator('..').textContent()).toContain(outdated.replacedBy);
    expect(await v.page.locator('#modern + p + ul li').count()).toBe(d.missingModernTopics.length);
    expect(await v.page.locator('#grade').textContent()).toContain(d.grade.grade);
    expect(await v.page.locator('#grade ~ .table-wrap tbody tr').first().textContent()).toContain(d.grade.breakdown[0]?.reason ?? '');
    expect(await v.page.locator('#stances + ul li').count()).toBe(d.stances.length);
    // Clause anchors are the clause ids (#c0042), with labels (linked), confidence and automatic/reviewer marks.
    expect(await v.page.locator('.clause[id^="c0"]').count()).toBe(d.clauses.length);
    const labelled = d.clauses.find((c) => c.labels.some((l) => l.cues.length > 0));
    expect(labelled).toBeDefined();
    const labels = v.page.locator(`#${labelled?.id ?? ''} .clause-labels`);
    expect((await labels.textContent()) ?? '').toMatch(/automatic, \d+%|checked by a reviewer/);
    expect(await labels.locator(`a[href$="clauses/${labelled?.labels[0]?.typeId ?? ''}/"]`).count()).toBe(1);
    // The cues are not in the page (nor in the search index) until asked for: the button fills them in from the JSON.
    expect(await labels.textContent()).not.toContain('why:');
    expect(await v.page.locator('.clause-labels[data-pagefind-ignore]').count()).toBe(await v.page.locator('.clause-labels').count());
    const why = v.page.getByRole('button', { name: 'Show why each label was given' });
    await why.click();
    await v.page.waitForSelector(`#${labelled?.id ?? ''} .cues`);
    expect(await labels.locator('li').first().textContent()).toContain(`why: ${labelled?.labels[0]?.cues.join('; ') ?? ''}`);
    expect(await why.getAttribute('aria-pressed')).toBe('true');
    expect(await axe(v.page), 'axe violations with the reasons shown').toEqual([]);
    await why.click();
    expect(await v.page.locator(`#${labelled?.id ?? ''} .cues`).first().isVisible()).toBe(false);
    // Evidence links stay on the page and name the clause.
    const evidence = await v.page.$$eval('#coverage ~ .table-wrap a[href^="#c"]', (as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(evidence.length).toBeGreaterThan(0);
    for (const e of evidence.slice(0, 20)) expect(await v.page.locator(e).count(), e).toBe(1);
    // No scoped-style attribute stamped on every element (global styles keep long policy pages small).
    const scoped = await v.page.evaluate(() => [...document.querySelectorAll('main *')].filter((e) => e.getAttributeNames().some((a) => a.startsWith('data-astro-cid'))).length);
    expect(scoped).toBe(0);
    expect(await v.page.locator('[id^="type-"]').count()).toBe(dataset.taxonomy.types.length);
    // This policy's data, as JSON and CSV.
    const json = await v.page.locator(`a[href$="data/policies/${firstPolicy}.json"]`).first().getAttribute('href');
    const csv = await v.page.locator(`a[href$="data/policies/${firstPolicy}.csv"]`).first().getAttribute('href');
    expect((await v.page.request.get(new URL(json ?? '', site.url).toString())).ok()).toBe(true);
    expect((await v.page.request.get(new URL(csv ?? '', site.url).toString())).ok()).toBe(true);
    await v.context.close();
  });

  it('policy page prints without navigation, and its evidence links name clauses the printed text numbers', async () => {
    const v = await visit(site, `policies/${firstPolicy}/`);
    await v.page.emulateMedia({ media: 'print' });
    expect(await v.page.locator('.site-nav').isVisible()).toBe(false);
    expect(await v.page.locator('#why').isVisible()).toBe(false);
    // In-page links need no URL spelled out on paper: the link text is the clause's number, printed in the text.
    expect(await v.page.locator('a[data-print-url]').count()).toBe(0);
    const printed = await v.page.evaluate(() => {
      const numbers = new Set([...document.querySelectorAll('.clause .clause-no')].map((n) => n.textContent?.trim()));
      const links = [...document.querySelectorAll('#coverage ~ .table-wrap a[href^="#c"]')];
      return { links: links.length, named: links.filter((a) => numbers.has(a.textContent?.trim())).length };
    });
    expect(printed.links).toBeGreaterThan(0);
    expect(printed.named).toBe(printed.links);
    await v.page.pdf({ path: join(ROOT, 'test/output/screenshots/policy-print.pdf') });
    await v.context.close();
  });

  it('heatmap draws on canvas when large and keeps the table', async () => {
    // Five policies stay under the canvas threshold; force the canvas path by lowering it in the page.
    const v = await visit(site, '');
    // A string, not a function: vitest would rewrite `import()` inside a function it serialises.
    const drawn = await v.page.evaluate(`(async () => {
      const fig = document.querySelector('figure.heatmap');
      if (!fig) return false;
      fig.dataset.threshold = '1';
      const script = document.querySelector('script[type="module"][src*="Heatmap"]');
      await import(script.src + '?again');
      return Boolean(fig.querySelector('canvas')) && Boolean(fig.querySelector('details table'));
    })()`);
    expect(drawn).toBe(true);
    await screenshot(v.page, 'dashboard-canvas');
    expect(v.consoleErrors).toEqual([]);
    await v.context.close();
  });

  it('clause type index and a clause type page render', async () => {
    const v = await check('clauses', 'clauses/');
    expect(await v.page.locator('h2').count()).toBeGreaterThan(5);
    await v.context.close();
    // A type several policies word differently: wordings with counts and the analysis's word diff.
    const typeWithDiff = dataset.taxonomy.types.find((ty) => {
      const f = join(DATA_DIR, 'clause-types', `${ty.id}.json`);
      return (JSON.parse(readFileSync(f, 'utf8')) as { wordings: { diff: unknown }[] }).wordings.some((w) => w.diff);
    })?.id ?? firstType;
    const t = await check('clause-type', `clauses/${typeWithDiff}/`);
    expect(await t.page.locator('h1').count()).toBe(1);
    expect(await t.page.locator('table.wordings tbody tr').count()).toBeGreaterThan(1);
    expect(await t.page.locator('table.wordings ins, table.wordings del').count()).toBeGreaterThan(0);
    expect(await t.page.locator('dl.facts').textContent()).toMatch(/Guidance level/);
    await t.context.close();
  });

  it('compare shows an aligned word-level diff for two policies', async () => {
    const v = await check('compare', `compare/?a=${firstPolicy}&b=${secondPolicy}`, '#compare-result table');
    expect(await v.page.locator('#compare-result tbody tr').count()).toBeGreaterThan(3);
    expect(await v.page.locator('#compare-result ins, #compare-result del').count()).toBeGreaterThan(0);
    await v.context.close();
  });

  it('review table filters instantly', async () => {
    const v = await check('review', 'review/', '#review-count');
    await v.page.waitForFunction(() => /match/.test(document.getElementById('review-count')?.textContent ?? ''));
    const before = await v.page.locator('#review-table tbody tr').count();
    await v.page.fill('#f-q', 'zzzz-no-such-school');
    await v.page.waitForFunction(() => /^0 of/.test(document.getElementById('review-count')?.textContent ?? ''));
    expect(before).toBeGreaterThan(0);
    expect(await v.page.locator('#review-table tbody tr').count()).toBe(0);
    await v.context.close();
  });

  it('search for "password" returns results (via ?q=)', async () => {
    const v = await check('search', 'search/?q=password', '.pagefind-ui__result');
    expect(await v.page.locator('.pagefind-ui__result').count()).toBeGreaterThan(0);
    expect(v.requests.some((u) => u.includes('/pagefind/'))).toBe(true);
    await v.context.close();
  });

  it('downloads page links every export, and each link works', async () => {
    const v = await check('downloads', 'downloads/');
    const links = await v.page.$$eval('main a[download]', (as) => as.map((a) => a.getAttribute('href') ?? ''));
    for (const f of ['policies.csv', 'coverage.csv', 'findings.csv', 'clauses.csv', 'errors.csv', 'dataset.json', 'check-bundle.json', 'dataset.schema.json', 'policy.schema.json']) {
      expect(links).toContain(`${site.base}data/${f}`);
    }
    for (const l of links) expect((await v.page.request.get(new URL(l, site.url).toString())).status(), l).toBe(200);
    await v.context.close();
  });

  it('serves the data files at the URLs "Check my policy" fetches', async () => {
    const v = await visit(site, '');
    const get = async (path: string): Promise<unknown> => {
      const r = await v.page.request.get(new URL(`data/${path}`, site.url).toString());
      expect(r.status(), path).toBe(200);
      return r.json();
    };
    expect(((await get('dataset.json')) as Dataset).meta.asOf).toBe('2026-11-22');
    expect(Object.keys((await get('check-bundle.json')) as object)).toContain('taxonomy');
    expect(((await get(`policies/${firstPolicy}.json`)) as PolicyDetail).summary.id).toBe(firstPolicy);
    expect(((await get(`clause-types/${firstType}.json`)) as { typeId: string }).typeId).toBe(firstType);
    await v.context.close();
  });

  it('methodology prints the grade formula and taxonomy version from the dataset', async () => {
    const v = await check('methodology', 'guide/methodology/');
    expect(await v.page.locator('#grade-formula').textContent()).toBe(dataset.gradeFormula);
    expect(await v.page.locator('main').textContent()).toContain(`taxonomy version ${dataset.meta.taxonomyVersion}`);
    await v.context.close();
  });

  it('errors page lists files not read and warnings', async () => {
    const v = await check('errors', 'errors/');
    const text = (await v.page.locator('main').textContent()) ?? '';
    expect(await v.page.locator('h1').textContent()).toBe('Files not read');
    for (const w of dataset.warnings) expect(text).toContain(w.message);
    if (dataset.errors.length === 0) expect(text).toContain('Every file was read.');
    await v.context.close();
  });

  it.each([
    ['guide', 'guide/'],
    ['add-your-own', 'guide/add-your-own/'],
    ['check', 'check/'],
    ['draft', 'draft/'],
  ])('%s page renders', async (name, path) => {
    const v = await check(name, path);
    expect(await v.page.locator('h1').count()).toBe(1);
    await v.context.close();
  });

  it('reading works without JavaScript', async () => {
    const v = await visit(site, `policies/${firstPolicy}/`, { javaScript: false });
    expect(await v.page.locator('.clause[id^="c0"]').count()).toBeGreaterThan(5);
    await v.context.close();
    const d = await visit(site, '', { javaScript: false });
    expect(await d.page.locator('figure.heatmap table').isVisible()).toBe(true);
    await d.context.close();
  });
});

describe('built site (files)', () => {
  const htmlFiles = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? (e.name === 'pagefind' ? [] : htmlFiles(join(dir, e.name))) : e.name.endsWith('.html') ? [join(dir, e.name)] : [],
    );

  it('has no inline executable scripts (CSP)', () => {
    const offenders: string[] = [];
    for (const f of htmlFiles(SITE_DIR)) {
      const html = readFileSync(f, 'utf8');
      for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
        const attrs = m[1] ?? '';
        if (/type="application\/(ld\+)?json"/.test(attrs)) continue;
        if (!/\bsrc=/.test(attrs) || (m[2] ?? '').trim() !== '') offenders.push(f.slice(SITE_DIR.length));
      }
    }
    expect(offenders).toEqual([]);
  });

  it('every page carries the CSP meta, matching public/_headers', () => {
    const headers = readFileSync(join(ROOT, 'public/_headers'), 'utf8');
    const fromHeaders = /Content-Security-Policy:\s*(.+)/.exec(headers)?.[1]?.trim();
    const files = htmlFiles(SITE_DIR);
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) {
      const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(readFileSync(f, 'utf8'))?.[1];
      expect(meta?.replace(/&#39;/g, "'"), f).toBe(fromHeaders);
    }
  });
});
