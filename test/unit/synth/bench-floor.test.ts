import { lstat, mkdtemp, readFile, readlink, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFloorProject } from '../../../scripts/bench-floor.ts';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe('writeFloorProject', () => {
  it('writes a bare Astro project with one dynamic route for n pages, borrowing this repo\'s node_modules', async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'pa-floor-test-')), 'project');
    dirs.push(resolve(dir, '..'));
    await writeFloorProject(dir, 1234, 2);
    const page = await readFile(join(dir, 'src/pages/p/[id].astro'), 'utf8');
    expect(page).toContain('getStaticPaths');
    expect(page).toContain('length: 1234');
    const config = await readFile(join(dir, 'astro.config.mjs'), 'utf8');
    expect(config).toContain('concurrency: 2');
    // Caches must stay in the bare project, not in the shared node_modules.
    expect(config).toContain("cacheDir: './.astro-cache'");
    expect((await lstat(join(dir, 'node_modules'))).isSymbolicLink()).toBe(true);
    expect(await readlink(join(dir, 'node_modules'))).toBe(resolve('node_modules'));
  });
});
