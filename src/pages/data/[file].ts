/**
 * The analysis's whole-corpus exports, published unchanged at /data/<name> (dataset.json, check-bundle.json,
 * the CSVs and the JSON Schemas). "Check my policy" fetches dataset.json and check-bundle.json from here.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { availableExports, loadRaw, type ExportFile } from '../../site/load.ts';

export const getStaticPaths = (() => availableExports().map((file) => ({ params: { file } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const name = params.file as ExportFile;
  const type = name.endsWith('.csv') ? 'text/csv; charset=utf-8' : 'application/json';
  return new Response(loadRaw('export', name), { headers: { 'Content-Type': type } });
};
