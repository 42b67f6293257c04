/**
 * Runs the learned clause model on sentences. Scoring is a sparse dot product per type, so it costs a few
 * microseconds a sentence; the index is built once per model object.
 */
import { clauseModelSchema, type ClauseModel } from './model-schema.ts';
import { describeFeature } from './features.ts';
import { describeContentIssues } from '../content-errors.ts';
import { PAIR_INPUTS } from './pair-inputs.ts';

export interface CompiledModel {
  typeIds: string[];
  bias: Float64Array;
  cueWeight: Float64Array;
  /** Shared weights of the type-relative inputs, in PAIR_INPUTS order. */
  shared: Float64Array;
  /** Feature → (type index, weight) pairs, flattened: [t0, w0, t1, w1, …]. */
  index: Map<string, number[]>;
}

const compiledCache = new WeakMap<ClauseModel, CompiledModel>();

/** Validates a parsed model file; the error names the problem so an editor can find it. */
export function loadClauseModel(raw: unknown, file = 'content/model/clause-model.json'): ClauseModel {
  const parsed = clauseModelSchema.safeParse(raw);
  if (!parsed.success) throw new Error(describeContentIssues('clause model ', file, parsed.error, raw));
  return parsed.data;
}

export function compileModel(model: ClauseModel): CompiledModel {
  const cached = compiledCache.get(model);
  if (cached) return cached;
  const typeIds = Object.keys(model.types).sort();
  const bias = new Float64Array(typeIds.length);
  const cueWeight = new Float64Array(typeIds.length);
  const index = new Map<string, number[]>();
  typeIds.forEach((id, t) => {
    const type = model.types[id];
    if (!type) return;
    bias[t] = type.bias;
    cueWeight[t] = type.cueWeight;
    for (const [feature, w] of Object.entries(type.weights)) {
      let list = index.get(feature);
      if (!list) index.set(feature, (list = []));
      list.push(t, w);
    }
  });
  const shared = Float64Array.from(PAIR_INPUTS, (name) => model.shared[name] ?? 0);
  const compiled = { typeIds, bias, cueWeight, shared, index };
  compiledCache.set(model, compiled);
  return compiled;
}

/** Rows are scaled to unit length so a long sentence does not outvote a short one by its word count. */
export function rowScale(featureCount: number): number {
  return featureCount > 0 ? 1 / Math.sqrt(featureCount) : 0;
}

const NO_PAIRS: ReadonlyMap<number, readonly number[]> = new Map();

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/**
 * Probability of each type (by `compiled.typeIds` order) for one sentence's features and its type-relative inputs
 * (pair-inputs.ts; keyed like `compiled.typeIds`).
 */
export function scoreFeatures(compiled: CompiledModel, features: readonly string[], pairs: ReadonlyMap<number, readonly number[]> = NO_PAIRS): Float64Array {
  const z = new Float64Array(compiled.bias);
  for (const [t, values] of pairs) {
    let sum = (compiled.cueWeight[t] as number) * (values[0] ?? 0);
    for (let k = 0; k < values.length; k++) sum += (compiled.shared[k] as number) * (values[k] as number);
    z[t] = (z[t] as number) + sum;
  }
  const x = rowScale(features.length);
  for (const f of features) {
    const list = compiled.index.get(f);
    if (!list) continue;
    for (let k = 0; k < list.length; k += 2) z[list[k] as number] = (z[list[k] as number] as number) + (list[k + 1] as number) * x;
  }
  for (let t = 0; t < z.length; t++) z[t] = sigmoid(z[t] as number);
  return z;
}

/** The weight of one feature for type `t` (0 when the model gives it none). */
export function weightOf(compiled: CompiledModel, t: number, feature: string): number {
  const list = compiled.index.get(feature);
  if (!list) return 0;
  for (let k = 0; k < list.length; k += 2) if (list[k] === t) return list[k + 1] as number;
  return 0;
}

/** The present features that pushed type `t` up most, in words, for a label's "why". */
export function topReasons(compiled: CompiledModel, t: number, features: readonly string[], most = 3): string[] {
  const scored: { feature: string; w: number }[] = [];
  for (const f of features) {
    const w = weightOf(compiled, t, f);
    if (w > 0) scored.push({ feature: f, w });
  }
  scored.sort((a, b) => b.w - a.w || (a.feature < b.feature ? -1 : 1));
  return scored.slice(0, most).map((s) => describeFeature(s.feature));
}
