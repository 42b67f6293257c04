/** Per-clause-type JSON (ClauseTypeDetail: wordings with counts and diffs, stances), as the CLI wrote it. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { clauseTypes, dataDir, loadRaw } from '../../../site/load.ts';

export const getStaticPaths = (() =>
  clauseTypes()
    .filter((t) => existsSync(join(dataDir(), 'clause-types', `${t.id}.json`)))
    .map((t) => ({ params: { id: t.id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
  new Response(loadRaw('clause-type', String(params.id)), { headers: { 'Content-Type': 'application/json' } });
