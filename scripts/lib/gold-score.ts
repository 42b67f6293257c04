/**
 * The clause scores of test/fixtures/score.mjs (the shared scorer), computed in memory so cross-validation can
 * score many folds and variants without writing CSVs. Same rules: gold "partial" is not scored; predicted
 * positive = present or partial; macro-F1 averages the types that are present somewhere in the gold.
 */
export interface GoldDocument {
  /** Base name of the document file, as in the gold's `file`. */
  file: string;
  clauses: Record<string, { label: 'present' | 'partial' | 'absent'; evidence?: string }>;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Scores {
  micro: number;
  macro: number;
  absentF1: number;
  precision: number;
  recall: number;
  docs: number;
  perType: Map<string, Counts>;
}

export const f1 = ({ tp, fp, fn }: Counts): number => (tp === 0 ? (fp + fn === 0 ? 1 : 0) : (2 * tp) / (2 * tp + fp + fn));

/** `predicted`: document file → ids of the types predicted present or partial. */
export function scoreClauses(gold: readonly GoldDocument[], predicted: ReadonlyMap<string, ReadonlySet<string>>): Scores {
  const perType = new Map<string, Counts>();
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (const g of gold) {
    const pred = predicted.get(g.file) ?? new Set<string>();
    for (const [id, { label }] of Object.entries(g.clauses)) {
      if (label === 'partial') continue;
      const t = perType.get(id) ?? { tp: 0, fp: 0, fn: 0 };
      const p = pred.has(id);
      if (label === 'present' && p) {
        t.tp++;
        tp++;
      } else if (label === 'present') {
        t.fn++;
        fn++;
      } else if (p) {
        t.fp++;
        fp++;
      } else tn++;
      perType.set(id, t);
    }
  }
  const scored = [...perType.values()].filter((t) => t.tp + t.fn > 0);
  return {
    micro: f1({ tp, fp, fn }),
    macro: scored.reduce((s, t) => s + f1(t), 0) / Math.max(1, scored.length),
    absentF1: f1({ tp: tn, fp: fn, fn: fp }),
    precision: tp / Math.max(1, tp + fp),
    recall: tp / Math.max(1, tp + fn),
    docs: gold.length,
    perType,
  };
}

export const formatScores = (s: Scores): string =>
  `micro-F1 ${s.micro.toFixed(3)} macro-F1 ${s.macro.toFixed(3)} absent-F1 ${s.absentF1.toFixed(3)} (P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)}, ${s.docs} docs)`;
