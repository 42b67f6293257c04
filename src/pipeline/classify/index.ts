export { classifyClauses, DEFAULT_MIN_CONFIDENCE, type ClassifyOptions } from './classify.ts';
export { computeCoverage, DEFAULT_COVERAGE, type CoverageOptions } from './coverage.ts';
export { modalityOf, clauseModality } from './modality.ts';
export { actorOf } from './actor.ts';
export { labelOverrideSchema, applyLabelOverrides, type LabelOverride, type UnmatchedOverride } from './overrides.ts';
