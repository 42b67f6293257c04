/**
 * Prints document-held-out cross-validation of the clause labels: the cues alone, the model alone and the two
 * combined, per gold set; per clause type with --types; the held-out errors on corpus-dev with --errors.
 *
 *   npx tsx scripts/cross-validate.ts [--variant cues|model|combined] [--folds K] [--sweep 0.2,0.3,0.4]
 *                                     [--types] [--errors] [--l1 N --l2 N --pos N --iter N --lr N]
 */
import { resolve, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadContentTaxonomy } from './dev-score.ts';
import { readTrainingData } from './lib/training-data.ts';
import { crossValidate, loadEvalDocuments, GOLD_SETS, type Variant, type VariantResult, type EvalDocument } from './lib/cross-validate.ts';
import { f1, formatScores } from './lib/gold-score.ts';
import type { TrainOptions } from '../src/pipeline/classify/learn.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const variants: Variant[] = opt('variant') ? [opt('variant') as Variant] : ['cues', 'model', 'combined'];
const train: Partial<TrainOptions> = {};
const numeric: [string, keyof TrainOptions][] = [['l1', 'l1'], ['l2', 'l2'], ['pos', 'positiveWeight'], ['iter', 'iterations'], ['lr', 'learningRate'], ['prune', 'prune']];
for (const [flag, key] of numeric) if (opt(flag) !== undefined) (train as Record<string, number>)[key] = Number(opt(flag));
const thresholds = opt('sweep')?.split(',').map(Number);

function printErrors(result: VariantResult, docs: readonly EvalDocument[]): void {
  for (const d of docs.filter((x) => x.set === 'dev')) {
    const pred = result.predicted.get(d.gold.file) ?? new Set<string>();
    for (const [id, g] of Object.entries(d.gold.clauses)) {
      if (g.label === 'partial' || (g.label === 'present') === pred.has(id)) continue;
      const cell = result.cells.get(d.gold.file)?.find((c) => c.typeId === id);
      const quote = (s: string | undefined): string => (s ?? '').slice(0, 110).replace(/\s+/g, ' ');
      const why = pred.has(id) ? `${cell?.confidence} :: ${quote(cell?.evidence[0]?.quote)}` : `best ${cell?.confidence}; gold: ${quote(g.evidence)}`;
      console.log(`  ${pred.has(id) ? 'FP' : 'FN'} ${d.doc.slice(0, 18).padEnd(18)} ${id.padEnd(30)} ${why}`);
    }
  }
}

const taxonomy = loadContentTaxonomy(ROOT);
const data = readTrainingData(join(ROOT, 'content'));
const docs = await loadEvalDocuments(join(ROOT, 'test/fixtures'));
for (const variant of variants) {
  const started = performance.now();
  const results = crossValidate(variant, docs, data, taxonomy, { train, folds: Number(opt('folds') ?? 0), ...(thresholds ? { thresholds } : {}) });
  console.log(`== ${variant} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  for (const result of results) {
    if (result.threshold !== null) console.log(` threshold ${result.threshold}`);
    for (const set of [...GOLD_SETS, 'all'] as const) console.log(`  ${set.padEnd(5)} ${formatScores(result.scores[set])}`);
    if (argv.includes('--types')) {
      const rows = [...result.scores.all.perType.entries()].filter(([, t]) => t.tp + t.fn > 0).sort((a, b) => f1(a[1]) - f1(b[1]));
      for (const [id, t] of rows) console.log(`    ${id.padEnd(36)} tp ${String(t.tp).padStart(3)} fp ${String(t.fp).padStart(3)} fn ${String(t.fn).padStart(3)}  F1 ${f1(t).toFixed(2)}`);
    }
    if (argv.includes('--errors')) printErrors(result, docs);
  }
}
