export { loadReferences, ReferenceListError, type ReferenceList } from './load.ts';
export {
  partialDateString,
  referenceEntrySchema,
  referenceFileSchema,
  referenceKinds,
  severities,
  type ReferenceEntry,
  type ReferenceKind,
  type Severity,
} from './schema.ts';
