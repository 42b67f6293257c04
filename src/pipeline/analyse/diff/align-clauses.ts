/**
 * Clause-by-clause alignment of two policies (two versions, or a policy against a peer). Clauses are matched by
 * text similarity, not position, so a clause that moved is still found; candidates come from an inverted index
 * of rarer words, so the cost grows with shared vocabulary rather than with every pair of clauses.
 */
import { diffArrays } from 'diff';
import { collapseWhitespace, diceOfSets, wordTokens } from './normalise.ts';
import { wordDiff, type WordDiffOptions, type WordDiffResult } from './word-diff.ts';

/** The least a clause needs for alignment; `Clause` from types.ts fits. */
export interface ClauseLike {
  id: string;
  text: string;
  label?: string | null;
  headingPath?: readonly string[];
}

export type AlignmentChange = 'same' | 'changed' | 'added' | 'removed';

export interface AlignedPair<C extends ClauseLike = ClauseLike> {
  /** The clause in the first (older) policy; absent when added. */
  a?: C;
  /** The clause in the second (newer) policy; absent when removed. */
  b?: C;
  /** Dice similarity of the two clauses' word sets (1 for same, 0 for added/removed). */
  similarity: number;
  change: AlignmentChange;
  /** Word diff from a to b, for changed pairs when `withDiff` is on. */
  diff?: WordDiffResult;
  /** True when the pair is out of order relative to the other matches (the clause was moved). */
  moved?: boolean;
}

export interface AlignOptions {
  /** Least Dice similarity for two different clauses to count as one clause changed. Default 0.5. */
  minSimilarity?: number;
  /** Attach a word diff to each changed pair. Default true. */
  withDiff?: boolean;
  /** Candidates kept per clause from the index before exact scoring. Default 12. */
  candidatesPerClause?: number;
  diffOptions?: WordDiffOptions;
}

interface Prepared {
  layout: string;
  tokens: Set<string>;
}

/**
 * Kept for as long as the clause list lives: comparing a school's versions prepares each middle version twice
 * (as the newer of one pair and the older of the next). Clause lists are never changed once built.
 */
const preparedLists = new WeakMap<readonly ClauseLike[], Prepared[]>();

function prepare(clauses: readonly ClauseLike[]): Prepared[] {
  let prepared = preparedLists.get(clauses);
  if (prepared === undefined || prepared.length !== clauses.length) {
    prepared = clauses.map((c) => ({ layout: collapseWhitespace(c.text), tokens: new Set(wordTokens(c.text)) }));
    preparedLists.set(clauses, prepared);
  }
  return prepared;
}

/** Indices (into `seq`) of one longest strictly increasing subsequence; O(n log n). */
function longestIncreasing(seq: readonly number[]): Set<number> {
  const tails: number[] = [];
  const prev = new Array<number>(seq.length).fill(-1);
  for (let i = 0; i < seq.length; i++) {
    const v = seq[i] ?? 0;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((seq[tails[mid] ?? 0] ?? 0) < v) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1] ?? -1;
    tails[lo] = i;
  }
  const keep = new Set<number>();
  let k = tails.length > 0 ? (tails[tails.length - 1] ?? -1) : -1;
  while (k >= 0) {
    keep.add(k);
    k = prev[k] ?? -1;
  }
  return keep;
}

interface Candidate {
  i: number;
  j: number;
  similarity: number;
  drift: number;
}

export function alignClauses<C extends ClauseLike>(
  clausesA: readonly C[],
  clausesB: readonly C[],
  options: AlignOptions = {},
): AlignedPair<C>[] {
  const minSimilarity = options.minSimilarity ?? 0.5;
  const withDiff = options.withDiff ?? true;
  const perClause = options.candidatesPerClause ?? 12;
  const pa = prepare(clausesA);
  const pb = prepare(clausesB);
  const matchOfA = new Array<number>(pa.length).fill(-1);
  const matchOfB = new Array<number>(pb.length).fill(-1);
  const simOfA = new Array<number>(pa.length).fill(0);

  const pair = (i: number, j: number): void => {
    matchOfA[i] = j;
    matchOfB[j] = i;
    simOfA[i] = 1;
  };
  // Pass 1a: text that occurs more than once (page footers, "Signed:", repeated headings) is paired in order
  // by a longest common subsequence over just those clauses, so each occurrence meets its own counterpart.
  const freq = new Map<string, number>();
  for (const p of [...pa, ...pb]) freq.set(p.layout, (freq.get(p.layout) ?? 0) + 1);
  const repeatedA = pa.flatMap((p, i) => ((freq.get(p.layout) ?? 0) > 2 ? [i] : []));
  const repeatedB = pb.flatMap((p, j) => ((freq.get(p.layout) ?? 0) > 2 ? [j] : []));
  if (repeatedA.length > 0 && repeatedB.length > 0) {
    const common = diffArrays(
      repeatedA.map((i) => pa[i]?.layout ?? ''),
      repeatedB.map((j) => pb[j]?.layout ?? ''),
      { maxEditLength: Math.min(2000, repeatedA.length + repeatedB.length), timeout: 200 },
    );
    let x = 0;
    let y = 0;
    for (const change of common ?? []) {
      const n = change.count;
      if (change.removed) x += n;
      else if (change.added) y += n;
      else for (let k = 0; k < n; k++) pair(repeatedA[x++] ?? 0, repeatedB[y++] ?? 0);
    }
  }
  // Pass 1b: the remaining identical clauses, wherever they moved to. Very short ones (page numbers, "Yes")
  // are left to the similarity pass: identical digits on different pages are not the same clause.
  const byLayout = new Map<string, number[]>();
  pb.forEach((p, j) => {
    if (matchOfB[j] !== -1) return;
    const list = byLayout.get(p.layout);
    if (list) list.push(j);
    else byLayout.set(p.layout, [j]);
  });
  pa.forEach((p, i) => {
    if (matchOfA[i] !== -1) return;
    const list = byLayout.get(p.layout);
    if (!list || list.length === 0) return;
    if ((freq.get(p.layout) ?? 0) > 2 && p.tokens.size < 3) return;
    const j = list.shift();
    if (j !== undefined) pair(i, j);
  });

  // Pass 2: candidates through an inverted index of the words that are not everywhere in B.
  const postings = new Map<string, number[]>();
  pb.forEach((p, j) => {
    if (matchOfB[j] !== -1) return;
    for (const t of p.tokens) {
      const list = postings.get(t);
      if (list) list.push(j);
      else postings.set(t, [j]);
    }
  });
  const openB = matchOfB.filter((m) => m === -1).length;
  const maxDf = Math.max(20, Math.ceil(openB * 0.25));
  const candidates: Candidate[] = [];
  const overlap = new Map<number, number>();
  pa.forEach((p, i) => {
    if (matchOfA[i] !== -1) return;
    overlap.clear();
    for (const t of p.tokens) {
      const list = postings.get(t);
      if (!list || list.length > maxDf) continue;
      for (const j of list) overlap.set(j, (overlap.get(j) ?? 0) + 1);
    }
    const top = [...overlap.entries()].sort((x, y) => y[1] - x[1] || x[0] - y[0]).slice(0, perClause);
    for (const [j] of top) {
      const q = pb[j];
      if (!q) continue;
      const similarity = diceOfSets(p.tokens, q.tokens);
      if (similarity < minSimilarity) continue;
      const drift = Math.abs(i / Math.max(1, pa.length) - j / Math.max(1, pb.length));
      candidates.push({ i, j, similarity, drift });
    }
  });
  // Greedy best-first: the most similar pairs claim each other; ties go to the pair closer in position.
  candidates.sort((x, y) => y.similarity - x.similarity || x.drift - y.drift || x.i - y.i || x.j - y.j);
  for (const c of candidates) {
    if (matchOfA[c.i] !== -1 || matchOfB[c.j] !== -1) continue;
    matchOfA[c.i] = c.j;
    matchOfB[c.j] = c.i;
    simOfA[c.i] = c.similarity;
  }

  // Pairs outside the longest in-order chain of matches have moved.
  const matchedA: number[] = [];
  matchOfA.forEach((j, i) => {
    if (j !== -1) matchedA.push(i);
  });
  const inOrder = longestIncreasing(matchedA.map((i) => matchOfA[i] ?? 0));
  const movedA = new Set<number>();
  matchedA.forEach((i, k) => {
    if (!inOrder.has(k)) movedA.add(i);
  });

  const pairFor = (i: number, j: number): AlignedPair<C> => {
    const a = clausesA[i] as C;
    const b = clausesB[j] as C;
    const same = pa[i]?.layout === pb[j]?.layout;
    const pair: AlignedPair<C> = { a, b, similarity: same ? 1 : (simOfA[i] ?? 0), change: same ? 'same' : 'changed' };
    if (!same && withDiff) pair.diff = wordDiff(a.text, b.text, options.diffOptions);
    if (movedA.has(i)) pair.moved = true;
    return pair;
  };

  // Output in B's order; a removed clause follows the row of the nearest earlier matched clause of A.
  const removedAfter = new Map<number, number[]>();
  let lastMatchedA = -1;
  for (let i = 0; i < pa.length; i++) {
    if (matchOfA[i] !== -1) {
      lastMatchedA = i;
      continue;
    }
    const list = removedAfter.get(lastMatchedA);
    if (list) list.push(i);
    else removedAfter.set(lastMatchedA, [i]);
  }
  const rows: AlignedPair<C>[] = [];
  const emitRemoved = (afterA: number): void => {
    for (const i of removedAfter.get(afterA) ?? []) {
      rows.push({ a: clausesA[i] as C, similarity: 0, change: 'removed' });
    }
  };
  emitRemoved(-1);
  for (let j = 0; j < pb.length; j++) {
    const i = matchOfB[j] ?? -1;
    if (i === -1) {
      rows.push({ b: clausesB[j] as C, similarity: 0, change: 'added' });
      continue;
    }
    rows.push(pairFor(i, j));
    emitRemoved(i);
  }
  return rows;
}

/** Counts of each change kind, for summaries. */
export function alignmentCounts(rows: readonly AlignedPair[]): Record<AlignmentChange, number> & { moved: number } {
  const counts = { same: 0, changed: 0, added: 0, removed: 0, moved: 0 };
  for (const r of rows) {
    counts[r.change]++;
    if (r.moved) counts.moved++;
  }
  return counts;
}
