export type * from './types.ts';
export { documentKind } from './document-kind.ts';
export { latestVersions, versionSeries, seriesKey } from './latest-versions.ts';
export { prevalence, peerGroupsOf, groupKey, shareOf, coveredTypes, GROUP_SPECIFICITY } from './prevalence.ts';
export { findGaps, guidanceNoteFor, type FindGapsOptions } from './find-gaps.ts';
export { schoolCoverage, type SchoolCoverage, type SchoolTypeCoverage, type DocumentCover } from './school-coverage.ts';
export { summaryDate } from '../../dates/index.ts';
export { documentAudience, isGuidanceToSchools, withoutGuidanceToSchools, type DocumentAudience, type TemplateSignals } from './document-audience.ts';
