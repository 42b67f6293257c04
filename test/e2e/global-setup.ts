/**
 * Vitest globalSetup for the e2e project (vitest.config.ts): builds the main site and the hostile-text site once
 * and serves both on 127.0.0.1, so every e2e file (site, check, draft, hostile…) shares them. Files read the URLs
 * with inject('siteUrl') / inject('hostileUrl'), or through startSite() / startHostileSite() in ./site.ts.
 */
import type { TestProject } from 'vitest/node';
import { buildSite, buildHostileSite, SITE_DIR, HOSTILE_SITE_DIR, BASE_PATH } from './build-site.ts';
import { serveStatic } from './server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
    hostileUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  buildSite();
  buildHostileSite();
  const server = await serveStatic(SITE_DIR, BASE_PATH);
  const hostile = await serveStatic(HOSTILE_SITE_DIR, BASE_PATH);
  project.provide('siteUrl', server.url);
  project.provide('hostileUrl', hostile.url);
  return async () => {
    await server.close();
    await hostile.close();
  };
}
