/**
 * What the corpus comparisons need of one analysed policy, and nothing more. A worker thread sends these back
 * instead of the whole analysis (text, clauses, labels and their cues), so that comparing 10,000 policies holds
 * tens of megabytes rather than gigabytes; the full analysis is fetched again, one policy at a time, when that
 * policy's record is assembled.
 */
import type { CoverageCell, PartialDate } from '../types.ts';
import type { StanceFinding } from '../analyse/stances/index.ts';
import { normaliseWordingItems, wordingItemsFromCoverage, type WordingItem } from '../analyse/wording/index.ts';
import { lineageFingerprint, type LineageFingerprint } from '../analyse/lineage/nearest-source.ts';
import { versionDatesFrom, type VersionDates } from '../analyse/versions/compare-versions.ts';
import { identitySignals, type IdentitySignals } from '../identity/index.ts';
import type { PolicyAnalysis, PolicyContext } from './policy.ts';

export interface PolicyFacts {
  context: PolicyContext;
  /** Document kind (aup, online-safety, social-media, other): versions are series of one kind. */
  kind: string;
  /** The metadata values the comparisons use (no evidence quotes). */
  school: string | null;
  title: string | null;
  approved: PartialDate | null;
  lastReviewed: PartialDate | null;
  versionDates: VersionDates;
  /** Coverage per clause type without its evidence (prevalence and school coverage read status and confidence). */
  coverage: CoverageCell[];
  stances: StanceFinding[];
  /** Each covered type's evidence clauses, normalised, for the corpus's common wordings. */
  wordingItems: WordingItem[];
  /** For the nearest-source search (shingles with the school's name made generic, and their MinHash). */
  lineage: LineageFingerprint;
  /** What the document says about whose it is (name, school domains, folder, file-name words), for identity. */
  identity: IdentitySignals;
}

export function policyFacts(a: PolicyAnalysis): PolicyFacts {
  const m = a.metadata;
  const school = m.school?.value ?? null;
  return {
    context: a.context,
    kind: a.kind,
    school,
    title: m.title?.value ?? null,
    approved: m.approved?.value ?? null,
    lastReviewed: m.lastReviewed?.value ?? null,
    versionDates: versionDatesFrom(m),
    coverage: a.coverage.map((c) => ({ typeId: c.typeId, status: c.status, confidence: c.confidence, evidence: [], verified: c.verified })),
    stances: a.stances,
    wordingItems: normaliseWordingItems(wordingItemsFromCoverage(a.coverage, a.document.clauses), school),
    lineage: lineageFingerprint(a.document.text, school),
    identity: identitySignals(a.document.text, m.school, m.schoolIsPlaceholder, a.context.sourceFile),
  };
}
