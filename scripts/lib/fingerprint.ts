import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  async function visit(d: string): Promise<void> {
    let entries;
    try {
      entries = await readdir(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = join(d, e.name);
      if (e.isDirectory()) await visit(p);
      else if (e.isFile()) out.push(p);
    }
  }
  await visit(dir);
  return out.sort();
}

/**
 * A hash of everything besides a policy's own bytes that its analysis depends on: the pipeline's source code and
 * the content that drives it (taxonomy, clause model, reference lists, stances). Editing a cue or a module invalidates the
 * cache, so a stale result can never be served after a change.
 */
export async function analysisFingerprint(projectRoot: string, contentDir: string): Promise<string> {
  const hash = createHash('sha256');
  const files = [
    ...(await filesUnder(join(projectRoot, 'src/pipeline'))),
    ...(await filesUnder(join(contentDir, 'taxonomy'))),
    ...(await filesUnder(join(contentDir, 'model'))),
    ...(await filesUnder(join(contentDir, 'references'))),
    join(contentDir, 'stances.yaml'),
  ];
  for (const f of files) {
    hash.update(relative(projectRoot, f));
    hash.update(await readFile(f).catch(() => Buffer.alloc(0)));
  }
  return hash.digest('hex');
}
