/**
 * Cross-validation that holds out whole documents: for each template family (content/training/families.yaml;
 * an unlisted document is a family of its own) the model is trained on every other family's sentences, and the
 * held-out documents go through the real pipeline (ingest → structure → metadata → classify → coverage) and are
 * scored against the document-level gold. No figure it gives rests on a sentence the model was trained on.
 * Sentences written for training (content/training/synthetic) belong to no evaluated document and are always in.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ingest } from '../../src/pipeline/ingest/index.ts';
import { structure } from '../../src/pipeline/structure/index.ts';
import { extractMetadata } from '../../src/pipeline/metadata/index.ts';
import { classifyClauses, computeCoverage } from '../../src/pipeline/classify/index.ts';
import { withDocumentEvidence } from '../../src/pipeline/classify/document-evidence.ts';
import { trainClauseModel, DEFAULT_TRAIN_OPTIONS, type TrainOptions, type TrainingExample } from '../../src/pipeline/classify/learn.ts';
import { trainingExamples } from '../../src/pipeline/classify/training.ts';
import type { ClauseModel } from '../../src/pipeline/classify/model-schema.ts';
import type { Taxonomy } from '../../src/pipeline/taxonomy/load.ts';
import type { ClassifiedClause, CoverageCell, PolicyDocument, PolicyMetadata } from '../../src/pipeline/types.ts';
import { scoreClauses, type GoldDocument, type Scores } from './gold-score.ts';
import type { TrainingData } from './training-data.ts';

export const GOLD_SETS = ['seeds', 'extra', 'dev'] as const;
export type GoldSet = (typeof GOLD_SETS)[number];

/** A fixed "today", so the scores never depend on the day they are run. */
const AS_OF = '2026-12-07';

export interface EvalDocument {
  set: GoldSet;
  /** Document name without extension: the training data's and the families' key. */
  doc: string;
  gold: GoldDocument;
  document: PolicyDocument;
  metadata: PolicyMetadata;
}

/** Reads every gold-labelled fixture document through ingest, structure and metadata (once; folds reuse them). */
export async function loadEvalDocuments(fixtures: string): Promise<EvalDocument[]> {
  const out: EvalDocument[] = [];
  for (const set of GOLD_SETS) {
    const goldDir = join(fixtures, 'gold', set);
    for (const g of readdirSync(goldDir).filter((f) => f.endsWith('.json')).sort()) {
      const gold = JSON.parse(readFileSync(join(goldDir, g), 'utf8')) as GoldDocument;
      const bytes = new Uint8Array(readFileSync(join(fixtures, set, gold.file)));
      const document = structure(await ingest(bytes, gold.file));
      const metadata = extractMetadata(document, { fileName: gold.file, asOf: AS_OF });
      out.push({ set, doc: gold.file.replace(/\.[^.]+$/, ''), gold, document, metadata });
    }
  }
  return out;
}

export type Variant = 'cues' | 'model' | 'combined';

export interface VariantResult {
  variant: Variant;
  threshold: number | null;
  /** Held-out predictions: document file → types predicted present or partial. */
  predicted: Map<string, Set<string>>;
  /** Held-out coverage cells, by document file. */
  cells: Map<string, CoverageCell[]>;
  /** Scores per gold set and over all of them. */
  scores: Record<GoldSet | 'all', Scores>;
}

/** A document's coverage exactly as the CLI computes it (run/policy.ts), without reviewer overrides. */
export function coverageFor(
  document: PolicyDocument,
  metadata: PolicyMetadata,
  taxonomy: Taxonomy,
  model: ClauseModel | null,
  useCues = true,
): { classified: ClassifiedClause[]; cells: CoverageCell[] } {
  const classified = classifyClauses(document.clauses, taxonomy, { model, useCues });
  return { classified, cells: withDocumentEvidence(computeCoverage(classified, document.clauses, taxonomy), document, metadata) };
}

const coverageOf = (doc: EvalDocument, taxonomy: Taxonomy, model: ClauseModel | null, useCues: boolean): CoverageCell[] =>
  coverageFor(doc.document, doc.metadata, taxonomy, model, useCues).cells;

export interface CrossValidateOptions {
  train?: Partial<TrainOptions>;
  /** Deal families round-robin into this many folds (quick tuning); 0 = leave one family out. */
  folds?: number;
  /** Score each of these decision thresholds (the models are trained once). Default: the training options'. */
  thresholds?: readonly number[];
}

export function crossValidate(
  variant: Variant,
  docs: readonly EvalDocument[],
  data: TrainingData,
  taxonomy: Taxonomy,
  options: CrossValidateOptions = {},
): VariantResult[] {
  const trainOptions: TrainOptions = { ...DEFAULT_TRAIN_OPTIONS, ...options.train, cueFeatures: variant !== 'model' };
  const thresholds = variant === 'cues' ? [null] : (options.thresholds ?? [trainOptions.threshold]);
  const cells = thresholds.map(() => new Map<string, CoverageCell[]>());
  if (variant === 'cues') {
    for (const d of docs) cells[0]?.set(d.gold.file, coverageOf(d, taxonomy, null, true));
  } else {
    const examples = trainingExamples(data.documents, taxonomy, { cueFeatures: trainOptions.cueFeatures });
    const typeIds = taxonomy.types.map((t) => t.id);
    const families = [...new Set(docs.map((d) => data.familyOf(d.doc)))].sort();
    const folds = options.folds ?? 0;
    const foldOf = (doc: string): number => {
      const i = families.indexOf(data.familyOf(doc));
      return i < 0 ? -1 : folds > 0 ? i % folds : i;
    };
    const foldCount = folds > 0 ? folds : families.length;
    for (let fold = 0; fold < foldCount; fold++) {
      const train: TrainingExample[] = examples.filter((e) => foldOf(e.doc) !== fold);
      const model = trainClauseModel(train, typeIds, trainOptions);
      thresholds.forEach((threshold, k) => {
        const tuned = { ...model, threshold: threshold ?? model.threshold };
        for (const d of docs) if (foldOf(d.doc) === fold) cells[k]?.set(d.gold.file, coverageOf(d, taxonomy, tuned, trainOptions.cueFeatures));
      });
    }
  }
  return thresholds.map((threshold, k) => {
    const byDoc = cells[k] ?? new Map<string, CoverageCell[]>();
    const predicted = new Map([...byDoc].map(([file, list]) => [file, new Set(list.filter((c) => c.status !== 'absent').map((c) => c.typeId))]));
    const scoreOf = (subset: readonly EvalDocument[]): Scores => scoreClauses(subset.map((d) => d.gold), predicted);
    return {
      variant,
      threshold,
      predicted,
      cells: byDoc,
      scores: {
        seeds: scoreOf(docs.filter((d) => d.set === 'seeds')),
        extra: scoreOf(docs.filter((d) => d.set === 'extra')),
        dev: scoreOf(docs.filter((d) => d.set === 'dev')),
        all: scoreOf(docs),
      },
    };
  });
}
