/**
 * Each clause type described in words: its title, its description and the question a governor would ask about it
 * (content/taxonomy). A sentence that shares the rarer words of a type's description is some evidence of that
 * type even when no cue and no training sentence has those words: the model learns one weight for "how much such
 * overlap counts" across all types, which is what lets it generalise to types with few examples.
 */
import type { Taxonomy } from '../taxonomy/load.ts';
import { stems } from './features.ts';

export interface Prototypes {
  /** Stem → (type index, weight) pairs, flattened; weights are IDF over the type descriptions, unit-normalised. */
  index: Map<string, number[]>;
  typeCount: number;
}

const cache = new WeakMap<Taxonomy, Prototypes>();

/** Stems too common among the descriptions to tell types apart (staff, school, use…) carry no weight. */
const MAX_SHARE = 0.25;

export function prototypesOf(taxonomy: Taxonomy): Prototypes {
  const cached = cache.get(taxonomy);
  if (cached) return cached;
  const bags = taxonomy.types.map((t) => new Set(stems([t.title, t.description, t.guidance?.what_to_ask ?? ''].join(' '))));
  const df = new Map<string, number>();
  for (const bag of bags) for (const s of bag) df.set(s, (df.get(s) ?? 0) + 1);
  const n = bags.length;
  const index = new Map<string, number[]>();
  bags.forEach((bag, t) => {
    const weights: [string, number][] = [];
    for (const s of [...bag].sort()) {
      const d = df.get(s) ?? 1;
      if (d / n > MAX_SHARE || s.length < 2 || s === '#') continue;
      weights.push([s, Math.log(n / d)]);
    }
    const norm = Math.sqrt(weights.reduce((sum, [, w]) => sum + w * w, 0)) || 1;
    for (const [s, w] of weights) {
      let list = index.get(s);
      if (!list) index.set(s, (list = []));
      list.push(t, w / norm);
    }
  });
  const prototypes = { index, typeCount: n };
  cache.set(taxonomy, prototypes);
  return prototypes;
}

/**
 * How much of each type's description the words of `text` cover (0–1, by type index), counting each stem once.
 * Only types with some overlap are returned.
 */
export function prototypeOverlap(prototypes: Prototypes, text: string): Map<number, number> {
  const out = new Map<number, number>();
  for (const s of new Set(stems(text))) {
    const list = prototypes.index.get(s);
    if (!list) continue;
    for (let k = 0; k < list.length; k += 2) {
      const t = list[k] as number;
      out.set(t, (out.get(t) ?? 0) + (list[k + 1] as number));
    }
  }
  return out;
}
