/**
 * Merges the parsed taxonomy files into one validated `Taxonomy`. Any problem throws a `TaxonomyError` whose
 * message names the file and the entry (type id, cue index) so an editor can find it without reading code.
 */
import type { z } from 'zod';
import { describeContentIssues } from '../content-errors.ts';
import {
  cuesFileSchema,
  guidanceFileSchema,
  typesFileSchema,
  type CueEntry,
  type GuidanceEntry,
  type TypeEntry,
} from './schema.ts';

export interface Category {
  id: string;
  title: string;
}

/** A cue ready for matching: `source` is the regular expression built from `phrase` or `re`. */
export interface Cue {
  source: string;
  weight: number;
  /** How the cue is shown in explanations: `phrase` for literal phrases, `pattern` for regular expressions. */
  kind: 'phrase' | 'pattern';
}

export interface ClauseType {
  id: string;
  category: string;
  title: string;
  description: string;
  level: 'core' | 'recommended' | 'optional';
  levelNote: string;
  /** Year from which the type is expected; null when always expected. */
  expectedSince: number | null;
  aliases: string[];
  textCues: Cue[];
  headingCues: Cue[];
  /** Per-type minimum label confidence, when the cue file sets one. */
  minConfidence: number | null;
  guidance: GuidanceEntry | null;
}

export interface Taxonomy {
  version: string;
  categories: Category[];
  /** In display order; coverage follows it. */
  types: ClauseType[];
  /** Every id and alias → canonical type id. */
  index: Record<string, string>;
}

export class TaxonomyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TaxonomyError';
  }
}

function parseWith<S extends z.ZodType>(schema: S, input: unknown, file: string): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new TaxonomyError(describeContentIssues('', file, result.error, input));
  return result.data;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A literal phrase matches as whole words with flexible spacing; `'` also matches the typographic apostrophe. */
export function phraseToSource(phrase: string): string {
  const body = phrase
    .trim()
    .split(/\s+/)
    .map((word) => escapeRegExp(word).replace(/'/g, "['\u2019]"))
    .join('\\s+');
  return `\\b${body}\\b`;
}

function toCue(entry: CueEntry, where: string): Cue {
  const source = entry.phrase !== undefined ? phraseToSource(entry.phrase) : (entry.re ?? '');
  try {
    new RegExp(source, 'iu');
  } catch (err) {
    throw new TaxonomyError(`invalid cue ${where}: ${(err as Error).message}`);
  }
  return { source, weight: entry.w, kind: entry.phrase !== undefined ? 'phrase' : 'pattern' };
}

/**
 * Builds the taxonomy from the parsed YAML of types.yaml, the cue file(s) (one object or an array of them, one
 * per category file) and, optionally, guidance.yaml.
 */
export function loadTaxonomy(types: unknown, cues: unknown, guidance?: unknown): Taxonomy {
  const typesFile = parseWith(typesFileSchema, types, 'types.yaml');
  const cueFiles = (Array.isArray(cues) ? cues : [cues]).map((c, i) =>
    parseWith(cuesFileSchema, c, Array.isArray(cues) ? `cues file ${i + 1}` : 'cues.yaml'),
  );
  const guidanceFile = guidance === undefined ? null : parseWith(guidanceFileSchema, guidance, 'guidance.yaml');

  const categoryIds = new Set<string>();
  for (const c of typesFile.categories) {
    if (categoryIds.has(c.id)) throw new TaxonomyError(`types.yaml: category "${c.id}" is listed twice`);
    categoryIds.add(c.id);
  }

  const index: Record<string, string> = {};
  for (const t of typesFile.types) {
    if (!categoryIds.has(t.category)) {
      throw new TaxonomyError(`types.yaml: type "${t.id}" names unknown category "${t.category}"`);
    }
    if (index[t.id] !== undefined) throw new TaxonomyError(`types.yaml: type id "${t.id}" is used twice`);
    index[t.id] = t.id;
  }
  for (const t of typesFile.types) {
    for (const alias of t.aliases) {
      if (index[alias] !== undefined) {
        throw new TaxonomyError(`types.yaml: alias "${alias}" of "${t.id}" is already the id or alias of "${index[alias]}"`);
      }
      index[alias] = t.id;
    }
  }

  const cuesByType = new Map<string, { text: Cue[]; heading: Cue[]; min: number | null }>();
  cueFiles.forEach((file, fileIndex) => {
    const fileName = cueFiles.length > 1 ? `cues file ${fileIndex + 1}` : 'cues.yaml';
    for (const [id, entry] of Object.entries(file.types)) {
      const canonical = index[id];
      if (canonical !== id) {
        throw new TaxonomyError(`${fileName}: cues for unknown type "${id}"${canonical ? ` (an alias of "${canonical}": use the current id)` : ''}`);
      }
      if (cuesByType.has(id)) throw new TaxonomyError(`${fileName}: cues for "${id}" are given in more than one file`);
      cuesByType.set(id, {
        text: entry.text.map((c, i) => toCue(c, `${fileName} types.${id}.text[${i}]`)),
        heading: entry.heading.map((c, i) => toCue(c, `${fileName} types.${id}.heading[${i}]`)),
        min: entry.min ?? null,
      });
    }
  });

  if (guidanceFile) {
    for (const id of Object.keys(guidanceFile.types)) {
      if (index[id] !== id) throw new TaxonomyError(`guidance.yaml: guidance for unknown type "${id}"`);
    }
  }

  const clauseTypes = typesFile.types.map((t: TypeEntry): ClauseType => {
    const c = cuesByType.get(t.id);
    return {
      id: t.id,
      category: t.category,
      title: t.title,
      description: t.description,
      level: t.level,
      levelNote: t.level_note,
      expectedSince: t.expected_since ?? null,
      aliases: t.aliases,
      textCues: c?.text ?? [],
      headingCues: c?.heading ?? [],
      minConfidence: c?.min ?? null,
      guidance: guidanceFile?.types[t.id] ?? null,
    };
  });

  return { version: typesFile.version, categories: typesFile.categories, types: clauseTypes, index };
}

/** The current id for `id` (following aliases), or null when the taxonomy does not know it. */
export function resolveTypeId(taxonomy: Taxonomy, id: string): string | null {
  return Object.hasOwn(taxonomy.index, id) ? (taxonomy.index[id] ?? null) : null;
}
