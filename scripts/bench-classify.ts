/**
 * Classification throughput on one thread: every clause of the gold-labelled fixture documents (seeds, extra,
 * dev), classified with the committed model and with the cues alone, several rounds after a warm-up.
 *
 *   npx tsx scripts/bench-classify.ts [--rounds 5]
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingest } from '../src/pipeline/ingest/index.ts';
import { structure } from '../src/pipeline/structure/index.ts';
import { classifyClauses } from '../src/pipeline/classify/index.ts';
import { loadContentModel, loadContentTaxonomy } from './dev-score.ts';
import type { Clause } from '../src/pipeline/types.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const rounds = Number(process.argv[process.argv.indexOf('--rounds') + 1] ?? 5) || 5;
const taxonomy = loadContentTaxonomy(ROOT);
const model = loadContentModel(ROOT);
const docs: Clause[][] = [];
for (const set of ['seeds', 'extra', 'dev']) {
  const dir = join(ROOT, 'test/fixtures', set);
  for (const f of readdirSync(dir).filter((x) => x !== 'SOURCES.md').sort()) {
    docs.push(structure(await ingest(new Uint8Array(readFileSync(join(dir, f))), f)).clauses);
  }
}
const clauses = docs.reduce((n, d) => n + d.length, 0);
for (const [name, options] of [['cues and model', { model }], ['cues alone', {}]] as const) {
  for (const d of docs) classifyClauses(d, taxonomy, options);
  const started = performance.now();
  for (let r = 0; r < rounds; r++) for (const d of docs) classifyClauses(d, taxonomy, options);
  const seconds = (performance.now() - started) / 1000;
  console.log(`${name}: ${Math.round((clauses * rounds) / seconds).toLocaleString('en-GB')} clauses/s (${clauses} clauses × ${rounds} rounds in ${seconds.toFixed(2)} s)`);
}
