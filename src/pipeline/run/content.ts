/**
 * Everything from content/ that the pipeline needs, already parsed and validated. Built by the CLI from files,
 * and by "Check my policy" from the published dataset, so the pipeline itself never reads a file.
 */
import { z } from 'zod';
import type { Taxonomy } from '../taxonomy/index.ts';
import type { ReferenceList } from '../references/index.ts';
import { loadStanceDefs, type StanceDefinitions } from '../analyse/stances/index.ts';
import type { Overrides } from './overrides.ts';
import type { ClauseModel } from '../classify/model-schema.ts';

const blankToNull = z
  .string()
  .optional()
  .transform((s) => (s === undefined || s.trim() === '' ? null : s.trim()));

/** One row of content/schools.csv. */
export const schoolRowSchema = z.object({
  /** Folder name under content/policies (or file name without extension). */
  school_id: z.string().trim().min(1, 'school_id is empty'),
  /** The school's name as it should be shown. */
  name: blankToNull,
  /** DfE unique reference number, for joining with Get Information About Schools. */
  urn: blankToNull,
  /** Local authority, e.g. "Southampton". */
  local_authority: blankToNull,
  /** Multi-academy trust, if any. */
  trust: blankToNull,
  /** Phase: nursery, primary, secondary, all-through, special… */
  phase: blankToNull,
  /** England, Wales, Scotland or Northern Ireland. */
  nation: blankToNull,
  /**
   * Optional, separated by `;`: other names the school's documents use, its e-mail or web domains, and file or
   * folder names that belong to it. Joins documents to this school, or splits them from a look-alike.
   */
  aliases: z
    .string()
    .optional()
    .transform((s) => (s ?? '').split(';').map((a) => a.trim()).filter((a) => a.length > 0)),
});
/** A row as parsed; `aliases` may be left out by code that builds rows itself (files without the column parse to []). */
export type SchoolRow = Omit<z.infer<typeof schoolRowSchema>, 'aliases'> & { aliases?: string[] };

/** A model policy from content/templates/, used as a candidate source in template lineage. */
export interface TemplateSource {
  fileName: string;
  bytes: Uint8Array;
}

export interface ContentBundle {
  taxonomy: Taxonomy;
  /** The learned clause model (content/model/clause-model.json); null when there is none, and the cues decide alone. */
  model: ClauseModel | null;
  references: ReferenceList;
  stances: StanceDefinitions;
  /** content/stances.yaml as parsed, before compiling: the browser compiles it itself (RegExps are not JSON). */
  stancesSource: unknown;
  overrides: Overrides;
  schools: SchoolRow[];
  templates: TemplateSource[];
}

/** The part of the bundle the browser needs to analyse one policy: plain data, JSON-safe. */
export interface BrowserContent {
  taxonomy: Taxonomy;
  model: ClauseModel | null;
  references: ReferenceList;
  stancesSource: unknown;
}

export function browserContent(bundle: ContentBundle): BrowserContent {
  return { taxonomy: bundle.taxonomy, model: bundle.model, references: bundle.references, stancesSource: bundle.stancesSource };
}

/** Rebuilds a bundle from published browser content; a checked policy has no overrides, schools or templates. */
export function bundleFromBrowserContent(content: BrowserContent): ContentBundle {
  return {
    taxonomy: content.taxonomy,
    model: content.model,
    references: content.references,
    stances: loadStanceDefs(content.stancesSource),
    stancesSource: content.stancesSource,
    overrides: { metadata: [], labels: [] },
    schools: [],
    templates: [],
  };
}
