/**
 * The types pages and browser code use: the real dataset's (z.infer of src/pipeline/dataset.ts) plus the few
 * display-only types the site adds. Import types from here, never from the pipeline directly, so a schema move
 * touches one file.
 */
import type { Dataset, PolicySummary } from '../pipeline/dataset.ts';

export type {
  Dataset,
  PolicyDetail,
  PolicySummary,
  ClauseTypeDetail,
  Finding,
  School,
  DatasetClause,
  TaxonomyTypeEntry,
} from '../pipeline/dataset.ts';

export type TaxonomyCategory = Dataset['taxonomy']['categories'][number];
export type TaxonomyType = Dataset['taxonomy']['types'][number];
export type StanceDimension = Dataset['stanceDimensions'][number];
export type ReviewStatus = PolicySummary['review']['status'];
export type Grade = PolicySummary['grade'];

/** What a heatmap cell shows, from one letter of PolicySummary.coverageCode (p, r, a, s). */
export type CellState = 'present' | 'partial' | 'absent' | 'stale';

/** Local authority, trust and phase of a policy's school (from dataset.schools); absent fields are unknown. */
export interface PolicyGroups {
  localAuthority?: string;
  trust?: string;
  phase?: string;
  nation?: string;
}
