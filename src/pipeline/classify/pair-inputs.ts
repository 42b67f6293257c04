/**
 * The type-relative inputs of the learned model: for a sentence and a clause type, the cues' confidence for that
 * type, and how much of the type's description the sentence, the headings above it and its list lead-in share.
 * Their weights are shared across types (learn.ts), so they carry to types with few training sentences.
 */
import type { Taxonomy } from '../taxonomy/load.ts';
import { compileTaxonomy } from './compile.ts';
import { cueConfidences } from './cue-signals.ts';
import { prototypeOverlap, prototypesOf } from './prototypes.ts';

/** Names of the inputs, in order; the model file stores the shared weights under these names. */
export const PAIR_INPUTS = ['cue', 'description-sentence', 'description-headings', 'description-lead-in'] as const;

export interface PairContext {
  text: string;
  headings: readonly string[];
  leadIn: string | null;
  /** The sentence's cue matches when the caller already has them. */
  hits?: readonly { cue: number }[];
}

const headingOverlapCache = new WeakMap<Taxonomy, Map<string, Map<number, number>>>();

/** Inputs by index into `taxonomy.types`, for the types where any is non-zero. */
export function pairInputs(taxonomy: Taxonomy, context: PairContext, withCues: boolean): Map<number, number[]> {
  const out = new Map<number, number[]>();
  const put = (t: number, k: number, value: number): void => {
    let values = out.get(t);
    if (!values) out.set(t, (values = PAIR_INPUTS.map(() => 0)));
    values[k] = value;
  };
  if (withCues) {
    const compiled = compileTaxonomy(taxonomy);
    for (const [t, c] of cueConfidences(compiled, context.text, context.headings, context.leadIn, context.hits)) put(t, 0, c);
  }
  const prototypes = prototypesOf(taxonomy);
  for (const [t, v] of prototypeOverlap(prototypes, context.text)) put(t, 1, v);
  let cache = headingOverlapCache.get(taxonomy);
  if (!cache) headingOverlapCache.set(taxonomy, (cache = new Map()));
  const key = context.headings.join('\u0000');
  let headingOverlap = cache.get(key);
  if (!headingOverlap) {
    headingOverlap = prototypeOverlap(prototypes, context.headings.join('\n'));
    if (cache.size > 5000) cache.clear();
    cache.set(key, headingOverlap);
  }
  for (const [t, v] of headingOverlap) put(t, 2, v);
  if (context.leadIn !== null) {
    // Every item of a list shares its lead-in: the same cache serves, under a key no heading path can have.
    const leadKey = `\u0001${context.leadIn}`;
    let leadOverlap = cache.get(leadKey);
    if (!leadOverlap) {
      leadOverlap = prototypeOverlap(prototypes, context.leadIn);
      cache.set(leadKey, leadOverlap);
    }
    for (const [t, v] of leadOverlap) put(t, 3, v);
  }
  return out;
}
