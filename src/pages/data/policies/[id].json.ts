/** Per-policy JSON (PolicyDetail) for the browser (compare, check my policy) and for download, as the CLI wrote it. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadRaw, policies } from '../../../site/load.ts';

export const getStaticPaths = (() => policies().map((p) => ({ params: { id: p.id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
  new Response(loadRaw('policy', String(params.id)), { headers: { 'Content-Type': 'application/json' } });
