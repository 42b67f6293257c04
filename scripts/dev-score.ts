/**
 * Development scorer for the classifier: reads the fixture documents, runs the real ingest and structure stages,
 * classifies with the committed model, writes DIR/coverage.csv and DIR/policies.csv in the dataset's column layout, then runs the real scorer
 * (test/fixtures/score.mjs) on it.
 *
 *   npx tsx scripts/dev-score.ts [--set seeds|extra|dev|all] [--out DIR] [--json] [--verbose]
 *
 * The classifier test (test/unit/classify/eval.test.ts) calls `writeCoverage` and spawns the same scorer.
 */
import { readFileSync, readdirSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { join, basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { parse as parseYaml } from 'yaml';
import { loadTaxonomy, type Taxonomy } from '../src/pipeline/taxonomy/index.ts';
import { ingest } from '../src/pipeline/ingest/index.ts';
import { structure } from '../src/pipeline/structure/index.ts';
import type { CoverageCell, ClassifiedClause, PolicyDocument, PolicyMetadata } from '../src/pipeline/types.ts';
import { extractMetadata } from '../src/pipeline/metadata/index.ts';
import { coverageFor } from './lib/cross-validate.ts';
import { loadClauseModel } from '../src/pipeline/classify/model.ts';
import type { ClauseModel } from '../src/pipeline/classify/model-schema.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Loads content/taxonomy (types, every cue file, guidance when present). */
export function loadContentTaxonomy(root = ROOT): Taxonomy {
  const dir = join(root, 'content/taxonomy');
  const types: unknown = parseYaml(readFileSync(join(dir, 'types.yaml'), 'utf8'));
  const cueDir = join(dir, 'cues');
  const cues = existsSync(cueDir)
    ? readdirSync(cueDir)
        .filter((f) => f.endsWith('.yaml'))
        .sort()
        .map((f): unknown => parseYaml(readFileSync(join(cueDir, f), 'utf8')))
    : [parseYaml(readFileSync(join(dir, 'cues.yaml'), 'utf8')) as unknown];
  const guidancePath = join(dir, 'guidance.yaml');
  const guidance: unknown = existsSync(guidancePath) ? parseYaml(readFileSync(guidancePath, 'utf8')) : undefined;
  return loadTaxonomy(types, cues, guidance);
}

export const GOLD_SETS = {
  seeds: { docs: 'test/fixtures/seeds', gold: 'test/fixtures/gold/seeds' },
  extra: { docs: 'test/fixtures/extra', gold: 'test/fixtures/gold/extra' },
  dev: { docs: 'test/fixtures/dev', gold: 'test/fixtures/gold/dev' },
} as const;

/** The committed clause model, or null when there is none (the cues then decide alone, as in the CLI). */
export function loadContentModel(root = ROOT): ClauseModel | null {
  const path = join(root, 'content/model/clause-model.json');
  return existsSync(path) ? loadClauseModel(JSON.parse(readFileSync(path, 'utf8')) as unknown, path) : null;
}

export interface DocResult {
  file: string;
  doc: PolicyDocument;
  classified: ClassifiedClause[];
  cells: CoverageCell[];
  metadata: PolicyMetadata;
}

const csvField = (v: string): string => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** Classifies every document of a gold set and writes coverage.csv + policies.csv into outDir. */
export async function writeCoverage(
  set: keyof typeof GOLD_SETS,
  outDir: string,
  taxonomy: Taxonomy = loadContentTaxonomy(),
  model: ClauseModel | null = loadContentModel(),
): Promise<{ results: DocResult[] }> {
  const docsDir = join(ROOT, GOLD_SETS[set].docs);
  const results: DocResult[] = [];
  for (const file of readdirSync(docsDir).sort()) {
    if (file === 'SOURCES.md') continue;
    const bytes = new Uint8Array(readFileSync(join(docsDir, file)));
    const doc = structure(await ingest(bytes, file));
    const metadata = extractMetadata(doc, { fileName: file, asOf: '2026-12-07' });
    const { classified, cells } = coverageFor(doc, metadata, taxonomy, model);
    results.push({ file, doc, classified, cells, metadata });
  }
  mkdirSync(outDir, { recursive: true });
  const rows = ['policy_id,source_file,clause_id,status,confidence,evidence'];
  // Metadata as the pipeline reads it without schools.csv (so US day/month order rests on the text alone).
  const policies = ['policy_id,source_file,approved,last_reviewed,next_review,review_cycle_months'];
  for (const r of results) {
    const policyId = basename(r.file).replace(/\.[^.]+$/, '');
    const source = `${GOLD_SETS[set].docs}/${r.file}`;
    const m = r.metadata;
    const meta = [m.approved?.value, m.lastReviewed?.value, m.nextReview?.value, m.reviewCycleMonths?.value].map((v) => (v == null ? '' : String(v)));
    policies.push([policyId, source, ...meta].map(csvField).join(','));
    for (const c of r.cells) {
      rows.push([policyId, source, c.typeId, c.status, c.confidence.toFixed(3), c.evidence.map((e) => e.quote).join(' … ')].map(csvField).join(','));
    }
  }
  writeFileSync(join(outDir, 'coverage.csv'), rows.join('\n') + '\n');
  writeFileSync(join(outDir, 'policies.csv'), policies.join('\n') + '\n');
  return { results };
}

/** Runs test/fixtures/score.mjs (under the pinned Node) and returns its JSON or text output. */
export function runScorer(set: keyof typeof GOLD_SETS, outDir: string, json: boolean): string {
  const args = ['node', join(ROOT, 'test/fixtures/score.mjs'), '--gold', join(ROOT, GOLD_SETS[set].gold), '--out', outDir];
  if (json) args.push('--json');
  const run = spawnSync('npx', args, { cwd: ROOT, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`score.mjs failed: ${run.stderr}`);
  return run.stdout;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const opt = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const sets = (opt('set') ?? 'all') === 'all' ? (['seeds', 'extra', 'dev'] as const) : [opt('set') as keyof typeof GOLD_SETS];
  const taxonomy = loadContentTaxonomy();
  for (const set of sets) {
    const outDir = opt('out') ? join(opt('out') ?? '', set) : join(ROOT, 'test/output/dev-score', set);
    const { results } = await writeCoverage(set, outDir, taxonomy);
    console.log(`== ${set}`);
    if (argv.includes('--verbose')) {
      for (const r of results) {
        const gold = JSON.parse(readFileSync(join(ROOT, GOLD_SETS[set].gold, r.file.replace(/\.[^.]+$/, '.json')), 'utf8')) as {
          clauses: Record<string, { label: string; evidence?: string }>;
        };
        for (const c of r.cells) {
          const g = gold.clauses[c.typeId]?.label;
          const predicted = c.status !== 'absent';
          if (g === 'partial' || g === undefined || (g === 'present') === predicted) continue;
          const why = predicted
            ? (() => {
                const ev = c.evidence[0];
                const cl = r.classified.find((x) => x.clauseId === ev?.clauseId);
                const lab = cl?.labels.find((l) => l.typeId === c.typeId);
                return `${c.confidence} ${lab?.cues.join('; ')} :: ${ev?.quote.slice(0, 140)}`;
              })()
            : `best ${c.confidence}; gold: ${gold.clauses[c.typeId]?.evidence?.slice(0, 120) ?? ''}`;
          console.log(`  ${predicted ? 'FP' : 'FN'} ${r.file.slice(0, 14)} ${c.typeId}: ${why}`);
        }
      }
    }
    const out = runScorer(set, outDir, argv.includes('--json'));
    console.log(argv.includes('--table') ? out : out.trim().split('\n').at(-1));
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
