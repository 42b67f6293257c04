/**
 * "Check my policy" in Debian's Chromium against the built site (under its base path), with every request of the
 * browser context recorded, the worker's included:
 *  - a seed policy checked as .docx, .pdf and pasted text shows the same coverage as its published data;
 *  - no request carries the document: every request is a GET, without a body or query, to 127.0.0.1, for a
 *    file that was built before the document was chosen;
 *  - a hostile policy (script tags, handlers, javascript: links) is shown as text and escaped in the Markdown;
 *  - unreadable files give the CLI's own message; a corrected date re-computes the review status; the peer group
 *    can be changed; Markdown and JSON download; "keep" survives a reload and "Forget" clears it; without "keep"
 *    nothing survives; the page prints to PDF;
 *  - the 52-page PDF is timed normally and with 4× CPU throttling (logged, never asserted), and the JavaScript
 *    weight of the page, the worker and each format's lazy chunks is recorded in test/output/check-weights.json.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import PDFDocument from 'pdfkit';
import { axe, screenshot, startSite, SCREENSHOTS, type Site } from './site.ts';
import { ROOT, SITE_DIR } from './build-site.ts';
import { readDocument } from '../../src/pipeline/run/corpus.ts';
import { IngestError } from '../../src/pipeline/types.ts';
import type { Dataset, PolicyDetail } from '../../src/pipeline/dataset.ts';

const FORMATS = join(ROOT, 'test/fixtures/formats');
const BAD = join(ROOT, 'test/fixtures/bad');
const LARGE_PDF = join(ROOT, 'test/fixtures/extra/decoy-online-safety-policy-2016.pdf');
const OUTPUT = join(ROOT, 'test/output');

interface Recorded {
  url: string;
  method: string;
  postData: string | null;
  /** Milliseconds since the page was opened, so requests can be split into "page load" and "after the check". */
  at: number;
}

interface Session {
  page: Page;
  context: BrowserContext;
  requests: Recorded[];
  errors: string[];
  opened: number;
}

let site: Site;
let dataset: Dataset;
const weights: Record<string, Record<string, number>> = {};
const timings: Record<string, unknown> = {};

beforeAll(async () => {
  site = await startSite();
  dataset = JSON.parse(readFileSync(join(SITE_DIR, 'data/dataset.json'), 'utf8')) as Dataset;
});

afterAll(async () => {
  const kb = (o: Record<string, number> | undefined): number => Math.round(sum(o ?? {}) / 1024);
  console.log(
    `Check my policy JS (KB, uncompressed): page ${kb(weights.page)}; loaded for a .docx ${kb(weights.docx)}; for a .pdf ${kb(weights.pdf)}; for pasted text after a .pdf ${kb(weights.txt)}`,
  );
  mkdirSync(OUTPUT, { recursive: true });
  writeFileSync(join(OUTPUT, 'check-weights.json'), `${JSON.stringify(weights, null, 2)}\n`);
  writeFileSync(join(OUTPUT, 'check-timings.json'), `${JSON.stringify(timings, null, 2)}\n`);
  await site?.close();
});

/** Opens the check page in a fresh context that records every request (page and worker alike). */
async function open(options: { noWorker?: boolean } = {}): Promise<Session> {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const requests: Recorded[] = [];
  const opened = Date.now();
  context.on('request', (r) =>
    requests.push({ url: r.url(), method: r.method(), postData: r.postData(), at: Date.now() - opened }),
  );
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  // A browser without Web Workers: the page runs the same checker itself.
  if (options.noWorker)
    await page.addInitScript('Object.defineProperty(window, "Worker", { value: undefined, configurable: true });');
  await page.goto(new URL('check/', site.url).toString(), { waitUntil: 'networkidle' });
  return { page, context, requests, errors, opened };
}

/** Checks a file through the real file input; returns the in-page time from hand-over to report. */
async function checkFile(page: Page, file: string): Promise<{ ms: number; stages: Record<string, number> }> {
  await page.setInputFiles('#check-file', file);
  return waitForReport(page);
}

async function waitForReport(page: Page): Promise<{ ms: number; stages: Record<string, number> }> {
  await page.waitForSelector('#check-report[data-state="ready"], #check-report[data-state="error"]', {
    timeout: 170_000,
  });
  const state = await page.getAttribute('#check-report', 'data-state');
  if (state !== 'ready') throw new Error(`check failed: ${await page.textContent('#check-error')}`);
  return {
    ms: Number(await page.getAttribute('#check-report', 'data-ms')),
    stages: JSON.parse((await page.getAttribute('#check-report', 'data-timings')) ?? '{}') as Record<string, number>,
  };
}

/** Coverage status per clause type as the report shows it. */
function shownCoverage(page: Page): Promise<Record<string, string>> {
  return page.$$eval('#check-report tr[data-type-id]', (rows) =>
    Object.fromEntries(rows.map((r) => [r.getAttribute('data-type-id') ?? '', r.getAttribute('data-status') ?? ''])),
  );
}

/** The published coverage of the demo-corpus policy read from `folder/` (the seed's school). */
function publishedCoverage(folder: string): Record<string, string> {
  const summary = dataset.policies.find((p) => p.sourceFile.startsWith(`${folder}/`));
  if (!summary) throw new Error(`no published policy from ${folder}/`);
  const detail = JSON.parse(
    readFileSync(join(SITE_DIR, 'data/policies', `${summary.id}.json`), 'utf8'),
  ) as PolicyDetail;
  return Object.fromEntries(detail.coverage.map((c) => [c.typeId, c.status]));
}

/** The built file a same-site URL points at, or null. */
function builtFile(url: string): string | null {
  const u = new URL(url);
  const path = decodeURIComponent(u.pathname);
  if (!path.startsWith(site.base)) return null;
  let file = join(SITE_DIR, path.slice(site.base.length));
  if (path.endsWith('/')) file = join(file, 'index.html');
  return existsSync(file) && statSync(file).isFile() ? file : null;
}

/**
 * Nothing carried the document: every request went to 127.0.0.1 under the base path, was a GET without a body or
 * a query string, asked for a file built before the document was chosen, and did not name the file.
 */
function expectNoDocumentSent(requests: readonly Recorded[], fileName: string): void {
  const offenders = requests.filter((r) => {
    if (/^(data|blob):/.test(r.url)) return false;
    const u = new URL(r.url);
    return (
      u.hostname !== '127.0.0.1' ||
      r.method !== 'GET' ||
      r.postData !== null ||
      u.search !== '' ||
      builtFile(r.url) === null ||
      r.url.toLowerCase().includes(basename(fileName).toLowerCase())
    );
  });
  expect(offenders.map((r) => `${r.method} ${r.url}`)).toEqual([]);
}

function jsBytes(requests: readonly Recorded[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of requests) {
    const file = r.url.endsWith('.js') ? builtFile(r.url) : null;
    if (file) out[basename(file)] = statSync(file).size;
  }
  return out;
}

const sum = (o: Record<string, number>): number => Object.values(o).reduce((a, b) => a + b, 0);

/** The message the CLI gives for a file it cannot read (`<file>: <reason>`), from the same pipeline in Node. */
async function cliMessage(file: string): Promise<string> {
  try {
    await readDocument(new Uint8Array(readFileSync(file)), basename(file));
  } catch (e) {
    if (e instanceof IngestError) return `${basename(file)}: ${e.message}`;
    throw e;
  }
  throw new Error(`${file} was readable`);
}

/** A ~100-page PDF set with pdfkit from the two decoy policies' text, for the "100-page PDF" figure. */
async function hundredPagePdf(): Promise<string> {
  const out = join(OUTPUT, 'check-100-pages.pdf');
  mkdirSync(OUTPUT, { recursive: true });
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { CreationDate: new Date('2024-01-01T00:00:00Z') } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  const text = ['decoy-2016.txt', 'decoy-2018.txt']
    .map((f) => readFileSync(join(ROOT, 'test/fixtures/text', f), 'utf8'))
    .join('\n\n');
  doc.fontSize(11);
  // One paragraph per source line (the texts were extracted from PDFs line by line), so the layout reads like a
  // real policy: headings, bullets and short paragraphs over about a hundred pages.
  for (const line of text.split('\n')) doc.text(line.trim() || ' ', { paragraphGap: 6 });
  doc.end();
  await done;
  writeFileSync(out, Buffer.concat(chunks));
  return out;
}

describe('Check my policy (browser)', () => {
  it('says plainly that nothing is uploaded, and has a labelled, keyboard-operable file input', async () => {
    const s = await open();
    expect(await s.page.textContent('#check-privacy')).toContain(
      'Your file is read on this device. It is not uploaded or sent anywhere.',
    );
    expect(await s.page.locator('label[for="check-file"]').count()).toBe(1);
    expect(await s.page.getAttribute('#check-file', 'type')).toBe('file');
    await s.page.focus('#check-file');
    expect(await s.page.evaluate(() => document.activeElement?.id)).toBe('check-file');
    expect(await s.page.locator('#check-peer option').count()).toBeGreaterThan(1);
    expect(await s.page.locator('#check-actions').isVisible()).toBe(false);
    expect(await s.page.locator('#check-report').isVisible()).toBe(false);
    expect(await axe(s.page)).toEqual([]);
    await screenshot(s.page, 'check-start');
    weights.page = jsBytes(s.requests);
    // The worker and its readers are not loaded until a policy is checked.
    expect(Object.keys(weights.page).some((f) => /worker|pdfjs|docx/.test(f))).toBe(false);
    expect(s.errors).toEqual([]);
    await s.context.close();
  });

  it('checks a seed policy as .docx: same coverage as the published page, nothing sent', async () => {
    const s = await open();
    const file = join(FORMATS, 'westbrook.docx');
    const loaded = s.requests.length;
    const t = await checkFile(s.page, file);
    timings.westbrookDocx = t;
    expect(await shownCoverage(s.page)).toEqual(publishedCoverage('westbrook-primary'));
    expect(await s.page.locator('#check-report-h').textContent()).toContain('Westbrook');
    expect(await s.page.locator('#check-gaps-h').textContent()).toMatch(/^Gaps \(\d+\)/);
    expect(await s.page.locator('#check-report .word-diff, #check-report .check-wording').count()).toBeGreaterThan(5);
    // The recording sees the worker's own traffic (only the worker fetches check-bundle.json).
    expect(s.requests.some((r) => r.url.endsWith('/data/check-bundle.json'))).toBe(true);
    expectNoDocumentSent(s.requests, file);
    weights.docx = jsBytes(s.requests.slice(loaded));
    expect(await axe(s.page)).toEqual([]);
    await screenshot(s.page, 'check-docx');
    expect(s.errors).toEqual([]);
    await s.context.close();
  });

  it('checks the same seed as .pdf, as pasted text and as a dropped file, with the same coverage', async () => {
    const s = await open();
    const file = join(FORMATS, 'westbrook.pdf');
    const loaded = s.requests.length;
    timings.westbrookPdf = await checkFile(s.page, file);
    expect(await shownCoverage(s.page)).toEqual(publishedCoverage('westbrook-primary'));
    weights.pdf = jsBytes(s.requests.slice(loaded));
    await screenshot(s.page, 'check-pdf');

    const beforePaste = s.requests.length;
    await s.page.fill('#check-paste', readFileSync(join(FORMATS, 'hanson.txt'), 'utf8'));
    await s.page.click('#check-paste-go');
    await s.page.waitForFunction(() => /Hanson/.test(document.getElementById('check-report-h')?.textContent ?? ''));
    await waitForReport(s.page);
    expect(await shownCoverage(s.page)).toEqual(publishedCoverage('hanson-school'));
    weights.txt = jsBytes(s.requests.slice(beforePaste));

    // Dropped onto the page (a synthetic drop carrying a real File): the same check.
    await s.page.evaluate((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'westbrook.txt', { type: 'text/plain' }));
      const target = document.getElementById('check-drop');
      target?.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      target?.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, readFileSync(join(FORMATS, 'westbrook.txt'), 'utf8'));
    await s.page.waitForFunction(() => /Westbrook/.test(document.getElementById('check-report-h')?.textContent ?? ''));
    await waitForReport(s.page);
    expect(await shownCoverage(s.page)).toEqual(publishedCoverage('westbrook-primary'));
    expectNoDocumentSent(s.requests, file);
    expect(s.errors).toEqual([]);
    await s.context.close();
  });

  it('gives the CLI message for files it cannot read', async () => {
    const s = await open();
    for (const name of [
      'password-protected.pdf',
      'scanned-no-text-layer.pdf',
      'truncated.docx',
      'legacy-word-97.doc',
      'empty.txt',
    ]) {
      const file = join(BAD, name);
      const expected = await cliMessage(file);
      await s.page.setInputFiles('#check-file', file);
      await s.page.waitForFunction(
        (m) => (document.getElementById('check-error')?.textContent ?? '').includes(m),
        expected,
        { timeout: 60_000 },
      );
      expect(await s.page.getAttribute('#check-report', 'data-state')).toBe('error');
      if (name === 'password-protected.pdf') await screenshot(s.page, 'check-error');
      expectNoDocumentSent(s.requests, file);
    }
    expect(s.errors).toEqual([]);
    await s.context.close();
  });

  it('shows a hostile policy as text: no script runs, no markup is injected, the Markdown is escaped', async () => {
    const s = await open();
    const dialogs: string[] = [];
    s.page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    for (const name of ['hostile-policy.html', 'hostile-policy.md', 'hostile-policy.docx']) {
      await checkFile(s.page, join(ROOT, 'test/fixtures/hostile', name));
      const injected = await s.page.evaluate(() => {
        const report = document.getElementById('check-report');
        const handlers = Array.from(report?.querySelectorAll('*') ?? []).filter((el) =>
          Array.from(el.attributes).some((a) => /^on/i.test(a.name)),
        );
        const links = Array.from(report?.querySelectorAll('a') ?? []).filter(
          (a) => !(a.getAttribute('href') ?? '').startsWith('/'),
        );
        return {
          scripts: report?.querySelectorAll('script, iframe, object, embed, style').length ?? -1,
          images: report?.querySelectorAll('img').length ?? -1,
          handlers: handlers.length,
          foreignLinks: links.length,
          marker: 'HOSTILE_SCRIPT_MARKER' in window,
        };
      });
      expect(injected, name).toEqual({ scripts: 0, images: 0, handlers: 0, foreignLinks: 0, marker: false });
    }
    // The words are there, as words.
    expect(await s.page.textContent('#check-report')).toMatch(/Ridgeway/);
    const [md] = await Promise.all([s.page.waitForEvent('download'), s.page.click('#check-md')]);
    const markdown = readFileSync((await md.path()) ?? '', 'utf8');
    // Every <, [ and ] from the policy is escaped, so no tag or link survives into whatever renders the file.
    expect(markdown).not.toMatch(/(?<!\\)<(script|img)|(?<!\\)\]\(javascript:/i);
    expect(markdown).toMatch(/^# Policy check: Ridgeway/);
    expect(dialogs).toEqual([]);
    expectNoDocumentSent(s.requests, 'hostile-policy');
    expect(s.errors).toEqual([]);
    await s.context.close();
  });

  it('re-computes review status when a date is corrected, reports a bad date, and changes peer group', async () => {
    const s = await open();
    await checkFile(s.page, join(FORMATS, 'westbrook.docx'));
    // Review status is judged against today, so the test moves the date both ways rather than trust the calendar.
    await s.page.fill('#meta-next_review', 'December 2099');
    await s.page.press('#meta-next_review', 'Tab');
    // Westbrook is already in date, so wait for the corrected value itself, not just the words "in date".
    await s.page.waitForSelector('#meta-next_review[value="2099-12"]');
    await s.page.waitForFunction(() =>
      /in date/i.test(document.getElementById('check-review-explanation')?.textContent ?? ''),
    );

    await s.page.fill('#meta-next_review', 'May 2019');
    await s.page.press('#meta-next_review', 'Tab');
    await s.page.waitForSelector('#meta-next_review[value="2019-05"]');
    await s.page.waitForFunction(() =>
      /overdue/i.test(document.getElementById('check-review-explanation')?.textContent ?? ''),
    );
    // Focus stays where the governor put it, not lost in the re-drawn report.
    expect(await s.page.evaluate(() => document.activeElement?.tagName)).not.toBe('BODY');

    await s.page.fill('#meta-approved', '31/02/2024');
    await s.page.press('#meta-approved', 'Tab');
    await s.page.waitForSelector('#meta-approved[aria-invalid="true"]');
    expect(await s.page.textContent('#meta-approved-error')).toMatch(/^Not used: /);

    const phase = await s.page.$eval(
      '#check-peer',
      (el) => Array.from((el as HTMLSelectElement).options).find((o) => o.value.startsWith('phase:'))?.value ?? '',
    );
    expect(phase).not.toBe('');
    await s.page.selectOption('#check-peer', phase);
    await s.page.waitForFunction(() => document.querySelectorAll('table.check-categories thead th').length === 4);
    expect(await s.page.locator('table.check-categories caption').textContent()).toContain('Phase:');
    await screenshot(s.page, 'check-peer');
    expect(s.errors).toEqual([]);
    await s.context.close();
  });

  it('downloads Markdown and JSON, prints to PDF, and prints without the form', async () => {
    const s = await open();
    await checkFile(s.page, join(FORMATS, 'westbrook.pdf'));
    const [md] = await Promise.all([s.page.waitForEvent('download'), s.page.click('#check-md')]);
    expect(md.suggestedFilename()).toMatch(/\.md$/);
    const markdown = readFileSync((await md.path()) ?? '', 'utf8');
    expect(markdown).toMatch(/^# Policy check: Westbrook/);
    expect(markdown).toContain('## Gaps');
    const [json] = await Promise.all([s.page.waitForEvent('download'), s.page.click('#check-json')]);
    const report = JSON.parse(readFileSync((await json.path()) ?? '', 'utf8')) as {
      coverage: { typeId: string; status: string }[];
    };
    expect(Object.fromEntries(report.coverage.map((c) => [c.typeId, c.status]))).toEqual(
      publishedCoverage('westbrook-primary'),
    );

    await s.page.emulateMedia({ media: 'print' });
    expect(await s.page.locator('.check-input').isVisible()).toBe(false);
    expect(await s.page.locator('#check-actions').isVisible()).toBe(false);
    expect(await s.page.locator('#check-report-h').isVisible()).toBe(true);
    const pdfPath = join(SCREENSHOTS, 'check-report.pdf');
    const pdf = await s.page.pdf({ path: pdfPath, format: 'A4' });
    expect(pdf.length).toBeGreaterThan(20_000);
    expect(statSync(pdfPath).size).toBe(pdf.length);
    expectNoDocumentSent(s.requests, 'westbrook.pdf');
    expect(s.errors).toEqual([]);
    await s.context.close();
  });

  it('keeps the report across a reload only when asked, and "Forget" clears it', async () => {
    const s = await open();
    await checkFile(s.page, join(FORMATS, 'westbrook.docx'));
    await s.page.reload({ waitUntil: 'networkidle' });
    expect(await s.page.locator('#check-report').isHidden()).toBe(true);
    expect(await s.page.evaluate(() => localStorage.length)).toBe(0);

    await checkFile(s.page, join(FORMATS, 'westbrook.docx'));
    await s.page.check('#check-keep');
    await s.page.waitForFunction(() => localStorage.length === 1);
    await s.page.reload({ waitUntil: 'networkidle' });
    await s.page.waitForSelector('#check-report[data-state="ready"]');
    expect(await shownCoverage(s.page)).toEqual(publishedCoverage('westbrook-primary'));
    expect(await s.page.isChecked('#check-keep')).toBe(true);

    // A kept report can still be corrected: the worker rebuilds it from the kept analysis.
    await s.page.fill('#meta-next_review', '2019-05');
    await s.page.press('#meta-next_review', 'Tab');
    await s.page.waitForFunction(() =>
      /overdue/i.test(document.getElementById('check-review-explanation')?.textContent ?? ''),
    );

    await s.page.click('#check-forget');
    expect(await s.page.locator('#check-report').isHidden()).toBe(true);
    expect(await s.page.evaluate(() => localStorage.length)).toBe(0);
    await s.page.reload({ waitUntil: 'networkidle' });
    expect(await s.page.locator('#check-report').isHidden()).toBe(true);
    expectNoDocumentSent(s.requests, 'westbrook.docx');
    expect(s.errors).toEqual([]);
    await s.context.close();
  });

  it(
    'checks the 52-page PDF normally and with 4× CPU throttling (times logged, not asserted)',
    { timeout: 600_000 },
    async () => {
      const figures: Record<string, unknown> = {};

      // 1. As a governor meets it: the worker, no throttling; the longest main-thread task shows the page stayed free.
      const normal = await open();
      await normal.page.evaluate(`(() => {
      window.__longest = 0;
      new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration); })
        .observe({ type: 'longtask', buffered: false });
    })()`);
      figures.workerNormal = await checkFile(normal.page, LARGE_PDF);
      figures.workerNormalLongestMainThreadTaskMs = Math.round(Number(await normal.page.evaluate('window.__longest')));
      expect(await normal.page.locator('#check-report tr[data-type-id]').count()).toBe(dataset.taxonomy.types.length);
      expectNoDocumentSent(normal.requests, LARGE_PDF);
      await screenshot(normal.page, 'check-large-pdf');
      await normal.context.close();

      // 2. The page throttled 4× through CDP, as the brief asks. Chromium applies this rate to the page's thread
      //    only, not to dedicated workers, so this mostly measures the unthrottled worker.
      const paged = await open();
      const cdp = await paged.page.context().newCDPSession(paged.page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      figures.workerPageThrottled4x = await checkFile(paged.page, LARGE_PDF);
      await paged.context.close();

      // 3. The same checker run on the page's own thread (a browser without workers), throttled 4×: every step of
      //    reading and analysis is slowed, which is the honest "modest laptop" figure.
      const inPage = await open({ noWorker: true });
      const cdp3 = await inPage.page.context().newCDPSession(inPage.page);
      await cdp3.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      figures.inPageThrottled4x = await checkFile(inPage.page, LARGE_PDF);
      expect(await inPage.page.locator('#check-report tr[data-type-id]').count()).toBe(dataset.taxonomy.types.length);
      expectNoDocumentSent(inPage.requests, LARGE_PDF);

      // 4. A ~100-page PDF (the two decoy policies' text set in pdfkit), in the page, throttled 4×.
      const hundred = await hundredPagePdf();
      figures.hundredPagePdf = { pages: (await readDocument(new Uint8Array(readFileSync(hundred)), 'x.pdf')).pages };
      figures.inPageThrottled4x100Pages = await checkFile(inPage.page, hundred);
      await inPage.context.close();

      timings.largePdf = figures;
      console.log(`Check my policy timings (ms): ${JSON.stringify(figures, null, 2)}`);
    },
  );
});
