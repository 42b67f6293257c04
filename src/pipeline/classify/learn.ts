/**
 * Trains the clause model: per clause type, a logistic regression over the sparse features of a sentence
 * (features.ts), plus a few dense "type-relative" inputs (pair-inputs.ts: the cues' confidence for that type, and
 * how much of the type's description the sentence, its headings and its lead-in share). The word weights belong
 * to each type; the weights of the type-relative inputs are shared by all types, so a type with a handful of
 * training sentences still gets the cues' and the description's judgement. The cue input also has a per-type
 * correction, penalised so that rare types fall back to the shared weight.
 *
 * Fitted by full-batch Adam with a proximal L1 step. Pure and deterministic: the same examples and options give
 * the same model to the last digit, so `npm run train` can be checked against the committed file.
 *
 * Why written here: the npm logistic-regression packages (ml-logistic-regression) fit dense matrices without an L1
 * penalty or shared weights; ours is ~10,000 mostly-zero features × 70 types, and we want most weights exactly zero
 * so the model file stays small and every label's reasons are a few words.
 */
import { MODEL_FORMAT, type ClauseModel } from './model-schema.ts';
import { rowScale } from './model.ts';
import { PAIR_INPUTS } from './pair-inputs.ts';

export interface TrainingExample {
  /** Document the sentence comes from (for hold-out folds). */
  doc: string;
  features: readonly string[];
  /** Clause type ids the sentence evidences (often none). */
  types: readonly string[];
  /** Type-relative inputs (pair-inputs.ts) for the types where any is non-zero: [type id, values]. */
  pairs: readonly (readonly [string, readonly number[]])[];
}

export interface TrainOptions {
  l1: number;
  l2: number;
  positiveWeight: number;
  iterations: number;
  minCount: number;
  cueFeatures: boolean;
  learningRate: number;
  /** Decision threshold written into the model (see model-schema.ts). */
  threshold: number;
  /** Word weights smaller than this (in absolute value) are dropped from the file: they barely move a score. */
  prune: number;
}

/**
 * Chosen by six-fold document-held-out cross-validation on the shared gold (scripts/cross-validate.ts --folds 6
 * --sweep …), not on training sentences: see docs/quality.md for the runs.
 */
export const DEFAULT_TRAIN_OPTIONS: TrainOptions = {
  l1: 0.00003,
  l2: 0.0001,
  positiveWeight: 4,
  iterations: 200,
  minCount: 2,
  cueFeatures: true,
  learningRate: 0.3,
  threshold: 0.3,
  prune: 0.3,
};

/** Weights are stored to four decimals: enough for the decision, and stable across machines. */
const round = (w: number): number => Math.round(w * 1e4) / 1e4;

const ADAM = { beta1: 0.9, beta2: 0.999, epsilon: 1e-8 } as const;

/** Adam state for one block of parameters. */
class Block {
  readonly w: Float64Array;
  readonly g: Float64Array;
  private readonly m: Float64Array;
  private readonly v: Float64Array;
  constructor(size: number) {
    this.w = new Float64Array(size);
    this.g = new Float64Array(size);
    this.m = new Float64Array(size);
    this.v = new Float64Array(size);
  }
  /** One Adam step with L2 `l2` and a proximal L1 `l1` (soft threshold scaled by each coordinate's step). */
  step(it: number, lr: number, l1: number, l2: number): void {
    const c1 = 1 - ADAM.beta1 ** it;
    const c2 = 1 - ADAM.beta2 ** it;
    const { w, g, m, v } = this;
    for (let k = 0; k < w.length; k++) {
      const grad = (g[k] as number) + l2 * (w[k] as number);
      const mk = ADAM.beta1 * (m[k] as number) + (1 - ADAM.beta1) * grad;
      const vk = ADAM.beta2 * (v[k] as number) + (1 - ADAM.beta2) * grad * grad;
      m[k] = mk;
      v[k] = vk;
      const rate = lr / (Math.sqrt(vk / c2) + ADAM.epsilon);
      const next = (w[k] as number) - (rate * mk) / c1;
      const threshold = rate * l1;
      w[k] = next > threshold ? next - threshold : next < -threshold ? next + threshold : 0;
    }
    g.fill(0);
  }
}

export function trainClauseModel(
  examples: readonly TrainingExample[],
  typeIds: readonly string[],
  options: TrainOptions = DEFAULT_TRAIN_OPTIONS,
  dataHash = '',
): ClauseModel {
  const T = typeIds.length;
  const K = PAIR_INPUTS.length;
  const typeIndex = new Map(typeIds.map((id, t) => [id, t]));

  // Vocabulary: features seen in at least minCount sentences, in sorted order.
  const counts = new Map<string, number>();
  for (const ex of examples) for (const f of ex.features) counts.set(f, (counts.get(f) ?? 0) + 1);
  const vocab = [...counts.entries()].filter(([, c]) => c >= options.minCount).map(([f]) => f).sort();
  const featureIndex = new Map(vocab.map((f, i) => [f, i]));
  const F = vocab.length;
  const n = examples.length;

  // Sparse rows (CSR) with the same unit-length scaling the scorer uses; type-relative inputs sparse by type.
  const rowStart = new Int32Array(n + 1);
  const cols: number[] = [];
  const scale = new Float64Array(n);
  const y = new Uint8Array(n * T);
  const pairStart = new Int32Array(n + 1);
  const pairType: number[] = [];
  const pairValues: number[] = [];
  let positives = 0;
  examples.forEach((ex, i) => {
    scale[i] = rowScale(ex.features.length);
    for (const f of ex.features) {
      const j = featureIndex.get(f);
      if (j !== undefined) cols.push(j);
    }
    rowStart[i + 1] = cols.length;
    for (const [id, values] of ex.pairs) {
      const t = typeIndex.get(id);
      if (t === undefined) continue;
      pairType.push(t);
      for (let k = 0; k < K; k++) pairValues.push(values[k] ?? 0);
    }
    pairStart[i + 1] = pairType.length;
    for (const id of ex.types) {
      const t = typeIndex.get(id);
      if (t !== undefined && y[i * T + t] === 0) {
        y[i * T + t] = 1;
        positives++;
      }
    }
  });
  const col = Int32Array.from(cols);

  const W = new Block(F * T);
  const bias = new Block(T);
  const shared = new Block(K);
  const cue = new Block(T);
  const margin = new Float64Array(T);
  const lr = options.learningRate;

  for (let it = 1; it <= options.iterations; it++) {
    for (let i = 0; i < n; i++) {
      const x = scale[i] as number;
      const from = rowStart[i] as number;
      const to = rowStart[i + 1] as number;
      margin.set(bias.w);
      for (let q = pairStart[i] as number; q < (pairStart[i + 1] as number); q++) {
        const t = pairType[q] as number;
        let z = (cue.w[t] as number) * (pairValues[q * K] as number);
        for (let k = 0; k < K; k++) z += (shared.w[k] as number) * (pairValues[q * K + k] as number);
        margin[t] = (margin[t] as number) + z;
      }
      for (let p = from; p < to; p++) {
        const base = (col[p] as number) * T;
        for (let t = 0; t < T; t++) margin[t] = (margin[t] as number) + (W.w[base + t] as number) * x;
      }
      // From here `margin` holds each type's weighted loss gradient with respect to its score.
      for (let t = 0; t < T; t++) {
        const label = y[i * T + t] as number;
        const p = 1 / (1 + Math.exp(-(margin[t] as number)));
        margin[t] = ((label ? options.positiveWeight : 1) * (p - label)) / n;
        bias.g[t] = (bias.g[t] as number) + (margin[t] as number);
      }
      for (let q = pairStart[i] as number; q < (pairStart[i + 1] as number); q++) {
        const t = pairType[q] as number;
        const d = margin[t] as number;
        cue.g[t] = (cue.g[t] as number) + d * (pairValues[q * K] as number);
        for (let k = 0; k < K; k++) shared.g[k] = (shared.g[k] as number) + d * (pairValues[q * K + k] as number);
      }
      for (let p = from; p < to; p++) {
        const base = (col[p] as number) * T;
        for (let t = 0; t < T; t++) W.g[base + t] = (W.g[base + t] as number) + (margin[t] as number) * x;
      }
    }
    W.step(it, lr, options.l1, options.l2);
    bias.step(it, lr, 0, 0);
    shared.step(it, lr, 0, 0);
    cue.step(it, lr, 0, options.l2 * 100);
  }

  const types: ClauseModel['types'] = {};
  for (const id of [...typeIds].sort()) {
    const t = typeIndex.get(id) as number;
    const weights: Record<string, number> = {};
    for (let j = 0; j < F; j++) {
      const w = round(W.w[j * T + t] as number);
      if (w !== 0 && Math.abs(w) >= options.prune) weights[vocab[j] as string] = w;
    }
    types[id] = { bias: round(bias.w[t] as number), cueWeight: round(cue.w[t] as number), weights };
  }
  return {
    format: MODEL_FORMAT,
    trainedOn: { documents: new Set(examples.map((e) => e.doc)).size, sentences: n, positives, dataHash },
    options: { l1: options.l1, l2: options.l2, positiveWeight: options.positiveWeight, iterations: options.iterations, minCount: options.minCount, cueFeatures: options.cueFeatures, learningRate: options.learningRate, prune: options.prune },
    threshold: options.threshold,
    shared: Object.fromEntries(PAIR_INPUTS.map((name, k) => [name, round(shared.w[k] as number)])),
    types,
  };
}
