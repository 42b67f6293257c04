/**
 * Writes a deterministic synthetic corpus of school policies for benchmarks and scale tests (issue 7).
 *
 *   npx tsx scripts/make-corpus.ts --n 1000 --out /tmp/corpus-1000 [--seed 1] [--formats txt,md,docx,pdf,html]
 *
 * Output: OUT/policies/<school-id>/<file>, OUT/schools.csv (same columns as content/schools.csv) and
 * OUT/truth.jsonl (one line per policy: what the generator wrote into its header, for checking extraction).
 * The same arguments always give byte-identical files.
 */
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ALL_FORMATS, writeCorpus, type CorpusStats, type SynthFormat } from './lib/synth/corpus.ts';
import { loadSources } from './lib/synth/sources.ts';

export interface MakeCorpusOptions {
  n: number;
  out: string;
  seed?: number;
  formats?: readonly SynthFormat[];
  /** The repository whose content/policies and test/fixtures/extra are recombined; default this one. */
  repoRoot?: string;
}

const REPO = resolve(fileURLToPath(new URL('..', import.meta.url)));

/** Generates the corpus; for the benchmark script and tests. */
export async function makeCorpus(options: MakeCorpusOptions): Promise<CorpusStats> {
  const sources = await loadSources(options.repoRoot ?? REPO);
  return writeCorpus(options.out, sources, {
    n: options.n,
    seed: options.seed ?? 1,
    formats: options.formats ?? ALL_FORMATS,
  });
}

export function parseFormats(value: string): SynthFormat[] {
  const list = value.split(',').map((s) => s.trim().toLowerCase()).filter((s) => s !== '');
  for (const f of list) {
    if (!(ALL_FORMATS as readonly string[]).includes(f)) throw new Error(`unknown format "${f}"; use ${ALL_FORMATS.join(', ')}`);
  }
  if (list.length === 0) throw new Error('--formats needs at least one format');
  return list as SynthFormat[];
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { n: { type: 'string' }, out: { type: 'string' }, seed: { type: 'string' }, formats: { type: 'string' } },
    strict: true,
  });
  const n = Number(values.n);
  const seed = Number(values.seed ?? '1');
  if (!Number.isInteger(n) || n < 1) throw new Error('--n must be a positive whole number');
  if (!Number.isInteger(seed)) throw new Error('--seed must be a whole number');
  if (!values.out) throw new Error('--out is required');
  const t0 = performance.now();
  const stats = await makeCorpus({ n, out: values.out, seed, formats: values.formats ? parseFormats(values.formats) : ALL_FORMATS });
  const seconds = Math.round(performance.now() - t0) / 1000;
  console.log(JSON.stringify({ ...stats, seconds, out: values.out }));
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
