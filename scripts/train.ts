/**
 * `npm run train`: rebuilds the clause model (content/model/clause-model.json) from the labelled sentences in
 * content/training/ and the taxonomy's cues and descriptions. Deterministic: the same content gives the same file,
 * byte for byte (a test checks the committed model against a fresh training run).
 *
 *   npm run train [-- --check]    (--check: exit 1 if the committed model is not what training gives)
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadContentTaxonomy } from './dev-score.ts';
import { readTrainingData } from './lib/training-data.ts';
import { serialiseModel } from './lib/model-file.ts';
import { trainingExamples } from '../src/pipeline/classify/training.ts';
import { trainClauseModel, DEFAULT_TRAIN_OPTIONS } from '../src/pipeline/classify/learn.ts';
import type { ClauseModel } from '../src/pipeline/classify/model-schema.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const MODEL_PATH = join(ROOT, 'content/model/clause-model.json');

/** Trains the model from content/ as `npm run train` does, and returns the file's text. */
export function trainFromContent(root = ROOT): { model: ClauseModel; text: string } {
  const taxonomy = loadContentTaxonomy(root);
  const data = readTrainingData(join(root, 'content'));
  const dataHash = createHash('sha256').update(data.hash).update(JSON.stringify(taxonomy)).digest('hex').slice(0, 16);
  const examples = trainingExamples(data.documents, taxonomy, { cueFeatures: DEFAULT_TRAIN_OPTIONS.cueFeatures });
  const model = trainClauseModel(examples, taxonomy.types.map((t) => t.id), DEFAULT_TRAIN_OPTIONS, dataHash);
  return { model, text: serialiseModel(model) };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  const { model, text } = trainFromContent();
  if (process.argv.includes('--check')) {
    const committed = existsSync(MODEL_PATH) ? readFileSync(MODEL_PATH, 'utf8') : '';
    if (committed !== text) {
      console.error(`${MODEL_PATH} is not what training gives: run \`npm run train\` and commit the result`);
      process.exit(1);
    }
    console.log('the committed model is what training gives');
  } else {
    mkdirSync(dirname(MODEL_PATH), { recursive: true });
    writeFileSync(MODEL_PATH, text);
    const weights = Object.values(model.types).reduce((n, t) => n + Object.keys(t.weights).length, 0);
    console.log(
      `trained on ${model.trainedOn.sentences} sentences (${model.trainedOn.positives} labels, ${model.trainedOn.documents} documents) in ` +
        `${((performance.now() - started) / 1000).toFixed(1)} s: ${weights} weights, ${(text.length / 1024).toFixed(0)} kB → ${MODEL_PATH}`,
    );
  }
}
