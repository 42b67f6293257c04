/** Validation messages for content files that a person edits by hand (taxonomy, reference lists, stances). */
import type { z } from 'zod';

/**
 * Lists the first problems in a content file, each with its path and the id of the entry it sits in, e.g.
 * `types.yaml.types[17] (sec-mfa).level: Invalid option`, so an editor can find it without reading code.
 */
export function describeContentIssues(what: string, file: string, error: z.ZodError, input: unknown): string {
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
  return `invalid ${what}${file}:\n${lines.join('\n')}`;
}
