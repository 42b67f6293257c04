/**
 * What the "Check my policy" page and its Web Worker say to each other, and the report the worker builds.
 * Everything here is plain data (structured-clone and JSON safe): the report is rendered, printed, downloaded
 * and kept in localStorage as it is.
 */
import type { PolicyAnalysis } from '../../pipeline/run/policy.ts';
import { METADATA_FIELDS, type MetadataField } from '../../pipeline/metadata/fields.ts';

/** The comparison group a governor picks: the whole corpus, or one local authority, trust or phase. */
export interface PeerChoice {
  kind: 'corpus' | 'local-authority' | 'trust' | 'phase';
  /** Empty for the corpus. */
  name: string;
}

/** Metadata fields a governor can correct, named as in content/overrides.yaml so the same validation applies. */
export type EditableField = Exclude<MetadataField, 'audiences'>;
export const EDITABLE_FIELDS: readonly EditableField[] = METADATA_FIELDS.filter((f): f is EditableField => f !== 'audiences');

/** Corrections typed on the page, as typed (a date may be "May 2024", "14/05/2024", "Summer 2024"). */
export type Edits = Partial<Record<EditableField, string>>;

export type Stage = 'loading' | 'reading' | 'structuring' | 'classifying' | 'comparing';

/** Stages in the order the progress bar counts them. */
export const STAGES: readonly Stage[] = ['loading', 'reading', 'structuring', 'classifying', 'comparing'];

export const STAGE_TEXT: Record<Stage, string> = {
  loading: 'Loading the published comparison data',
  reading: 'Reading the file',
  structuring: 'Finding headings and clauses',
  classifying: 'Reading dates and classifying clauses',
  comparing: 'Comparing with published policies',
};

export interface AnalyseRequest {
  type: 'analyse';
  job: number;
  fileName: string;
  bytes: ArrayBuffer;
  /** The day review status is judged against, YYYY-MM-DD. */
  asOf: string;
  peer: PeerChoice;
  edits: Edits;
}

/** Recompute the report from the analysis the worker holds (a new peer group or a corrected date). */
export interface UpdateRequest {
  type: 'update';
  job: number;
  peer: PeerChoice;
  edits: Edits;
}

/** Give the worker an analysis kept on this device, then build its report. */
export interface RestoreRequest {
  type: 'restore';
  job: number;
  kept: KeptCheck;
}

export type ToWorker =
  | { type: 'init'; dataBase: string }
  | AnalyseRequest
  | UpdateRequest
  | RestoreRequest
  /** Send back the current analysis so the page can keep it (only when the governor asks). */
  | { type: 'keep'; job: number };

/** Milliseconds spent in each stage of the last analysis. */
export type Timings = Partial<Record<Stage, number>>;

export type FromWorker =
  | { type: 'progress'; job: number; stage: Stage }
  | { type: 'report'; job: number; report: CheckReport; timings: Timings }
  | { type: 'kept'; job: number; kept: KeptCheck }
  /** `code` is the IngestError code (needs-ocr, encrypted, corrupt, empty, too-large, unsupported) or `internal`. */
  | { type: 'error'; job: number; code: string; message: string };

/** What "Keep this report on this device" stores: enough to rebuild the report, and nothing is sent anywhere. */
export interface KeptCheck {
  version: 1;
  fileName: string;
  asOf: string;
  peer: PeerChoice;
  edits: Edits;
  analysis: PolicyAnalysis;
}

export interface MetaRow {
  field: EditableField | 'audiences';
  label: string;
  /** The value in plain words ("May 2024", "24 months"), or null when not stated. */
  display: string | null;
  /** The value as an editable string (a partial date stays `2024-05`). */
  raw: string;
  /** The words it was read from, verbatim. */
  quote: string | null;
  source: string;
  /** Why a correction typed for this field was not used, in plain words. */
  error: string | null;
  editable: boolean;
}

export interface CategoryRow {
  id: string;
  title: string;
  types: number;
  /** Share (0–1) of the category's types this policy covers (present or partial). */
  own: number;
  corpusMedian: number;
  /** Median in the chosen peer group; null when the group is the corpus. */
  groupMedian: number | null;
}

export interface CoverageRow {
  typeId: string;
  title: string;
  category: string;
  level: 'core' | 'recommended' | 'optional';
  status: 'present' | 'partial' | 'absent';
  /** Present, but the clause showing it cites something out of date. */
  stale: boolean;
  confidence: number;
  evidence: { clauseId: string; label: string | null; quote: string }[];
  /** Share of current published policies with the type. */
  corpusShare: number;
  groupShare: number | null;
}

export interface GapRow {
  typeId: string;
  title: string;
  basis: 'guidance-core' | 'guidance-recommended' | 'peers';
  severity: 'high' | 'medium' | 'low';
  /** The group where most peers have it, and the share that do. */
  group: string | null;
  peerShare: number | null;
  peerCount: number | null;
  whyItMatters: string | null;
  whatToAsk: string | null;
  expectedSince: number | null;
  predatesGuidance: boolean | null;
  /** The most common published wording of the type, as a starting point. */
  suggestedWording: string | null;
}

export interface OutdatedRow {
  referenceId: string;
  label: string;
  kind: string;
  replacedBy: string;
  since: string;
  source: string;
  severity: 'high' | 'medium' | 'low';
  count: number;
  quote: string;
  clauseId: string | null;
  /** The policy itself says it was replaced: no points. */
  historical: boolean;
}

export interface MissingRow {
  typeId: string;
  title: string;
  expectedSince: string;
  expectedAtApproval: boolean;
}

export interface DiffPart {
  op: 'eq' | 'ins' | 'del';
  text: string;
}

export interface WordingRow {
  typeId: string;
  title: string;
  clauseId: string;
  clauseLabel: string | null;
  /** This policy's clause text. */
  own: string;
  /** The closest published wording (school names replaced by "the school"). */
  published: string;
  publishedCount: number;
  isReference: boolean;
  /** 0–1 share of words in common. */
  similarity: number;
  /** Published → this policy; null when the two are too different for a word diff to help. */
  diff: DiffPart[] | null;
}

export interface CheckReport {
  schemaVersion: 1;
  tool: string;
  fileName: string;
  format: string;
  pages: number | null;
  clauseCount: number;
  /** The day review status was judged against. */
  asOf: string;
  /** The published data compared with: its date and size. */
  dataAsOf: string;
  taxonomyVersion: string;
  referencesVersion: string;
  kind: string;
  metadata: MetaRow[];
  metadataWarnings: string[];
  documentWarnings: string[];
  /**
   * Said at the top of the report when the document is not a school's own staff policy: a template to adapt, or a
   * whole-school policy (src/pipeline/analyse/gaps/document-audience.ts). Absent in reports kept before it existed.
   */
  documentNotes?: string[];
  review: {
    status: 'overdue' | 'due-soon' | 'in-date' | 'no-review-date';
    dueDate: string | null;
    explanation: string;
  };
  grade: { grade: string; points: number; breakdown: { reason: string; points: number }[] };
  gradeFormula: string;
  peer: { kind: PeerChoice['kind']; name: string; label: string; size: number };
  corpusSize: number;
  categories: CategoryRow[];
  coverage: CoverageRow[];
  gaps: GapRow[];
  outdated: OutdatedRow[];
  missingModern: MissingRow[];
  stances: { dimension: string; value: string; quote: string }[];
  residue: { quote: string; reason: string }[];
  wordings: WordingRow[];
  hasAcknowledgementForm: boolean;
}
