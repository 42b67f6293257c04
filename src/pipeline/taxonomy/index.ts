export { loadTaxonomy, resolveTypeId, phraseToSource, TaxonomyError } from './load.ts';
export type { Taxonomy, ClauseType, Category, Cue } from './load.ts';
export { cueSchema, cuesFileSchema, guidanceFileSchema, typesFileSchema } from './schema.ts';
