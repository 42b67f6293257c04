/**
 * Every internal link goes through `href`, so the site works when hosted under a sub-path (BASE_PATH=/atlas/).
 * Safe in the browser too: Vite replaces import.meta.env.BASE_URL at build time.
 */
const BASE: string = import.meta.env.BASE_URL ?? '/';

/** The site base with exactly one trailing slash, e.g. `/` or `/atlas/`. */
export const base: string = BASE.endsWith('/') ? BASE : `${BASE}/`;

/**
 * Site-internal URL for a path written from the site root (`/policies/x/`, `policies/x/`, `/search/?q=a#r`).
 * Directory paths get a trailing slash (trailingSlash: 'always'); file paths (with an extension) do not.
 */
export function href(path: string): string {
  const match = /^([^?#]*)(.*)$/.exec(path);
  let p = (match?.[1] ?? '').replace(/^\/+/, '');
  const rest = match?.[2] ?? '';
  const last = p.split('/').pop() ?? '';
  if (p !== '' && !p.endsWith('/') && !last.includes('.')) p += '/';
  return `${base}${p}${rest}`;
}

export const policyHref = (id: string): string => href(`/policies/${encodeURIComponent(id)}/`);
export const clauseTypeHref = (id: string): string => href(`/clauses/${encodeURIComponent(id)}/`);
export const policyJsonHref = (id: string): string => href(`/data/policies/${encodeURIComponent(id)}.json`);
export const policyCsvHref = (id: string): string => href(`/data/policies/${encodeURIComponent(id)}.csv`);
export const clauseTypeJsonHref = (id: string): string => href(`/data/clause-types/${encodeURIComponent(id)}.json`);
/** A whole-corpus export under /data/ (dataset.json, policies.csv, …). */
export const dataHref = (file: string): string => href(`/data/${file}`);
export const compareHref = (a: string, b?: string): string =>
  href(`/compare/?a=${encodeURIComponent(a)}${b ? `&b=${encodeURIComponent(b)}` : ''}`);
/** The anchor of a clause on its policy page is the clause id itself: /policies/<id>/#c0042. */
export const clauseAnchor = (clauseId: string): string => clauseId;

/** Slug for a group value (local authority, trust, phase) in a URL. */
export function groupSlug(value: string): string {
  return (
    value
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'unknown'
  );
}
