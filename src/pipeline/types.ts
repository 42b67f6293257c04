/**
 * The shapes that flow between pipeline stages. Every stage is a pure function from one of these to the next,
 * so the same code runs in the CLI (Node) and in the browser ("Check my policy"). Nothing here touches the file
 * system or the network.
 *
 *   bytes --ingest--> IngestResult --structure--> PolicyDocument --metadata--> PolicyMetadata
 *                                                               --classify--> ClassifiedClause[] --> Coverage
 */

export type SourceFormat = 'txt' | 'md' | 'html' | 'docx' | 'pdf';

/** A span of the normalised document text. `text === documentText.slice(start, end)` always holds. */
export interface Span {
  start: number;
  end: number;
}

/** A verbatim quote with its location in the normalised text, so a reader can jump to it. */
export interface Evidence extends Span {
  quote: string;
}

/**
 * One block of text as a format reader saw it. Readers keep whatever structure the format gives them (a Word
 * heading style, an HTML list, a Markdown `#`); plain text and PDF give little and leave the rest to `structure/`.
 */
export interface Block extends Span {
  text: string;
  /** What the source format said this block is; `unknown` when it said nothing (plain text, PDF). */
  role: 'heading' | 'list-item' | 'paragraph' | 'table-cell' | 'unknown';
  /** Heading level (1–6) for headings, nesting depth (0-based) for list items, otherwise 0. */
  level: number;
  /** Words the source emphasised (bold, underline, `**must**`), lower-cased; the markup itself is dropped. */
  emphasis: string[];
  /** 1-based page number, PDF only. */
  page?: number;
}

/** What a format reader returns: the normalised text (offsets point into it) and its blocks in order. */
export interface IngestResult {
  format: SourceFormat;
  /** Normalised text: blocks joined by '\n', NFC, no form feeds, no markup. Every offset in the pipeline points here. */
  text: string;
  blocks: Block[];
  /** YAML front matter of a Markdown file, parsed; absent otherwise. */
  frontMatter?: Record<string, unknown>;
  /** Number of pages (PDF) when known. */
  pages?: number;
  /** Things a reviewer should know that did not stop the read (e.g. "decoded as Windows-1252"). */
  warnings: string[];
}

/** A reason a file could not be read. Operational, not a bug: the run reports it and goes on. */
export class IngestError extends Error {
  constructor(
    message: string,
    /** Short machine code, e.g. `needs-ocr`, `encrypted`, `corrupt`, `unsupported`, `empty`, `too-large`. */
    readonly code: string,
  ) {
    super(message);
    this.name = 'IngestError';
  }
}

export interface Heading extends Span {
  text: string;
  level: number;
  /** Own label when numbered, e.g. `4`, `4.2`, `Appendix 1`. */
  label: string | null;
}

export type ClauseKind = 'paragraph' | 'list-item' | 'numbered';

/** The unit that gets classified: a numbered clause, a bullet, or a paragraph of running text. */
export interface Clause extends Span {
  /** Stable within the document: `c` + zero-padded order, e.g. `c0042`. */
  id: string;
  /** The document's own label when it has one: `4.2 (a)`, `1.6`, `(iii)`; null for plain paragraphs/bullets. */
  label: string | null;
  /** Texts of the headings this clause sits under, outermost first. */
  headingPath: string[];
  /** The clause text without its label or bullet glyph (a slice of the document text from `start` to `end`). */
  text: string;
  kind: ClauseKind;
  /** List/numbering depth, 0 for top level. */
  depth: number;
  /** Emphasised words inside this clause (see Block.emphasis). */
  emphasis: string[];
  /** 1-based page number (PDF only). */
  page?: number;
}

/** Parts of a document that are not clauses, recognised so they stay out of the clause list. */
export interface ExcludedSpan extends Span {
  kind: 'contents' | 'page-number' | 'running-header' | 'signature-block' | 'form-field' | 'blank-form';
}

/** A policy after structure detection. */
export interface PolicyDocument {
  format: SourceFormat;
  text: string;
  headings: Heading[];
  clauses: Clause[];
  excluded: ExcludedSpan[];
  /** True when the document carries a form for staff to sign ("I have read and understood… Signed ____"). */
  hasAcknowledgementForm: boolean;
  frontMatter?: Record<string, unknown>;
  pages?: number;
  warnings: string[];
}

/**
 * A date at the precision the document gives it: `2018`, `2018-05` or `2018-05-14`. Never padded with an
 * invented month or day.
 */
export type PartialDate = string;

/** A metadata value with where it came from. */
export interface MetaValue<T> {
  value: T;
  /** The source text the value was read from; null when derived (e.g. a cycle from two dates). */
  evidence: Evidence | null;
  /** How the value was obtained. */
  source: 'text' | 'front-matter' | 'derived' | 'email-domain' | 'url' | 'file-name' | 'reviewer';
}

export type Audience = 'staff' | 'governors' | 'volunteers' | 'contractors' | 'visitors' | 'pupils' | 'parents';

export interface PolicyMetadata {
  school: MetaValue<string> | null;
  /** True when the school name is a template placeholder such as "[enter your school name here]". */
  schoolIsPlaceholder: boolean;
  title: MetaValue<string> | null;
  /** Approved / ratified / adopted date; falls back to created / implemented / issued / date of policy. */
  approved: MetaValue<PartialDate> | null;
  lastReviewed: MetaValue<PartialDate> | null;
  nextReview: MetaValue<PartialDate> | null;
  reviewCycleMonths: MetaValue<number> | null;
  approvingBody: MetaValue<string> | null;
  audiences: MetaValue<Audience[]> | null;
  /** Problems a reviewer should look at: impossible dates, dates in the future, placeholders. */
  warnings: string[];
}

export type Modality = 'must' | 'must-not' | 'should' | 'may' | 'permitted' | 'information';
export type Actor = 'staff' | 'school' | 'pupils' | 'parents' | 'other';

/** One clause type given to one clause. */
export interface ClauseLabel {
  typeId: string;
  /** 0–1. */
  confidence: number;
  /** Human-readable reasons, e.g. `phrase "strong password"`, `heading "Passwords"`. */
  cues: string[];
  /** `auto` from the classifier; `reviewer` when a human override confirmed or added it. */
  source: 'auto' | 'reviewer';
  /** The sentence of the clause that carries the label, when the clause has more than one. */
  sentence?: Span;
}

/** A type the clause came close to carrying: below the label threshold, worth a person's look. */
export interface NearMiss {
  typeId: string;
  confidence: number;
  /** The sentence that came closest, when the clause has more than one. */
  sentence?: Span;
}

export interface ClassifiedClause {
  clauseId: string;
  labels: ClauseLabel[];
  /** Types below the label threshold but near it (strongest first); absent when there are none. */
  nearMisses?: NearMiss[];
  modality: Modality;
  actor: Actor;
}

export type CoverageStatus = 'present' | 'partial' | 'absent';

export interface CoverageEvidence extends Evidence {
  clauseId: string;
}

/** One clause type in one policy. */
export interface CoverageCell {
  typeId: string;
  status: CoverageStatus;
  /** 0–1: confidence of the strongest evidence; for `absent`, the best sub-threshold confidence (or 0). */
  confidence: number;
  evidence: CoverageEvidence[];
  /** True when a reviewer confirmed or added the label behind this cell. */
  verified: boolean;
  /** For an absent cell: the closest sentence, when one came near the threshold ("not found — check"). */
  candidate?: CoverageEvidence;
}
