/**
 * /review/decisions.json: the reviewer decisions this build already holds, in content/overrides.yaml's shape. The
 * browser's "Download overrides file" starts from these, so the file it writes can replace content/overrides.yaml.
 */
import type { APIRoute } from 'astro';
import { buildDecisionsFile } from '../../site/queue-data.ts';

export const GET: APIRoute = () => new Response(JSON.stringify(buildDecisionsFile()), { headers: { 'Content-Type': 'application/json' } });
