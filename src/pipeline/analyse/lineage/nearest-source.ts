/**
 * Each policy's nearest source: the earlier policy or model template whose text it most reuses.
 *
 * Shingle sets → MinHash signatures → LSH banding: documents that agree on a whole band of their signature fall
 * in the same bucket, and only documents sharing buckets are compared. Finding candidates is therefore linear in
 * the number of documents (bucket sizes are capped), and exact Jaccard/containment is computed only for the few
 * best candidates of each document.
 */
import type { PartialDate } from '../../types.ts';
import { comparePartialDates } from '../../dates/index.ts';
import { minhashSignature } from './minhash.ts';
import { intersectionSize, shingleSet } from './shingles.ts';

export interface LineageDoc {
  /** Policy id, or a template id (e.g. `template:swgfl-2014`). */
  id: string;
  text: string;
  date: PartialDate | null;
  /** Model templates are always possible sources, whatever their date. */
  isTemplate?: boolean;
  schoolId?: string | null;
  /** Replaced by "the school" before shingling, so copies of one template in different schools line up. */
  schoolName?: string | null;
  /**
   * The text's shingles and signature when already computed (by `lineageFingerprint`, e.g. in a worker thread),
   * so that the corpus step need not hold every policy's text.
   */
  fingerprint?: LineageFingerprint;
}

/** What lineage needs of one document's text: its sorted shingle hashes and their MinHash signature. */
export interface LineageFingerprint {
  shingles: Uint32Array;
  signature: Uint32Array;
}

/** Shingles and signature of one text, with the options `findSources` will be called with. */
export function lineageFingerprint(
  text: string,
  schoolName: string | null,
  options: Pick<LineageOptions, 'shingleSize' | 'signatureSize'> = {},
): LineageFingerprint {
  const shingles = shingleSet(text, { k: options.shingleSize ?? 5, schoolName });
  return { shingles, signature: minhashSignature(shingles, options.signatureSize ?? 128) };
}

export type Direction = 'source-earlier' | 'source-later' | 'unknown';

export interface SourceCandidate {
  policyId: string;
  isTemplate: boolean;
  /** Jaccard similarity of the two shingle sets (0–1). */
  similarity: number;
  /** Share of this document's shingles found in the candidate: how much of its text it could have reused. */
  reusedShare: number;
  /** Whether the candidate predates this document (a template always does). */
  direction: Direction;
}

export interface LineageResult {
  policyId: string;
  /** The candidate this document most likely reuses; null when none is earlier (or undated) and similar enough. */
  nearest: SourceCandidate | null;
  /** The three most similar documents, whatever their direction. */
  candidates: SourceCandidate[];
}

export interface LineageOptions {
  /** Words per shingle. Default 5. */
  shingleSize?: number;
  /** Signature length. Default 128. */
  signatureSize?: number;
  /** Rows per LSH band; 2 finds pairs down to a Jaccard of about 0.15 reliably. Default 2. */
  bandRows?: number;
  /** Documents kept per bucket (earliest first); bounds the cost of boilerplate every policy shares. Default 100. */
  maxBucket?: number;
  /** Candidates per document scored exactly. Default 6. */
  exactCandidates?: number;
  /** Least reused share for a candidate to be named the nearest source. Default 0.2. */
  minReusedShare?: number;
  /** Ignore other documents of the same school (its own earlier versions). Default false. */
  skipSameSchool?: boolean;
}

interface Prepared {
  doc: LineageDoc;
  shingles: Uint32Array;
  signature: Uint32Array;
  index: number;
}

function directionOf(self: LineageDoc, other: LineageDoc): Direction {
  if (other.isTemplate && !self.isTemplate) return 'source-earlier';
  if (self.isTemplate && !other.isTemplate) return 'source-later';
  const c = self.date && other.date ? comparePartialDates(other.date, self.date) : 0;
  return c < 0 ? 'source-earlier' : c > 0 ? 'source-later' : 'unknown';
}

function byDateThenIndex(x: Prepared, y: Prepared): number {
  const tx = x.doc.isTemplate ? 0 : 1;
  const ty = y.doc.isTemplate ? 0 : 1;
  if (tx !== ty) return tx - ty;
  const dx = x.doc.date;
  const dy = y.doc.date;
  // Undated documents go last: a dated earlier document is the better guess at a source.
  if (!dx !== !dy) return dx ? -1 : 1;
  return comparePartialDates(dx, dy) || x.index - y.index;
}

/** More collisions first, then lower index. */
function better(x: [number, number], y: [number, number]): boolean {
  return x[1] > y[1] || (x[1] === y[1] && x[0] < y[0]);
}

/** Keeps `list` as the best `k` [index, collisions] entries, most collisions first (then lower index). */
function keepTop(list: [number, number][], entry: [number, number], k: number): void {
  const last = list[list.length - 1];
  if (list.length >= k && last && !better(entry, last)) return;
  let at = list.length;
  while (at > 0 && better(entry, list[at - 1] as [number, number])) at--;
  list.splice(at, 0, entry);
  if (list.length > k) list.pop();
}

export function findSources(docs: readonly LineageDoc[], options: LineageOptions = {}): LineageResult[] {
  const k = options.shingleSize ?? 5;
  const size = options.signatureSize ?? 128;
  const rows = options.bandRows ?? 2;
  const maxBucket = options.maxBucket ?? 100;
  const exactCount = options.exactCandidates ?? 6;
  const minReused = options.minReusedShare ?? 0.2;
  const bands = Math.floor(size / rows);

  const prepared: Prepared[] = docs.map((doc, index) => {
    const { shingles, signature } = doc.fingerprint ?? lineageFingerprint(doc.text, doc.schoolName ?? null, { shingleSize: k, signatureSize: size });
    return { doc, shingles, signature, index };
  });

  // Buckets per band; a band's values are folded into one number (collisions only add candidates).
  const bucketKey = (sig: Uint32Array, band: number): number => {
    let h = band * 0x27d4eb2f;
    for (let r = 0; r < rows; r++) h = Math.imul(h ^ (sig[band * rows + r] ?? 0), 0x01000193) >>> 0;
    return h >>> 0;
  };
  const buckets: Map<number, Prepared[]>[] = Array.from({ length: bands }, () => new Map());
  const ordered = [...prepared].filter((p) => p.shingles.length > 0).sort(byDateThenIndex);
  for (const p of ordered) {
    for (let band = 0; band < bands; band++) {
      const map = buckets[band] as Map<number, Prepared[]>;
      const key = bucketKey(p.signature, band);
      const list = map.get(key);
      if (!list) map.set(key, [p]);
      else if (list.length < maxBucket) list.push(p);
    }
  }

  // Collision counts by document index, and the indexes in the order first met (up to 64 bands × 100 a document:
  // a typed array rather than a map, since this loop is most of the lineage search).
  const counts = new Int32Array(prepared.length);
  const met: number[] = [];
  return prepared.map((self): LineageResult => {
    const empty: LineageResult = { policyId: self.doc.id, nearest: null, candidates: [] };
    if (self.shingles.length === 0) return empty;
    for (const j of met) counts[j] = 0;
    met.length = 0;
    for (let band = 0; band < bands; band++) {
      const list = buckets[band]?.get(bucketKey(self.signature, band));
      if (!list) continue;
      for (const other of list) {
        if (other.index === self.index) continue;
        if (options.skipSameSchool && self.doc.schoolId && other.doc.schoolId === self.doc.schoolId) continue;
        if ((counts[other.index] as number) === 0) met.push(other.index);
        counts[other.index] = (counts[other.index] as number) + 1;
      }
    }
    // Model templates compete separately: a template copied by hundreds of schools would otherwise be crowded
    // out of the top candidates by those copies, each colliding about as often as the template itself.
    const topDocs: [number, number][] = [];
    const topTemplates: [number, number][] = [];
    for (const j of met) {
      keepTop(prepared[j]?.doc.isTemplate ? topTemplates : topDocs, [j, counts[j] as number], exactCount);
    }
    const top = [...topDocs, ...topTemplates];
    const scored: SourceCandidate[] = top.map(([j]) => {
      const other = prepared[j] as Prepared;
      const shared = intersectionSize(self.shingles, other.shingles);
      const union = self.shingles.length + other.shingles.length - shared;
      return {
        policyId: other.doc.id,
        isTemplate: other.doc.isTemplate === true,
        similarity: union === 0 ? 0 : shared / union,
        reusedShare: shared / self.shingles.length,
        direction: directionOf(self.doc, other.doc),
      };
    });
    scored.sort(
      (x, y) => y.reusedShare - x.reusedShare || y.similarity - x.similarity || (x.policyId < y.policyId ? -1 : x.policyId > y.policyId ? 1 : 0),
    );
    const nearest = scored.find((c) => c.direction !== 'source-later' && c.reusedShare >= minReused) ?? null;
    return { policyId: self.doc.id, nearest, candidates: scored.slice(0, 3) };
  });
}
