/**
 * MinHash signatures by one-permutation hashing: each shingle is hashed once and lands in one of `size` bins,
 * each bin keeps its minimum. Cost is one hash per shingle (not one per shingle per bin), and the share of equal
 * bins between two signatures estimates the Jaccard similarity of the shingle sets. Seeds are fixed, so the
 * signatures (and everything built on them) are the same on every run.
 */

const SEED_BIN = 0x9e3779b9;
const SEED_VALUE = 0x85ebca6b;
const EMPTY = 0xffffffff;

/** Murmur3's 32-bit finaliser: spreads a hash's bits so bins and values look independent. */
export function mix32(x: number, seed: number): number {
  let h = (x ^ seed) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Signature of a shingle set. Empty bins (short documents) borrow from the next non-empty bin to their right,
 * offset by the distance ("rotation" densification), so two signatures stay comparable bin by bin.
 */
export function minhashSignature(shingles: Uint32Array, size = 128): Uint32Array {
  const sig = new Uint32Array(size).fill(EMPTY);
  for (let i = 0; i < shingles.length; i++) {
    const s = shingles[i] ?? 0;
    const bin = mix32(s, SEED_BIN) % size;
    const value = mix32(s, SEED_VALUE);
    if (value < (sig[bin] ?? EMPTY)) sig[bin] = value;
  }
  if (shingles.length === 0) return sig;
  const out = new Uint32Array(size);
  for (let b = 0; b < size; b++) {
    let d = 0;
    let v = sig[b] ?? EMPTY;
    while (v === EMPTY && d < size) {
      d++;
      v = sig[(b + d) % size] ?? EMPTY;
    }
    // The offset keeps a borrowed value distinct from the lender's own, as rotation densification requires.
    out[b] = d === 0 ? v : mix32(v, d);
  }
  return out;
}

/** Share of equal bins: an estimate of the Jaccard similarity. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  const n = Math.min(a.length, b.length);
  if (n === 0) return 0;
  let same = 0;
  for (let i = 0; i < n; i++) if (a[i] === b[i]) same++;
  return same / n;
}
