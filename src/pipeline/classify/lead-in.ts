import type { Clause } from '../types.ts';

/** Index of the clause introducing this list item ("…the following:"), or -1. */
export function leadInIndex(clauses: readonly Clause[], i: number): number {
  const clause = clauses[i];
  if (!clause || clause.kind === 'paragraph') return -1;
  for (let j = i - 1, steps = 0; j >= 0 && steps < 60; j--, steps++) {
    const prev = clauses[j];
    if (!prev) break;
    if (prev.kind !== 'paragraph' && prev.depth >= clause.depth) continue;
    return /[:\-–—]\s*$|\bfollowing\b/u.test(prev.text) ? j : -1;
  }
  return -1;
}
