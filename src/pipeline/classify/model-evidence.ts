/**
 * The learned model's view of one clause: each sentence scored on its own (with the clause's headings and list
 * lead-in), and per type the best sentence, its probability and the words that weighed most for it.
 */
import type { Clause, Span } from '../types.ts';
import type { CompiledTaxonomy } from './compile.ts';
import type { ClauseModel } from './model-schema.ts';
import { compileModel, scoreFeatures, topReasons } from './model.ts';
import { unitFeatures } from './features.ts';
import { cueSignals } from './cue-signals.ts';
import { pairInputs } from './pair-inputs.ts';
import type { Taxonomy } from '../taxonomy/load.ts';
import type { SentenceUnit } from './units.ts';

export interface TypeEvidence {
  probability: number;
  /** The best sentence when the clause has several; absent when the clause is one sentence. */
  sentence?: Span;
  /** e.g. `model: word "password", heading word "secur"`; filled in by `reasonsOf` only for types that are kept. */
  reasons: string[];
  /** The sentence's features and the type's index in the model, for working out the reasons when needed. */
  features: readonly string[];
  modelIndex: number;
}

/** The words that weighed most for a type: worked out only for labels and near misses, not every candidate. */
export function reasonsOf(model: ClauseModel, evidence: TypeEvidence): string[] {
  return topReasons(compileModel(model), evidence.modelIndex, evidence.features).map((r) => `model: ${r}`);
}

export interface ModelEvidence {
  /** By index into the compiled taxonomy's types; only types with a probability worth reporting. */
  byType: Map<number, TypeEvidence>;
  /** The model's decision threshold (model-schema.ts). */
  threshold: number;
}

/** Below this a type is not even a candidate: keeps the label list (and "near miss" reporting) short. */
const FLOOR = 0.05;

const typeIndexCache = new WeakMap<CompiledTaxonomy, WeakMap<object, Int32Array>>();

/** For each of the model's types, its index in the compiled taxonomy (−1 for a type the taxonomy lacks). */
function taxonomyIndexOf(compiled: CompiledTaxonomy, scorer: { typeIds: string[] }): Int32Array {
  let byScorer = typeIndexCache.get(compiled);
  if (!byScorer) typeIndexCache.set(compiled, (byScorer = new WeakMap()));
  let index = byScorer.get(scorer);
  if (!index) {
    const ids = new Map(compiled.types.map((t, i) => [t.id, i]));
    byScorer.set(scorer, (index = Int32Array.from(scorer.typeIds, (id) => ids.get(id) ?? -1)));
  }
  return index;
}

const modelIndexCache = new WeakMap<object, Map<string, number>>();

function modelIndexOf(scorer: { typeIds: string[] }): Map<string, number> {
  let index = modelIndexCache.get(scorer);
  if (!index) modelIndexCache.set(scorer, (index = new Map(scorer.typeIds.map((id, m) => [id, m]))));
  return index;
}

export function modelEvidence(
  model: ClauseModel,
  taxonomy: Taxonomy,
  compiled: CompiledTaxonomy,
  clause: Clause,
  units: readonly SentenceUnit[],
  leadIn: string | null,
  clauseHits: readonly { cue: number; text: string }[],
  /** Position of the clause's first sentence in the document. */
  firstPosition: number,
): ModelEvidence {
  const scorer = compileModel(model);
  const typeIndex = taxonomyIndexOf(compiled, scorer);
  const modelIndex = modelIndexOf(scorer);
  const byType = new Map<number, TypeEvidence>();
  units.forEach((unit, k) => {
    // A one-sentence clause has already been matched; longer ones are matched sentence by sentence.
    // The clause's cue matches, kept to those inside this sentence (a match across two sentences belongs to neither).
    const hits = !model.options.cueFeatures ? [] : units.length === 1 ? clauseHits : clauseHits.filter((h) => unit.text.includes(h.text));
    const signals = model.options.cueFeatures ? cueSignals(compiled, unit.text, clause.headingPath, leadIn, hits) : [];
    const features = unitFeatures({ text: unit.text, headings: clause.headingPath, leadIn, position: firstPosition + k, cueSignals: signals });
    const pairs = new Map<number, number[]>();
    const context = { text: unit.text, headings: clause.headingPath, leadIn, hits };
    for (const [t, values] of pairInputs(taxonomy, context, model.options.cueFeatures)) {
      const m = modelIndex.get(taxonomy.types[t]?.id ?? '');
      if (m !== undefined) pairs.set(m, values);
    }
    const probs = scoreFeatures(scorer, features, pairs);
    for (let m = 0; m < probs.length; m++) {
      const p = probs[m] as number;
      if (p < FLOOR) continue;
      const t = typeIndex[m] as number;
      if (t < 0) continue;
      const best = byType.get(t);
      if (best && best.probability >= p) continue;
      const evidence: TypeEvidence = { probability: Math.round(p * 1000) / 1000, reasons: [], features, modelIndex: m };
      if (units.length > 1) evidence.sentence = { start: unit.start, end: unit.end };
      byType.set(t, evidence);
    }
  });
  return { byType, threshold: model.threshold };
}
