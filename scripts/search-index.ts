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
import { policySearchHtml } from '../src/site/search-record.ts';

/** Policies read and handed to pagefind at once. */
const PARALLEL = 8;

/** Top-level folders that are not pages, and the policy pages (indexed from the dataset instead). */
const NOT_PAGES = new Set(['_astro', 'data', 'pagefind']);

/** A brace glob of every page except the policy pages (policies/index.html and its list pages are kept). */
async function pagesGlob(site: string): Promise<string> {
  const parts: string[] = [];
  for (const entry of (await readdir(site, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (NOT_PAGES.has(entry.name)) continue;
    if (entry.isFile() && entry.name.endsWith('.html')) parts.push(entry.name);
    else if (entry.isDirectory() && entry.name === 'policies') {
      parts.push('policies/index.html');
      for (const sub of await readdir(join(site, 'policies'), { withFileTypes: true })) {
        // Policy pages are folders named by policy id; list pages live in page/ and by/.
        if (sub.isDirectory() && (sub.name === 'page' || sub.name === 'by')) parts.push(`policies/${sub.name}/**/*.html`);
      }
    } else if (entry.isDirectory()) parts.push(`${entry.name}/**/*.html`);
  }
  return `{${parts.join(',')}}`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { site: { type: 'string', default: 'dist' } } });
  const site = resolve(values.site ?? 'dist');
  const dataset = loadDataset();
  const fullText = fullTextSearched();

  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(`pagefind could not start: ${errors.join('; ')}`);
  const pages = await index.addDirectory({ path: site, glob: await pagesGlob(site) });
  if (pages.errors.length > 0) throw new Error(`pagefind: ${pages.errors.join('; ')}`);

  const summaries = dataset.policies;
  let next = 0;
  const lanes = Array.from({ length: PARALLEL }, async () => {
    while (next < summaries.length) {
      const summary = summaries[next++];
      if (!summary) break;
      const { id } = summary;
      const detail = JSON.parse(await readFile(join(dataDir(), 'policies', `${id}.json`), 'utf8')) as PolicyDetail;
      const heading = `${schoolName(summary)}: ${policyTitle(summary)}`;
      const added = await index.addHTMLFile({ url: `/policies/${encodeURIComponent(id)}/`, content: policySearchHtml(detail, fullText, heading) });
      if (added.errors.length > 0) throw new Error(`pagefind could not index ${id}: ${added.errors.join('; ')}`);
    }
  });
  await Promise.all(lanes);

  const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
  if (written.errors.length > 0) throw new Error(`pagefind could not write the index: ${written.errors.join('; ')}`);
  await pagefind.close();
  console.log(
    `Search index: ${pages.page_count} pages and ${summaries.length} policies${fullText ? ' (full text)' : ' (titles, schools and findings)'}.`,
  );
}

await main();
