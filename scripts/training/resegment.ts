/**
 * Re-splits the labelled documents with today's structure stage, for when a change there moves sentence
 * boundaries or headings. A sentence whose text is unchanged keeps its labels; a piece of a sentence that was split inherits
 * the labels of the sentence it came from and is listed, so a person can check it. The training files are
 * rewritten in place; nothing else is touched.
 *
 *   npx tsx scripts/training/resegment.ts
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingest } from '../../src/pipeline/ingest/index.ts';
import { structure } from '../../src/pipeline/structure/index.ts';
import { sentenceUnits, leadIns } from '../../src/pipeline/classify/units.ts';
import { readTrainingData } from '../lib/training-data.ts';
import { formatSentence } from '../lib/training-format.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const sentencesDir = join(ROOT, 'content/training/sentences');
const data = readTrainingData(join(ROOT, 'content'));
const fixtures = ['seeds', 'extra', 'dev'].flatMap((set) =>
  readdirSync(join(ROOT, 'test/fixtures', set))
    .filter((f) => /\.(txt|md|html|docx|pdf)$/.test(f) && f !== 'SOURCES.md')
    .map((f) => ({ doc: f.replace(/\.[^.]+$/, ''), path: join(ROOT, 'test/fixtures', set, f) })),
);

for (const labelled of data.documents) {
  const source = fixtures.find((f) => f.doc === labelled.doc);
  if (!source) continue;
  const files = readdirSync(sentencesDir).filter((f) => f.replace(/(\.part\d+)?\.jsonl$/, '') === labelled.doc);
  // A long document labelled in parts is re-split by hand.
  if (files.length !== 1) continue;
  const doc = structure(await ingest(new Uint8Array(readFileSync(source.path)), source.path));
  const leads = leadIns(doc.clauses);
  const byText = new Map(labelled.sentences.map((s) => [s.text, s]));
  // A document labelled only where it differs from an earlier version covers few of its sentences: leave it.
  const units = sentenceUnits(doc.clauses);
  const covered = units.filter((u) => labelled.sentences.some((s) => s.text.includes(u.text))).length;
  if (covered < units.length / 2) continue;
  // Headings and lead-ins are refreshed too: the model reads them, so they must be what structure gives today.
  const lines = units.map((u, n) => {
    const same = byText.get(u.text);
    const parent = same ?? labelled.sentences.find((s) => s.text.includes(u.text));
    if (!same) console.log(`${labelled.doc} ${n}: ${parent ? `inherits [${parent.types.join(', ')}]` : 'new, no labels'}: ${JSON.stringify(u.text.slice(0, 100))}`);
    const clause = doc.clauses[u.clause];
    return formatSentence({ u: n, headings: clause?.headingPath ?? [], leadIn: leads[u.clause] ?? null, text: u.text, types: parent?.types ?? [] });
  });
  const path = join(sentencesDir, files[0] as string);
  if (readFileSync(path, 'utf8') !== lines.join('')) writeFileSync(path, lines.join(''));
}
