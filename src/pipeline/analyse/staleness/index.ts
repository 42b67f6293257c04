export { reviewStatus, describeDate, type ReviewStatus, type ReviewState, type ReviewBasis } from './review-status.ts';
export { findOutdatedReferences, type OutdatedReferenceHit, type ClauseSpan } from './outdated-references.ts';
export { missingModernTopics, type MissingModernTopic, type TaxonomyTypeRef } from './missing-topics.ts';
export {
  stalenessGrade,
  gradeFormula,
  gradeForPoints,
  GRADE_POINTS,
  GRADE_BANDS,
  type StalenessGrade,
  type StalenessGradeLetter,
  type GradeItem,
  type StalenessInputs,
} from './grade.ts';
export { parsePartialDate, formatPartialDate, addMonths, endOf, startOf, wholeMonthsBetween } from '../../dates/index.ts';
