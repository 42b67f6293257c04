/**
 * Publishes the analysis's files under /data/ by copying them into the built site, instead of rendering one
 * Astro endpoint per file: at 10,000 policies that is 20,000 files of up to a few hundred kB each, which Astro
 * would read, hold as strings and write back out. Copies, never hardlinks, so dist/ stays independent of the data
 * folder (a later `npm run analyse` must not change a deployed site).
 *
 * URLs (src/site/url.ts): /data/<export>, /data/policies/<id>.json, /data/policies/<id>.csv,
 * /data/clause-types/<id>.json. A policy's CSV is copied when the analysis wrote it and made here otherwise.
 * /data/review.json (the review page's rows) is written here too, after the pages, from what they noted while
 * loading each policy. `astro dev` serves the same URLs straight from the data folder.
 */
import type { AstroIntegration } from 'astro';
import { constants, createReadStream, existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PolicyDetail } from '../pipeline/dataset.ts';
import { policyCsv, type PolicyCsvType } from '../pipeline/output/policy-csv.ts';
import { EXPORT_FILES, dataDir, forgetReviewFacts, loadPolicy, reviewFacts } from '../site/load.ts';
import { buildReviewData } from '../site/review-data.ts';

/** How many copies run at once: enough to keep the disk busy without thousands of open files. */
const PARALLEL = 16;

/** The few fields of dataset.json this needs, read without the schema (the pages' build has checked it). */
interface DatasetIndex {
  policies: { id: string }[];
  taxonomy: { types: PolicyCsvType[] };
}

export default function publishData(): AstroIntegration {
  let base = '/';
  return {
    name: 'policy-atlas:publish-data',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:start': () => {
        forgetReviewFacts();
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const out = join(fileURLToPath(dir), 'data');
        const n = await publish(dataDir(), out);
        await writeFile(join(out, 'review.json'), JSON.stringify(buildReviewData()));
        logger.info(`published ${n + 1} data files in ${Math.round(performance.now() - started)} ms`);
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((req, res, next) => {
          const path = decodeURIComponent((req.url ?? '').split('?')[0] ?? '');
          const prefix = `${base}data/`;
          if (!path.startsWith(prefix)) return next();
          void devFile(path.slice(prefix.length)).then((body) => {
            if (body === null) return next();
            res.setHeader('Content-Type', path.endsWith('.csv') ? 'text/csv; charset=utf-8' : 'application/json');
            if (typeof body === 'string') res.end(body);
            else body.pipe(res);
          }, next);
        });
      },
    },
  };
}

/** Copies every /data/ file into `out`; returns how many files it wrote. */
export async function publish(from: string, out: string): Promise<number> {
  const index = JSON.parse(await readFile(join(from, 'dataset.json'), 'utf8')) as DatasetIndex;
  await mkdir(join(out, 'policies'), { recursive: true });
  await mkdir(join(out, 'clause-types'), { recursive: true });
  const jobs: (() => Promise<void>)[] = [];
  for (const name of EXPORT_FILES) {
    if (existsSync(join(from, name))) jobs.push(() => copy(join(from, name), join(out, name)));
  }
  const written = new Set(await readdir(join(from, 'policies')));
  for (const { id } of index.policies) {
    const json = join('policies', `${id}.json`);
    const csv = join('policies', `${id}.csv`);
    jobs.push(() => copy(join(from, json), join(out, json)));
    jobs.push(
      written.has(`${id}.csv`)
        ? () => copy(join(from, csv), join(out, csv))
        : async () => writeFile(join(out, csv), await makeCsv(from, id, index.taxonomy.types)),
    );
  }
  const types = existsSync(join(from, 'clause-types')) ? new Set(await readdir(join(from, 'clause-types'))) : new Set<string>();
  for (const t of index.taxonomy.types) {
    const rel = join('clause-types', `${t.id}.json`);
    if (types.has(`${t.id}.json`)) jobs.push(() => copy(join(from, rel), join(out, rel)));
  }
  await runAll(jobs, PARALLEL);
  return jobs.length;
}

/** A real copy (a copy-on-write clone where the file system offers one): never a link to the data folder. */
function copy(src: string, dest: string): Promise<void> {
  return copyFile(src, dest, constants.COPYFILE_FICLONE);
}

async function makeCsv(from: string, id: string, types: readonly PolicyCsvType[]): Promise<string> {
  const detail = JSON.parse(await readFile(join(from, 'policies', `${id}.json`), 'utf8')) as PolicyDetail;
  return policyCsv(detail, types);
}

async function runAll(jobs: readonly (() => Promise<void>)[], parallel: number): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < jobs.length) {
      const job = jobs[next++];
      if (job) await job();
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, jobs.length) }, worker));
}

/** `astro dev`: a /data/ file from the data folder (a policy CSV made on the fly), or null to fall through. */
async function devFile(rel: string): Promise<string | NodeJS.ReadableStream | null> {
  if (rel === 'review.json') {
    return JSON.stringify(buildReviewData((id) => (loadPolicy(id), reviewFacts(id))));
  }
  const from = dataDir();
  const parts = rel.split('/');
  const allowed =
    (parts.length === 1 && (EXPORT_FILES as readonly string[]).includes(rel)) ||
    (parts.length === 2 && (parts[0] === 'policies' || parts[0] === 'clause-types') && /^[^/\\]+\.(json|csv)$/.test(parts[1] ?? '') && !(parts[1] ?? '').startsWith('.'));
  if (!allowed) return null;
  const file = join(from, ...parts);
  if (existsSync(file) && (await stat(file)).isFile()) return createReadStream(file);
  const id = /^policies\/(.+)\.csv$/.exec(rel)?.[1];
  if (!id || !existsSync(join(from, 'policies', `${id}.json`))) return null;
  const index = JSON.parse(await readFile(join(from, 'dataset.json'), 'utf8')) as DatasetIndex;
  return makeCsv(from, id, index.taxonomy.types);
}
