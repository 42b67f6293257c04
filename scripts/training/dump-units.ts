/**
 * Writes the sentence units of every gold-labelled fixture document as JSON Lines, one file per document, with
 * the types today's cues suggest for each: the worksheet a labeller fills in to make content/training/.
 *
 *   npx tsx scripts/training/dump-units.ts --out DIR
 */
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingest } from '../../src/pipeline/ingest/index.ts';
import { structure } from '../../src/pipeline/structure/index.ts';
import { compileTaxonomy, matchCues } from '../../src/pipeline/classify/compile.ts';
import { sentenceUnits, leadIns } from '../../src/pipeline/classify/units.ts';
import { loadContentTaxonomy } from '../dev-score.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const out = process.argv[process.argv.indexOf('--out') + 1] ?? '/tmp/units';
mkdirSync(out, { recursive: true });
const taxonomy = loadContentTaxonomy();
const compiled = compileTaxonomy(taxonomy);
for (const set of ['seeds', 'extra', 'dev']) {
  const dir = join(ROOT, 'test/fixtures', set);
  for (const file of readdirSync(dir).sort()) {
    if (file.endsWith('.md') && file === 'SOURCES.md') continue;
    const doc = structure(await ingest(new Uint8Array(readFileSync(join(dir, file))), file));
    const leads = leadIns(doc.clauses);
    const lines = sentenceUnits(doc.clauses).map((u, n) => {
      const clause = doc.clauses[u.clause];
      const suggest = [...new Set(matchCues(compiled, u.text).map((h) => compiled.types[compiled.cues[h.cue]!.type]!.id))].sort();
      return JSON.stringify({
        u: n,
        headings: clause?.headingPath ?? [],
        leadIn: leads[u.clause] ?? null,
        text: u.text,
        suggest,
      });
    });
    writeFileSync(join(out, `${file.replace(/\.[^.]+$/, '')}.jsonl`), lines.join('\n') + '\n');
    console.log(set, file, lines.length);
  }
}
