/**
 * Word-level diff of two texts, guarded so that a full rewrite is reported as such instead of producing a
 * useless wall of deletions and insertions (or taking seconds on a 50-page policy).
 *
 * Short texts are diffed word by word. Long texts are diffed in sentence/line blocks first, and only the blocks
 * that changed are diffed word by word, which keeps the cost proportional to what actually changed.
 */
import { diffArrays, diffWordsWithSpace, type ChangeObject } from 'diff';
import { diceOfSets, wordTokens } from './normalise.ts';

export type DiffOpKind = 'eq' | 'ins' | 'del';

export interface DiffOp {
  op: DiffOpKind;
  text: string;
}

export type WordDiffResult = { rewritten: false; ops: DiffOp[] } | { rewritten: true };

export interface WordDiffOptions {
  /** Give up (report a rewrite) when more than this share of the tokens would have to change. Default 0.6. */
  maxEditShare?: number;
  /** Absolute cap on the edit length, in tokens, whatever the texts' size. Default 1000. */
  maxEditLength?: number;
  /**
   * Wall-clock safety net for jsdiff, in ms. The edit-length cap is what normally stops a diff (and is
   * deterministic); the timeout only matters for pathological input. Default 250.
   */
  timeoutMs?: number;
  /** Texts longer than this (both together, in characters) are diffed in sentence blocks first. Default 2000. */
  longTextChars?: number;
}

const DEFAULTS = { maxEditShare: 0.6, maxEditLength: 1000, timeoutMs: 250, longTextChars: 2000 };

/** Below this share of shared words, two long texts are a rewrite; diffing them would only say so slowly. */
const REWRITE_DICE = 0.2;
const REWRITE_MIN_TOKENS = 40;
/** Share of text in changed sentence blocks above which a long text is a rewrite (blocks overstate change). */
const REWRITE_BLOCK_SHARE = 0.9;
/** Changed runs longer than this (tokens, both sides) are checked for shared words before a word diff. */
const LARGE_RUN_TOKENS = 1500;

function tokenCount(text: string): number {
  // Same granularity as diffWordsWithSpace: words, single punctuation marks, whitespace runs.
  return text.match(/[\p{L}\p{N}_]+|\s+|[^\p{L}\p{N}_\s]/gu)?.length ?? 0;
}

function editCap(a: number, b: number, o: typeof DEFAULTS): number {
  return Math.max(1, Math.min(o.maxEditLength, Math.ceil(o.maxEditShare * (a + b))));
}

function isWhitespace(text: string): boolean {
  return /^\s*$/.test(text);
}

/**
 * Merges runs of the same op and folds a whitespace-only "eq" between two changes into them, so
 * "del(foo) eq( ) del(bar)" reads as "del(foo bar)" and the reader sees phrases, not word confetti.
 */
export function compactOps(ops: readonly DiffOp[]): DiffOp[] {
  const out: DiffOp[] = [];
  let pendingDel = '';
  let pendingIns = '';
  let inChange = false;
  const flush = (): void => {
    if (pendingDel) out.push({ op: 'del', text: pendingDel });
    if (pendingIns) out.push({ op: 'ins', text: pendingIns });
    pendingDel = '';
    pendingIns = '';
    inChange = false;
  };
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i];
    if (!op || op.text === '') continue;
    if (op.op === 'del') {
      pendingDel += op.text;
      inChange = true;
    } else if (op.op === 'ins') {
      pendingIns += op.text;
      inChange = true;
    } else {
      const next = ops.slice(i + 1).find((o) => o.text !== '');
      if (inChange && isWhitespace(op.text) && next && next.op !== 'eq') {
        pendingDel += op.text;
        pendingIns += op.text;
        continue;
      }
      flush();
      const last = out[out.length - 1];
      if (last?.op === 'eq') last.text += op.text;
      else out.push({ op: 'eq', text: op.text });
    }
  }
  flush();
  return out;
}

function fromChanges(changes: readonly ChangeObject<string>[]): DiffOp[] {
  return changes.map((c) => ({ op: c.added ? 'ins' : c.removed ? 'del' : 'eq', text: c.value }));
}

function looksRewritten(a: string, b: string): boolean {
  const ta = wordTokens(a);
  const tb = wordTokens(b);
  if (ta.length + tb.length < REWRITE_MIN_TOKENS) return false;
  return diceOfSets(new Set(ta), new Set(tb)) < REWRITE_DICE;
}

function shortDiff(a: string, b: string, o: typeof DEFAULTS): WordDiffResult {
  const changes = diffWordsWithSpace(a, b, {
    maxEditLength: editCap(tokenCount(a), tokenCount(b), o),
    timeout: o.timeoutMs,
  });
  if (changes === undefined) return { rewritten: true };
  return { rewritten: false, ops: compactOps(fromChanges(changes)) };
}

/** Splits text into sentences and lines, keeping every character so the blocks join back to the text. */
export function sentenceBlocks(text: string): string[] {
  return text.match(/[^\n.!?]*(?:[.!?]+(?=\s|$)|\n|$)\s*|[^\n]+?(?=\n|$)\n?/g)?.filter((s) => s.length > 0) ?? [];
}

function longDiff(a: string, b: string, o: typeof DEFAULTS): WordDiffResult {
  const blocksA = sentenceBlocks(a);
  const blocksB = sentenceBlocks(b);
  // One changed word changes a whole block, so the block diff is bounded only by the absolute cap; the
  // share of changed text is judged afterwards, on characters.
  const changes = diffArrays(blocksA, blocksB, {
    maxEditLength: Math.max(1, Math.min(o.maxEditLength, blocksA.length + blocksB.length)),
    timeout: o.timeoutMs,
  });
  if (changes === undefined) return { rewritten: true };
  // Decide on the blocks first: if too little survives whole, word detail inside the changed blocks cannot
  // make it a revision, and computing it would cost the most exactly when it is least useful.
  let equalChars = 0;
  let changedChars = 0;
  for (const change of changes) {
    const n = change.value.reduce((k, v) => k + v.replace(/\s+/g, '').length, 0);
    if (change.added || change.removed) changedChars += n;
    else equalChars += n;
  }
  const blockTotal = 2 * equalChars + changedChars;
  if (blockTotal > 0 && changedChars / blockTotal > REWRITE_BLOCK_SHARE) return { rewritten: true };
  const ops: DiffOp[] = [];
  let removed: string[] = [];
  let added: string[] = [];
  const flush = (): void => {
    if (removed.length > 0 && added.length > 0) {
      const before = removed.join('');
      const after = added.join('');
      const large = tokenCount(before) + tokenCount(after) > LARGE_RUN_TOKENS;
      const inner: WordDiffResult =
        large && diceOfSets(new Set(wordTokens(before)), new Set(wordTokens(after))) < 0.5
          ? { rewritten: true }
          : shortDiff(before, after, o);
      if (inner.rewritten) ops.push({ op: 'del', text: removed.join('') }, { op: 'ins', text: added.join('') });
      else ops.push(...inner.ops);
    } else if (removed.length > 0) ops.push({ op: 'del', text: removed.join('') });
    else if (added.length > 0) ops.push({ op: 'ins', text: added.join('') });
    removed = [];
    added = [];
  };
  for (const change of changes) {
    if (change.removed) removed.push(...change.value);
    else if (change.added) added.push(...change.value);
    else {
      flush();
      ops.push({ op: 'eq', text: change.value.join('') });
    }
  }
  flush();
  const stats = diffStats(ops);
  const changed = stats.insertedChars + stats.deletedChars;
  const total = 2 * stats.equalChars + changed;
  if (total > 0 && changed / total > o.maxEditShare) return { rewritten: true };
  return { rewritten: false, ops: compactOps(ops) };
}

/**
 * Diffs `a` (old) against `b` (new). Returns `{ rewritten: true }` when the texts share too little for a diff to
 * help a reader, decided cheaply before any diffing where possible.
 */
export function wordDiff(a: string, b: string, options: WordDiffOptions = {}): WordDiffResult {
  const o = { ...DEFAULTS, ...options };
  if (a === b) return { rewritten: false, ops: a ? [{ op: 'eq', text: a }] : [] };
  if (looksRewritten(a, b)) return { rewritten: true };
  return a.length + b.length > o.longTextChars ? longDiff(a, b, o) : shortDiff(a, b, o);
}

export interface DiffStats {
  equalChars: number;
  insertedChars: number;
  deletedChars: number;
}

/** Character counts per op kind, whitespace excluded, so layout changes do not count as edits. */
export function diffStats(ops: readonly DiffOp[]): DiffStats {
  const stats: DiffStats = { equalChars: 0, insertedChars: 0, deletedChars: 0 };
  for (const { op, text } of ops) {
    const n = text.replace(/\s+/g, '').length;
    if (op === 'eq') stats.equalChars += n;
    else if (op === 'ins') stats.insertedChars += n;
    else stats.deletedChars += n;
  }
  return stats;
}

/** Reconstructs one side of a diff: useful to check ops and to render either version. */
export function applySide(ops: readonly DiffOp[], side: 'old' | 'new'): string {
  return ops
    .filter((o) => o.op === 'eq' || (side === 'old' ? o.op === 'del' : o.op === 'ins'))
    .map((o) => o.text)
    .join('');
}
