/**
 * Validates the parsed reference files and merges them into one `ReferenceList`. A problem throws a
 * `ReferenceListError` naming the file and the entry (index and id) so an editor can find it without reading code.
 */
import type { z } from 'zod';
import { referenceFileSchema, type ReferenceEntry } from './schema.ts';

export interface ReferenceList {
  /** `name@version` of each file, in the order given. */
  versions: string[];
  /** Every entry of every file, in file order. Ids are unique across files. */
  entries: ReferenceEntry[];
}

export class ReferenceListError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReferenceListError';
  }
}

function describeIssues(file: string, error: z.ZodError, input: unknown): string {
  const lines = error.issues.slice(0, 12).map((issue) => {
    const parts: string[] = [];
    let node: unknown = input;
    for (const key of issue.path) {
      node = node !== null && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key as PropertyKey] : undefined;
      const id = node !== null && typeof node === 'object' ? (node as { id?: unknown }).id : undefined;
      parts.push(typeof key === 'number' ? `[${key}]${typeof id === 'string' ? ` (${id})` : ''}` : `.${String(key)}`);
    }
    return `  ${file}${parts.join('') || ' (root)'}: ${issue.message}`;
  });
  return `invalid reference list ${file}:\n${lines.join('\n')}`;
}

/**
 * @param files parsed YAML of each content/references/*.yaml file
 * @param names the file names, used in error messages and `versions` (defaults to `file 1`, `file 2`, …)
 */
export function loadReferences(files: unknown[], names: string[] = []): ReferenceList {
  const versions: string[] = [];
  const entries: ReferenceEntry[] = [];
  const seen = new Map<string, string>();
  files.forEach((input, index) => {
    const name = names[index] ?? `file ${index + 1}`;
    const result = referenceFileSchema.safeParse(input);
    if (!result.success) throw new ReferenceListError(describeIssues(name, result.error, input));
    versions.push(`${name}@${result.data.version}`);
    result.data.entries.forEach((entry, entryIndex) => {
      const previous = seen.get(entry.id);
      if (previous !== undefined) {
        throw new ReferenceListError(`invalid reference list ${name}: entries[${entryIndex}] (${entry.id}) repeats an id already used in ${previous}`);
      }
      seen.set(entry.id, name);
      entries.push(entry);
    });
  });
  return { versions, entries };
}
