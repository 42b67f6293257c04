export { detectStances, splitSentences, type StanceClause, type StanceFinding, type StanceEvidence, type StanceLabels } from './detect.ts';
export { stanceConflicts, type StanceConflict } from './conflicts.ts';
export {
  loadStanceDefs,
  loadStanceDefinitions,
  type StanceDefinitions,
  StanceDefsError,
  type StanceDefs,
  type CompiledStanceDimension,
  type CompiledStanceValue,
  type CompiledCue,
} from './load.ts';
export { stancesFileSchema, stanceDimensionSchema, stanceValueSchema, cueSource, type StancesFile } from './schema.ts';
