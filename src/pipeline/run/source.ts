/** Analyse: one source file's bytes to its analysis and the compact facts the corpus comparisons need. */
import { IngestError, type PolicyDocument } from '../types.ts';
import { extensionOf, unsupportedAdvice, SUPPORTED_EXTENSIONS } from '../ingest/index.ts';
import { readDocument } from './read.ts';
import { sha256Hex } from './hash.ts';
import { analysePolicy, type PolicyAnalysis, type PolicyContext } from './policy.ts';
import { policyFacts, type PolicyFacts } from './facts.ts';
import type { ContentBundle } from './content.ts';

export interface SourceDocument {
  /** Path relative to the input folder, forward slashes. */
  sourceFile: string;
  read(): Promise<Uint8Array>;
}

/** Above this a file is still read, but the user is told: it is unlikely to be one policy. */
const LARGE_FILE_BYTES = 5 * 1024 * 1024;

/**
 * What happened to one file: analysed (with anything odd about it), or not read and why. `facts` is what the
 * corpus comparisons need; `analysis`, when present, is the whole analysis (the CLI keeps its record's document
 * part in its store instead).
 */
export type DocumentOutcome =
  | { ok: true; facts: PolicyFacts; analysis?: PolicyAnalysis; hash: string; warnings: string[] }
  | { ok: false; code: string; error: string };

/** Analyses one source; the CLI swaps in a version that runs in worker threads behind a cache. */
export type AnalyseSource = (source: SourceDocument, context: PolicyContext) => Promise<DocumentOutcome>;

/**
 * Reads and analyses one file. An unreadable file is an outcome, not an exception: only a bug throws.
 */
export async function analyseSource(source: SourceDocument, context: PolicyContext, content: ContentBundle): Promise<DocumentOutcome> {
  const ext = extensionOf(source.sourceFile);
  if (!(SUPPORTED_EXTENSIONS as readonly string[]).includes(ext)) {
    return {
      ok: false,
      code: 'unsupported',
      error: unsupportedAdvice(ext) ?? `not a format Policy Atlas reads (${ext || 'no extension'}): save it as .docx or PDF and add it again`,
    };
  }
  const bytes = await source.read();
  let document: PolicyDocument;
  try {
    document = await readDocument(bytes, source.sourceFile.slice(source.sourceFile.lastIndexOf('/') + 1));
  } catch (e) {
    if (!(e instanceof IngestError)) throw e;
    return { ok: false, code: e.code, error: e.message };
  }
  const warnings: string[] = [];
  if (bytes.length > LARGE_FILE_BYTES) {
    warnings.push(`a very large file (${(bytes.length / 1024 / 1024).toFixed(1)} MB): check it is one policy`);
  }
  if (document.clauses.length === 0) warnings.push('no clauses found: the file has text but nothing that reads as policy rules');
  const analysis = analysePolicy(document, context, content);
  warnings.push(...document.warnings, ...analysis.metadata.warnings, ...analysis.staleOverrides);
  return { ok: true, facts: policyFacts(analysis), analysis, hash: await sha256Hex(bytes), warnings };
}
