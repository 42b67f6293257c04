/**
 * Error analysis for one document as cross-validation sees it: the model is trained without the document's template
 * family, then each clause is printed with its labels and near misses, and for the types named with --types the
 * model's probability of each sentence and the features that pushed it up and down most.
 *
 *   npx tsx scripts/training/inspect-held-out.ts test/fixtures/dev/<file> [--types sec-passwords,sec-access-control]
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingest } from '../../src/pipeline/ingest/index.ts';
import { structure } from '../../src/pipeline/structure/index.ts';
import { classifyClauses } from '../../src/pipeline/classify/index.ts';
import { compileModel, weightOf } from '../../src/pipeline/classify/model.ts';
import { unitFeatures, describeFeature } from '../../src/pipeline/classify/features.ts';
import { cueSignals } from '../../src/pipeline/classify/cue-signals.ts';
import { compileTaxonomy } from '../../src/pipeline/classify/compile.ts';
import { clauseSentences, leadIns } from '../../src/pipeline/classify/units.ts';
import { trainingExamples } from '../../src/pipeline/classify/training.ts';
import { trainClauseModel, DEFAULT_TRAIN_OPTIONS } from '../../src/pipeline/classify/learn.ts';
import { loadContentTaxonomy } from '../dev-score.ts';
import { readTrainingData } from '../lib/training-data.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const file = process.argv[2] ?? '';
const typesArg = process.argv.indexOf('--types');
const watch = typesArg > 0 ? (process.argv[typesArg + 1] ?? '').split(',') : [];
const name = basename(file).replace(/\.[^.]+$/, '');
const taxonomy = loadContentTaxonomy(ROOT);
const data = readTrainingData(join(ROOT, 'content'));
const family = data.familyOf(name);
const docs = data.documents.filter((d) => data.familyOf(d.doc) !== family);
const model = trainClauseModel(trainingExamples(docs, taxonomy, { cueFeatures: true }), taxonomy.types.map((t) => t.id), DEFAULT_TRAIN_OPTIONS);
console.log(`held out family "${family}": trained on ${docs.length} documents`);
const doc = structure(await ingest(new Uint8Array(readFileSync(file)), basename(file)));
const res = classifyClauses(doc.clauses, taxonomy, { model });
const scorer = compileModel(model);
const compiled = compileTaxonomy(taxonomy);
const leads = leadIns(doc.clauses);
let position = 0;
doc.clauses.forEach((c, i) => {
  const r = res[i];
  console.log(`[${i}] ${c.headingPath.join(' > ').slice(0, 60)} | ${c.text.slice(0, 150).replace(/\n/g, '⏎')}`);
  console.log(`     ${r?.labels.map((l) => `${l.typeId}:${l.confidence}`).join(' ')}  ~ ${(r?.nearMisses ?? []).map((l) => `${l.typeId}:${l.confidence}`).join(' ')}`);
  const units = clauseSentences(c, i);
  for (const [k, u] of units.entries()) {
    for (const id of watch) {
      const t = scorer.typeIds.indexOf(id);
      const features = unitFeatures({ text: u.text, headings: c.headingPath, leadIn: leads[i] ?? null, position: position + k, cueSignals: cueSignals(compiled, u.text, c.headingPath, leads[i] ?? null) });
      const weighed = features
        .map((f) => ({ f, w: weightOf(scorer, t, f) }))
        .filter((x) => x.w !== 0)
        .sort((a, b) => Math.abs(b.w) - Math.abs(a.w))
        .slice(0, 8);
      console.log(`       ${id} · ${u.text.slice(0, 50)} · ${weighed.map((x) => `${describeFeature(x.f)} ${x.w.toFixed(2)}`).join(', ')}`);
    }
  }
  position += units.length;
});
