/**
 * `npm run analyse`: reads a folder of policies and writes the open dataset. A thin shell around the pure
 * pipeline in src/pipeline: it reads files, reports progress and writes outputs atomically.
 *
 * Error policy: an operational problem (a file that cannot be read, a bad override, a bad school row) is
 * reported with the file's name and a plain reason, and the run goes on. A programmer error (a bug, a dataset
 * that fails its own schema) crashes with a stack trace, because carrying on would publish wrong data.
 */
import { readFile, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { resolve, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCliArgs, USAGE, UsageError, type CliOptions } from './lib/args.ts';
import { listFiles } from './lib/walk.ts';
import { writeOutputs } from './lib/write.ts';
import { loadContent, ContentError } from './lib/content.ts';
import { createReporter } from './lib/report.ts';
import { analysisFingerprint } from './lib/fingerprint.ts';
import { OutcomeCache } from './lib/cache.ts';
import { fileAnalyser } from './lib/analyse-file.ts';
import { createPool } from './lib/pool.ts';
import { analyseCorpus, type SourceDocument } from '../src/pipeline/run/corpus.ts';
import { browserContent } from '../src/pipeline/run/content.ts';
import { buildExports } from '../src/pipeline/output/exports.ts';

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

  const files = await listFiles(input);
  report.start(files.length, options.input);
  // Bytes are read when the pipeline reaches a file, so a large corpus is never all in memory at once.
  const sources: SourceDocument[] = files.map((rel) => ({
    sourceFile: rel,
    read: async () => new Uint8Array(await readFile(join(input, rel))),
  }));

  const projectRoot = fileURLToPath(new URL('..', import.meta.url));
  const fingerprint = options.cacheDir ? await analysisFingerprint(projectRoot, options.content) : '';
  const cacheDir = options.cacheDir ? resolve(options.cacheDir) : null;
  // Small runs are quicker in one thread than spinning up workers that each load the content.
  const useWorkers = options.workers > 0 && files.length >= 20;
  const pool = useWorkers
    ? createPool(options.workers, { contentDir: resolve(options.content), schoolsFile: options.schools && resolve(options.schools), cacheDir, fingerprint })
    : null;
  const inProcess = fileAnalyser(content.bundle, cacheDir ? new OutcomeCache(cacheDir, fingerprint) : null);

  let result;
  try {
    result = await analyseCorpus(sources, content.bundle, {
      asOf: options.asOf,
      dueSoonMonths: options.dueSoonMonths,
      maskPersonalData: options.maskPersonalData,
      includeText: options.includeText,
      onProgress: (done, sourceFile) => report.progress(done, sourceFile),
      concurrency: pool ? options.workers * 2 : 1,
      analyseSource: (source, context) =>
        pool
          ? pool.run(join(input, source.sourceFile), source.sourceFile, context)
          : inProcess(join(input, source.sourceFile), source.sourceFile, context),
    });
  } finally {
    await pool?.close();
  }

  await writeOutputs(options.out, buildExports(result.dataset, result.details, result.clauseTypes, browserContent(content.bundle)));
  report.summary(result.dataset, options.out);

  const read = result.dataset.policies.length;
  if (read === 0) {
    console.error(`policy-atlas: no policy in ${options.input} could be read.`);
    return 2;
  }
  if (options.strict && result.dataset.errors.length > 0) return 1;
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
