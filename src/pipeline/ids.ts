/**
 * Policy and school ids derived from file paths. Ids become URL segments and file names in the output folder,
 * so they are restricted to `[a-z0-9-]` (no dots, slashes or leading dashes: nothing can escape the folder), and
 * two files never silently share one.
 */

/** Lower-case ASCII slug: accents folded, every other run of characters becomes one dash. */
export function slugify(raw: string): string {
  const slug = raw
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'untitled' : slug.slice(0, 80).replace(/-+$/, '');
}

export interface SourceIds {
  /** Path relative to the input folder, with forward slashes, as the user named it. */
  sourceFile: string;
  policyId: string;
  /** The first folder under the input folder, or the file's own name when it sits directly in it. */
  schoolId: string;
}

/** A warning about an id that had to be changed to stay unique. */
export interface IdWarning {
  sourceFile: string;
  message: string;
}

function splitExtension(name: string): [string, string] {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? [name.slice(0, dot), name.slice(dot + 1)] : [name, ''];
}

/**
 * Gives every source file a unique policy id. `relPaths` must be sorted so the same corpus always yields the
 * same ids. A school's documents get `<school>--<file>`; a file directly in the input folder is its own school.
 */
export function assignIds(relPaths: readonly string[]): { ids: SourceIds[]; warnings: IdWarning[] } {
  const drafts = relPaths.map((sourceFile) => {
    const parts = sourceFile.split('/');
    const fileName = parts[parts.length - 1] ?? sourceFile;
    const [stem, ext] = splitExtension(fileName);
    const schoolId = parts.length > 1 ? slugify(parts[0] ?? '') : slugify(stem);
    const middle = parts.slice(1, -1).map(slugify);
    const base = parts.length > 1 ? [schoolId, ...middle, slugify(stem)].join('--') : slugify(stem);
    return { sourceFile, schoolId, base, ext: slugify(ext) };
  });

  // Files that share a stem (policy.docx and policy.pdf) keep apart by their extension first, then by a counter.
  const byBase = new Map<string, number>();
  for (const d of drafts) byBase.set(d.base, (byBase.get(d.base) ?? 0) + 1);
  const used = new Set<string>();
  const warnings: IdWarning[] = [];
  const ids = drafts.map((d) => {
    let id = (byBase.get(d.base) ?? 0) > 1 && d.ext !== 'untitled' ? `${d.base}-${d.ext}` : d.base;
    if (used.has(id)) {
      let n = 2;
      while (used.has(`${id}-${n}`)) n++;
      warnings.push({ sourceFile: d.sourceFile, message: `its id "${id}" was taken by another file, so it is "${id}-${n}"` });
      id = `${id}-${n}`;
    }
    used.add(id);
    return { sourceFile: d.sourceFile, policyId: id, schoolId: d.schoolId };
  });
  return { ids, warnings };
}
