import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ingest } from '../../../src/pipeline/ingest/index.ts';
import { structure } from '../../../src/pipeline/structure/index.ts';
import type { PolicyDocument } from '../../../src/pipeline/types.ts';

export const FIXTURES = join(import.meta.dirname, '../../fixtures');

export function bytesOf(path: string): Uint8Array {
  return new Uint8Array(readFileSync(join(FIXTURES, path)));
}

const cache = new Map<string, Promise<PolicyDocument>>();

/** Ingests and structures a fixture once per test file. */
export function load(path: string): Promise<PolicyDocument> {
  let doc = cache.get(path);
  if (!doc) {
    doc = ingest(bytesOf(path), path).then(structure);
    cache.set(path, doc);
  }
  return doc;
}

/** Every readable fixture document: seeds, extras and the generated formats. */
export function allDocuments(): string[] {
  const list = (dir: string): string[] =>
    readdirSync(join(FIXTURES, dir))
      .filter((f) => /\.(txt|md|html|docx|pdf)$/.test(f))
      .sort()
      .map((f) => `${dir}/${f}`);
  return [...list('seeds'), ...list('extra'), ...list('formats')];
}

export const normalise = (s: string): string => s.replace(/\s+/g, ' ').trim();
