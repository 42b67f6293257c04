/**
 * `npm run analyse`: reads a folder of policies and writes the open dataset. A thin shell around the pure
 * pipeline in src/pipeline: it reads files, reports progress and writes outputs atomically.
 *
 * Error policy: an operational problem (a file that cannot be read, a bad override, a bad school row) is
 * reported with the file's name and a plain reason, and the run goes on. A problem where the output is written
 * (a full disk, an output path that is a file, a folder that cannot be written) stops the run with one plain
 * sentence and exit status 2, leaving the previous output as it was (see lib/write.ts). A programmer error (a bug,
 * a dataset that fails its own schema) crashes with a stack trace, because carrying on would publish wrong data.
 */
import { mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, resolve, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCliArgs, USAGE, UsageError, type CliOptions } from './lib/args.ts';
import { listFiles } from './lib/walk.ts';
import { OutputWriter, type StreamedFile } from './lib/write.ts';
import { loadContent, ContentError } from './lib/content.ts';
import { createReporter } from './lib/report.ts';
import { analysisFingerprint } from './lib/fingerprint.ts';
import { OutcomeCache } from './lib/cache.ts';
import { InputDigests } from './lib/input-digests.ts';
import { OutputError, describeWriteError } from './lib/output-error.ts';
import { resolveOutputFolder, type Protected } from './lib/output-folder.ts';
import { pidExists } from './lib/process-alive.ts';
import { decisionsFor, fileAnalyser } from './lib/analyse-file.ts';
import { createPool, SLOTS_PER_WORKER, type Pool } from './lib/pool.ts';
import { buildRecord, prepareRecord } from './lib/assemble-record.ts';
import { LastRun, RecordsIndexBuilder, RECORDS_INDEX } from './lib/record-reuse.ts';
import { recordFileNames } from '../src/pipeline/run/record-files.ts';
import { planCorpus } from '../src/pipeline/run/plan.ts';
import { finishCorpus } from '../src/pipeline/run/finish.ts';
import type { SourceDocument } from '../src/pipeline/run/source.ts';
import type { DetailDigest } from '../src/pipeline/run/views.ts';
import { browserContent } from '../src/pipeline/run/content.ts';
import { corpusFiles, csvHeader, PER_POLICY_CSVS } from '../src/pipeline/output/exports.ts';

/**
 * A re-run after a few files changed analyses them on the main thread: starting the workers (each loads the
 * content, clause model included, about a second) would cost more than analysing a handful of files.
 */
const IN_PROCESS_MISSES = 4;

async function main(argv: string[]): Promise<number> {
  let options: CliOptions;
  try {
    options = parseCliArgs(argv, new Date().toISOString().slice(0, 10), availableParallelism());
  } catch (e) {
    if (e instanceof UsageError) {
      if (e.message) console.error(`policy-atlas: ${e.message}\n`);
      console.error(USAGE);
      return e.message ? 2 : 0;
    }
    throw e;
  }
  const report = createReporter(options.quiet);

  const input = resolve(options.input);
  const inputStat = await stat(input).catch(() => null);
  if (!inputStat?.isDirectory()) {
    console.error(`policy-atlas: the input folder ${options.input} does not exist or is not a folder.`);
    return 2;
  }

  let content;
  try {
    content = await loadContent(options.content, options.schools);
  } catch (e) {
    if (e instanceof ContentError) {
      console.error(`policy-atlas: ${e.message}`);
      return 2;
    }
    throw e;
  }
  for (const w of content.warnings) report.warn(w.file, w.message);

  // The output path is checked now, not after a long analysis. The run replaces the output folder whole, so it
  // must not hold anything the run reads.
  const mustNotHold: Protected[] = [
    { label: 'the input folder', path: options.input },
    { label: 'the content folder', path: options.content },
    { label: 'the current folder', path: '.' },
    ...(options.schools ? [{ label: 'the schools file', path: options.schools }] : []),
    ...(options.cacheDir ? [{ label: 'the cache folder', path: options.cacheDir }] : []),
  ];
  await resolveOutputFolder(options.out, mustNotHold);

  const files = await listFiles(input);
  report.start(files.length, options.input);
  // Bytes are read when the pipeline reaches a file, so a large corpus is never all in memory at once.
  const sources: SourceDocument[] = files.map((rel) => ({
    sourceFile: rel,
    read: async () => new Uint8Array(await readFile(join(input, rel))),
  }));

  const projectRoot = await projectRootOf(fileURLToPath(import.meta.url));
  const fingerprint = options.cacheDir ? await analysisFingerprint(projectRoot, options.content) : '';
  // Each record's document part waits on disk until the record is written: in the cache, or for this run only.
  // What killed runs left in the store is removed now, and told in one line with the output's when that is opened.
  const cleanedElsewhere: string[] = [];
  const storeDir = options.cacheDir ? resolve(options.cacheDir) : await temporaryStore(cleanedElsewhere);
  const storeLabel = options.cacheDir ? `the cache folder ${options.cacheDir}` : `the temporary folder ${storeDir}`;
  const recordOptions = { maskPersonalData: options.maskPersonalData, includeText: options.includeText };
  const store = new OutcomeCache(storeDir, fingerprint, storeLabel, JSON.stringify(recordOptions));
  const scraps = options.cacheDir ? await store.cleanLeftovers() : 0;
  if (scraps > 0) cleanedElsewhere.push(`removed ${scraps} temporary file${scraps === 1 ? '' : 's'} from ${storeLabel}`);
  const keys = new Map<string, string>();
  const inputDigests = await InputDigests.open(store.inputIndexPath(options.cacheDir !== null));
  // Small runs are quicker in one thread than spinning up workers that each load the content; a re-run that finds
  // all but a few files in the cache starts none.
  const useWorkers = options.workers > 0 && files.length >= 20;
  let pool: Pool | null = null;
  const startPool = (): Pool =>
    (pool ??= createPool(options.workers, {
      contentDir: resolve(options.content),
      schoolsFile: options.schools && resolve(options.schools),
      storeDir,
      storeLabel,
      fingerprint,
      recordOptions,
    }));
  let misses = 0;
  const inProcess = fileAnalyser(content.bundle, store, recordOptions);
  const corpusOptions = {
    asOf: options.asOf,
    dueSoonMonths: options.dueSoonMonths,
    maskPersonalData: options.maskPersonalData,
    includeText: options.includeText,
  };

  let result;
  let out: OutputWriter | null = null;
  try {
    const plan = await planCorpus(sources, content.bundle, {
      ...corpusOptions,
      onProgress: (done, sourceFile) => report.progress(done, sourceFile),
      // One more per worker than it holds, so a worker that finishes a task finds the next one waiting.
      concurrency: useWorkers ? options.workers * (SLOTS_PER_WORKER + 1) : 1,
      analyseSource: async (source, context) => {
        const file = join(input, source.sourceFile);
        const decisions = decisionsFor(content.bundle, context.policyId);
        const seen = await inputDigests.digest(file);
        let key = store.key(seen.hash, context, decisions);
        const hit = options.cacheDir ? await store.getFacts(key) : null;
        if (hit) {
          keys.set(source.sourceFile, key);
          return hit;
        }
        let bytes = seen.bytes;
        if (bytes === null) {
          // The stats vouched for a hash with no entry behind it: key the file by what is read now.
          const fresh = await inputDigests.read(file);
          bytes = fresh.bytes;
          if (fresh.hash !== seen.hash) key = store.key(fresh.hash, context, decisions);
        }
        keys.set(source.sourceFile, key);
        misses++;
        const inWorker = useWorkers && (pool !== null || misses > IN_PROCESS_MISSES);
        return inWorker ? startPool().analyse(bytes, source.sourceFile, context, key) : inProcess(bytes, source.sourceFile, context, key);
      },
    });

    out = await OutputWriter.open(options.out, { mustNotHold, cleanedElsewhere, onNote: (line) => console.log(line) });
    const csvs = new Map<string, StreamedFile>();
    for (const c of PER_POLICY_CSVS) {
      const stream = await out.stream(c.file);
      await stream.write(csvHeader(c.header));
      csvs.set(c.file, stream);
    }
    const keyOf = (sourceFile: string): string => keys.get(sourceFile) ?? '';
    const jobs = plan.records.map((r) => ({
      key: keyOf(r.sourceFile),
      olderKey: r.previous === null ? null : keyOf(plan.records[r.previous]?.sourceFile ?? ''),
    }));
    // Every file is analysed: the workers' memory (each holds the content) is let go before the records are built.
    await (pool as Pool | null)?.close();
    pool = null;
    // Records whose inputs are all as last run's keep last run's files; only with a cache, whose keys name the
    // analysis code and content (a run without one keys by the files alone).
    const lastRun = options.cacheDir ? await LastRun.open(out, PER_POLICY_CSVS.map((c) => c.file)) : null;
    const index = new RecordsIndexBuilder();
    const ready = async (job: (typeof jobs)[number]) => {
      const prepared = await prepareRecord(job, store, plan.comparisons, content.bundle);
      const carried = (await lastRun?.carryOver(prepared.id, prepared.fingerprint, recordFileNames(prepared.id))) ?? null;
      return { prepared, carried, built: carried ? null : await buildRecord(prepared, store, content.bundle) };
    };

    // Records are written in input order (so the CSVs are byte-identical) while the next few are read: enough of
    // them that a re-run, which mostly links last run's files, is not waiting on one file at a time.
    const ahead = 16;
    const inFlight = new Map<number, ReturnType<typeof ready>>();
    const digests: DetailDigest[] = [];
    try {
      for (let k = 0; k < jobs.length; k++) {
        for (let j = k; j < Math.min(jobs.length, k + ahead); j++) {
          if (inFlight.has(j)) continue;
          const pending = ready(jobs[j] as (typeof jobs)[number]);
          // If writing fails, records already being read are abandoned: their errors must not surface later.
          pending.catch(() => undefined);
          inFlight.set(j, pending);
        }
        const { prepared, carried, built } = await (inFlight.get(k) as ReturnType<typeof ready>);
        inFlight.delete(k);
        const blocks: Record<string, [number, number]> = {};
        // Same fingerprint, same bytes: it names the files' content in the manifest (record-reuse.ts).
        for (const [name, text] of built?.files ?? []) await out.file(name, text, `record:${prepared.fingerprint}`);
        for (const [name, rows] of carried ?? built?.rows ?? []) {
          const csv = csvs.get(name) as StreamedFile;
          const at = csv.offset;
          await csv.write(rows);
          blocks[name] = [at, csv.offset - at];
        }
        index.add(prepared.id, prepared.fingerprint, blocks);
        digests.push(prepared.digest);
      }
    } finally {
      // Records still being read when a write failed are let finish first: the files they hold are closed after.
      await Promise.allSettled(inFlight.values());
      await lastRun?.close();
    }
    if (options.cacheDir) await out.file(RECORDS_INDEX, index.text(Object.fromEntries([...csvs].map(([name, csv]) => [name, csv.offset]))));
    result = finishCorpus(plan, digests, content.bundle, corpusOptions);
    for (const [name, text] of corpusFiles(result.dataset, result.clauseTypes, browserContent(content.bundle))) await out.file(name, text);
    await out.finish();
    out = null;
    await inputDigests.save();
  } finally {
    await (out as OutputWriter | null)?.abort();
    await (pool as Pool | null)?.close();
    if (!options.cacheDir) await rm(storeDir, { recursive: true, force: true });
  }
  report.summary(result.dataset, options.out);

  const read = result.dataset.policies.length;
  if (read === 0) {
    console.error(`policy-atlas: no policy in ${options.input} could be read.`);
    return 2;
  }
  if (options.strict && result.dataset.errors.length > 0) return 1;
  return 0;
}

/**
 * The folder holding package.json above this file: scripts/ when run as TypeScript, node_modules/.cache/… when
 * run compiled (scripts/cli.mjs). The cache fingerprint reads the pipeline's sources from there.
 */
async function projectRootOf(file: string): Promise<string> {
  for (let dir = dirname(file); dir !== dirname(dir); dir = dirname(dir)) {
    if (await stat(join(dir, 'package.json')).then((s) => s.isFile(), () => false)) return dir;
  }
  throw new Error(`no package.json above ${file}`);
}

/**
 * The store for a `--no-cache` run, named with this process's id so that one left by a killed run is recognised
 * and removed by the next.
 */
async function temporaryStore(cleaned: string[]): Promise<string> {
  const prefix = 'policy-atlas-store-';
  for (const name of await readdir(tmpdir()).catch(() => [] as string[])) {
    const m = /^policy-atlas-store-(\d+)-/.exec(name);
    if (!m || pidExists(Number(m[1]))) continue;
    // Another user's folder cannot be removed (a shared /tmp): that is theirs to clean, so it is left alone.
    const removed = await rm(join(tmpdir(), name), { recursive: true, force: true }).then(() => true, () => false);
    if (removed) cleaned.push(`removed the temporary folder ${join(tmpdir(), name)}`);
  }
  try {
    return await mkdtemp(join(tmpdir(), `${prefix}${process.pid}-`));
  } catch (e) {
    throw describeWriteError(e, `the temporary folder ${tmpdir()}`);
  }
}

process.exitCode = await main(process.argv.slice(2)).catch((e: unknown) => {
  if (!(e instanceof OutputError)) throw e;
  console.error(`policy-atlas: ${e.message}`);
  return 2;
});
