/** /review/queue.json: the review queue's rows, most harmful first, for the queue page's filters (src/client/review-queue.ts). */
import type { APIRoute } from 'astro';
import { buildQueue } from '../../site/queue-data.ts';

export const GET: APIRoute = () => new Response(JSON.stringify(buildQueue()), { headers: { 'Content-Type': 'application/json' } });
