// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

// The site can be hosted under a sub-path (e.g. a local authority's intranet): set BASE_PATH=/atlas/ at build.
const base = process.env.BASE_PATH ?? '/';

export default defineConfig({
  base,
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [mdx()],
  // No telemetry, fonts or remote images: nothing may fetch from the network at build time.
  devToolbar: { enabled: false },
});
