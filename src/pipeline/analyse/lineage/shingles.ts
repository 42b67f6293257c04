/**
 * Word shingles: every run of k consecutive words, hashed. Two documents that share long runs of words share
 * shingles; rewording a sentence breaks only the shingles that span the change.
 */
import { genericiseSchoolName, hashString, wordTokens } from '../diff/normalise.ts';
import { mix32 } from './minhash.ts';

/**
 * Sorted, de-duplicated 32-bit hashes of the text's k-word shingles (school name made generic first). Each word
 * is hashed once and a shingle's hash is folded from its words' hashes, so no shingle string is ever built.
 */
export function shingleSet(text: string, options: { k?: number; schoolName?: string | null } = {}): Uint32Array {
  const k = options.k ?? 5;
  const words = wordTokens(genericiseSchoolName(text, options.schoolName ?? null));
  if (words.length === 0) return new Uint32Array(0);
  const wordHashes = words.map(hashString);
  const count = Math.max(1, words.length - k + 1);
  const hashes = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    let h = 0x9747b28c;
    const end = Math.min(words.length, i + k);
    for (let j = i; j < end; j++) h = mix32(h ^ (wordHashes[j] ?? 0), j - i + 1);
    hashes[i] = h;
  }
  hashes.sort();
  let n = 0;
  for (let i = 0; i < hashes.length; i++) {
    if (n === 0 || hashes[i] !== hashes[n - 1]) hashes[n++] = hashes[i] ?? 0;
  }
  return hashes.slice(0, n);
}

/** Size of the intersection of two sorted hash sets (linear merge). */
export function intersectionSize(a: Uint32Array, b: Uint32Array): number {
  return intersectionSizeAtLeast(a, b, 0) ?? 0;
}

/**
 * The intersection's size when it is at least `atLeast`, else null, found out as soon as the rest of the merge
 * could no longer reach it: most pairs of documents share little, and stop a few hundred steps in.
 */
export function intersectionSizeAtLeast(a: Uint32Array, b: Uint32Array, atLeast: number): number | null {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    if (n + Math.min(a.length - i, b.length - j) < atLeast) return null;
    const x = a[i] ?? 0;
    const y = b[j] ?? 0;
    if (x === y) {
      n++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return n >= atLeast ? n : null;
}
