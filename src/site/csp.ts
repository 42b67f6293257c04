/**
 * The one Content-Security-Policy for the site: written into every page's <meta> by the base layout and mirrored
 * in public/_headers (hosts that read it send it as a header; the e2e test checks both agree).
 * 'wasm-unsafe-eval' is for pagefind's WebAssembly search; 'unsafe-inline' styles for d3/pagefind style attributes.
 */
export const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'";
