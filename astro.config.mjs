// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import publishData from './src/integrations/publish-data.ts';

// The site can be hosted under a sub-path (e.g. a local authority's intranet): set BASE_PATH=/atlas/ at build.
const base = process.env.BASE_PATH ?? '/';
// Browser tests build into their own folder (test/output/site) so they never overwrite a deployable dist/.
const outDir = process.env.SITE_OUT_DIR ?? './dist';

export default defineConfig({
  base,
  outDir,
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // CSP (src/site/csp.ts) allows no inline scripts; keep styles external too so pages stay cacheable.
    inlineStylesheets: 'never',
  },
  // /data/ files are copied from the analysis output after the build, not rendered page by page.
  integrations: [mdx(), publishData()],
  // No telemetry, fonts or remote images: nothing may fetch from the network at build time.
  devToolbar: { enabled: false },
  vite: {
    // Astro inlines small module scripts below this size; 0 keeps every script an external file (CSP).
    build: { assetsInlineLimit: 0 },
    // ES-module workers can split: "Check my policy" then loads pdf.js or mammoth only for a file that needs it.
    worker: { format: 'es' },
  },
});
