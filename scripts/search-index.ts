/**
 * `tsx scripts/search-index.ts --site dist`: builds the pagefind search index of a built site (run by
 * `npm run build` after `astro build`).
 *
 * Every page but the policy pages is indexed from its HTML as pagefind normally does. Each policy is indexed from
 * the dataset instead, as a small document holding what a search should find it by: its school and title, review
 * status, out-of-date references, stances and template leftovers with their quotes, and (up to
 * FULL_TEXT_SEARCH_LIMIT policies) its full text. Reading the policy pages themselves, ~150 kB of HTML each, was
 * most of pagefind's time and memory: 54 s and 5 GB at 10,000 policies, most of it spent parsing markup that the
 * index then ignored.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as pagefind from 'pagefind';
import { dataDir, fullTextSearched, loadDataset, schoolName, policyTitle } from '../src/site/load.ts';
import type { PolicyDetail } from '../src/site/types.ts';
import { policySearchHtml, withWordBoundaries } from '../src/site/search-record.ts';

/** Policies read and handed to pagefind at once. */
const PARALLEL = 8;

/** Top-level folders that are not pages, and the policy pages (indexed from the dataset instead). */
const NOT_PAGES = new Set(['_astro', 'data', 'pagefind']);

/** Every HTML file under `dir`, relative to `site`, sorted. */
async function htmlFiles(site: string, dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of (await readdir(join(site, dir), { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const rel = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await htmlFiles(site, rel)));
    else if (entry.name.endsWith('.html')) out.push(rel);
  }
  return out;
}

/** Every page except the policy pages (policies/index.html and its list pages are kept). */
async function pageFiles(site: string): Promise<string[]> {
  const files: string[] = [];
  for (const entry of (await readdir(site, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (NOT_PAGES.has(entry.name)) continue;
    if (entry.isFile() && entry.name.endsWith('.html')) files.push(entry.name);
    else if (entry.isDirectory() && entry.name === 'policies') {
      files.push('policies/index.html');
      // Policy pages are folders named by policy id; list pages live in page/ and by/.
      for (const sub of ['page', 'by']) {
        if ((await readdir(join(site, 'policies'))).includes(sub)) files.push(...(await htmlFiles(site, `policies/${sub}`)));
      }
    } else if (entry.isDirectory()) files.push(...(await htmlFiles(site, entry.name)));
  }
  return files;
}

/** The page's URL as pagefind records it: `clauses/x/index.html` → `/clauses/x/`. */
function pageUrl(file: string): string {
  return `/${file.replace(/(^|\/)index\.html$/, '$1')}`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { site: { type: 'string', default: 'dist' } } });
  const site = resolve(values.site ?? 'dist');
  const dataset = loadDataset();
  const fullText = fullTextSearched();

  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(`pagefind could not start: ${errors.join('; ')}`);
  // Pages are handed over with word boundaries between cells and blocks (see withWordBoundaries), so an excerpt
  // never reads "passwordsPositionPolicies".
  let pageCount = 0;
  for (const file of await pageFiles(site)) {
    const added = await index.addHTMLFile({ url: pageUrl(file), content: withWordBoundaries(await readFile(join(site, file), 'utf8')) });
    if (added.errors.length > 0) throw new Error(`pagefind could not index ${file}: ${added.errors.join('; ')}`);
    pageCount++;
  }

  const summaries = dataset.policies;
  let next = 0;
  const lanes = Array.from({ length: PARALLEL }, async () => {
    while (next < summaries.length) {
      const summary = summaries[next++];
      if (!summary) break;
      const { id } = summary;
      const detail = JSON.parse(await readFile(join(dataDir(), 'policies', `${id}.json`), 'utf8')) as PolicyDetail;
      const heading = `${schoolName(summary)}: ${policyTitle(summary)}`;
      const added = await index.addHTMLFile({ url: `/policies/${encodeURIComponent(id)}/`, content: withWordBoundaries(policySearchHtml(detail, fullText, heading)) });
      if (added.errors.length > 0) throw new Error(`pagefind could not index ${id}: ${added.errors.join('; ')}`);
    }
  });
  await Promise.all(lanes);

  const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
  if (written.errors.length > 0) throw new Error(`pagefind could not write the index: ${written.errors.join('; ')}`);
  await pagefind.close();
  console.log(
    `Search index: ${pageCount} pages and ${summaries.length} policies${fullText ? ' (full text)' : ' (titles, schools and findings)'}.`,
  );
}

await main();
