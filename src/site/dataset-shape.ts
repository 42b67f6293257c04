/**
 * Superseded: the site now reads the real dataset (src/pipeline/dataset.ts) through src/site/types.ts.
 * Kept only as a re-export so modules outside the site's folders that still import from here keep compiling;
 * import from ./types.ts instead.
 */
export type { CellState, ReviewStatus } from './types.ts';
