/**
 * One policy through the per-document stages: structure → metadata → classification → coverage → staleness and
 * stances. Pure and synchronous once the document is read, so the CLI, a worker thread and the browser's
 * "Check my policy" all run exactly this.
 */
import type { ClassifiedClause, CoverageCell, PolicyDocument, PolicyMetadata } from '../types.ts';
import { extractMetadata } from '../metadata/index.ts';
import { applyMetadataOverrides } from '../metadata/overrides.ts';
import { classifyClauses } from '../classify/classify.ts';
import { computeCoverage } from '../classify/coverage.ts';
import { withDocumentEvidence } from '../classify/document-evidence.ts';
import { applyLabelOverrides } from '../classify/overrides.ts';
import {
  findOutdatedReferences,
  missingModernTopics,
  reviewStatus,
  type MissingModernTopic,
  type OutdatedReferenceHit,
  type ReviewStatus,
} from '../analyse/staleness/index.ts';
import { detectStances, type StanceFinding } from '../analyse/stances/index.ts';
import { templateResidue, type ResidueFinding } from '../analyse/lineage/template-residue.ts';
import { documentKind } from '../analyse/gaps/index.ts';
import type { ContentBundle } from './content.ts';
import { labelReview, type LabelReview } from './reviewer-decisions.ts';

export interface PolicyContext {
  policyId: string;
  schoolId: string;
  sourceFile: string;
  /** School name from content/schools.csv, used when the document does not name itself. */
  knownSchoolName: string | null;
  /** From content/schools.csv: the school's own local authority and trust are not residue of someone else. */
  localAuthority: string | null;
  trust: string | null;
  /** Other organisations in the corpus; finding one of their names in this policy suggests copied text. */
  otherOrganisations: readonly string[];
  asOf: string;
  dueSoonMonths: number;
}

export interface PolicyAnalysis {
  context: PolicyContext;
  document: PolicyDocument;
  metadata: PolicyMetadata;
  kind: string;
  classified: ClassifiedClause[];
  coverage: CoverageCell[];
  review: ReviewStatus;
  outdated: OutdatedReferenceHit[];
  missingModern: MissingModernTopic[];
  stances: StanceFinding[];
  residue: ResidueFinding[];
  /** Reviewer overrides for this policy that no longer match its text, in plain English. */
  staleOverrides: string[];
  /** The reviewer decisions that applied (and whether each changed the classifier's outcome) and those that did not. */
  labelReview?: LabelReview;
}

function fileNameOf(sourceFile: string): string {
  return sourceFile.slice(sourceFile.lastIndexOf('/') + 1);
}

export function analysePolicy(document: PolicyDocument, context: PolicyContext, content: ContentBundle): PolicyAnalysis {
  const { taxonomy } = content;
  // The school's nation decides whether numeric dates are day first or month first.
  const nation = content.schools.find((s) => s.school_id === context.schoolId)?.nation ?? null;
  const extracted = extractMetadata(document, { fileName: fileNameOf(context.sourceFile), asOf: context.asOf, nation });
  const metadata = applyMetadataOverrides(
    extracted,
    content.overrides.metadata.filter((o) => o.policy === context.policyId),
  );

  const auto = classifyClauses(document.clauses, taxonomy, { model: content.model });
  const decisions = content.overrides.labels.filter((o) => o.policy === context.policyId);
  const reviewed = applyLabelOverrides(context.policyId, document.clauses, auto, decisions, taxonomy);
  const coverage = withDocumentEvidence(computeCoverage(reviewed.classified, document.clauses, taxonomy), document, metadata);

  const schoolName = metadata.school?.value ?? context.knownSchoolName;
  return {
    context,
    document,
    metadata,
    kind: documentKind(metadata.title?.value ?? null, fileNameOf(context.sourceFile)),
    classified: reviewed.classified,
    coverage,
    review: reviewStatus(metadata, context.asOf, context.dueSoonMonths),
    outdated: findOutdatedReferences(document.text, content.references, document.clauses),
    missingModern: missingModernTopics(
      coverage,
      taxonomy.types.map((t) => ({ id: t.id, title: t.title, expected_since: t.expectedSince })),
      metadata.approved?.value ?? null,
    ),
    stances: detectStances(document.clauses, reviewed.classified, content.stances),
    residue: templateResidue(document.text, schoolName, {
      knownOrganisations: context.otherOrganisations,
      localAuthority: context.localAuthority,
      trust: context.trust,
    }),
    labelReview: labelReview(context.policyId, decisions, reviewed.unmatched, auto, taxonomy),
    staleOverrides: reviewed.unmatched.map(
      (u) => `reviewer decision "${u.entry.action} ${u.entry.type}" for clause ${u.entry.clause} no longer matches: ${u.reason}`,
    ),
  };
}
