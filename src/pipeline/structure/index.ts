import type { ExcludedSpan, IngestResult, PolicyDocument } from '../types.ts';
import { buildClauses } from './clauses.ts';
import { findContents } from './contents.ts';
import { findPageFurniture } from './page-furniture.ts';
import { findSignatureBlocks, hasAcknowledgementForm } from './signature.ts';
import { toUnits, type Unit } from './units.ts';

export { parseLabel } from './labels.ts';
export { isFieldLine } from './signature.ts';

/**
 * Finds a policy's structure in what a reader produced: headings with their levels, numbered and bulleted
 * clauses with their own labels, and the parts that are not clauses (page furniture, contents, signature
 * blocks), which are recorded in `excluded`. Pure and linear in the text length.
 */
export function structure(input: IngestResult): PolicyDocument {
  const units = toUnits(input.blocks);
  const excluded = new Map<Unit, ExcludedSpan['kind']>();
  findPageFurniture(units, excluded);
  findContents(units, excluded);
  findSignatureBlocks(units, excluded);
  const { headings, clauses } = buildClauses(units, excluded, input.text);
  const doc: PolicyDocument = {
    format: input.format,
    text: input.text,
    headings,
    clauses,
    excluded: excludedSpans(units, excluded),
    hasAcknowledgementForm: hasAcknowledgementForm(units, excluded),
    warnings: [...input.warnings],
  };
  if (input.frontMatter !== undefined) doc.frontMatter = input.frontMatter;
  if (input.pages !== undefined) doc.pages = input.pages;
  return doc;
}

/** Adjacent excluded lines of one kind become one span. */
function excludedSpans(units: readonly Unit[], excluded: ReadonlyMap<Unit, ExcludedSpan['kind']>): ExcludedSpan[] {
  const spans: ExcludedSpan[] = [];
  let last: Unit | null = null;
  for (const u of units) {
    const kind = excluded.get(u);
    if (kind === undefined) {
      last = null;
      continue;
    }
    const prev = spans[spans.length - 1];
    if (prev && last && prev.kind === kind) prev.end = u.end;
    else spans.push({ start: u.start, end: u.end, kind });
    last = u;
  }
  return spans;
}
