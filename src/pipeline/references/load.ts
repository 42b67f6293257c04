/**
 * Validates the parsed reference files and merges them into one `ReferenceList`. A problem throws a
 * `ReferenceListError` naming the file and the entry (index and id) so an editor can find it without reading code.
 */
import { referenceFileSchema, type ReferenceEntry } from './schema.ts';
import { describeContentIssues } from '../content-errors.ts';

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
    if (!result.success) throw new ReferenceListError(describeContentIssues('reference list ', name, result.error, input));
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
