import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** Names that are never policies: system clutter and our own notes. */
const JUNK = /^(?:\.|~\$|thumbs\.db$|desktop\.ini$)/i;

/**
 * Every file under `root`, as forward-slash paths relative to it, sorted by code point so the same folder always
 * gives the same order (and so the same ids and byte-identical output). Symbolic links are not followed: a link
 * could lead outside the folder the user chose.
 */
export async function listFiles(root: string): Promise<string[]> {
  const out: string[] = [];
  async function visit(dir: string, rel: string): Promise<void> {
    const entries = await readdir(dir, { withFileTypes: true });
    for (const entry of entries) {
      if (JUNK.test(entry.name)) continue;
      const childRel = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) await visit(join(dir, entry.name), childRel);
      else if (entry.isFile()) out.push(childRel);
    }
  }
  await visit(root, '');
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
