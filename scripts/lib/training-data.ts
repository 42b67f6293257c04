/**
 * Reads the labelled sentences under content/training/: `sentences/` has one JSON Lines file per real document
 * (`<doc>.jsonl`, or `<doc>.part1.jsonl`, `<doc>.part2.jsonl`… for a long document labelled in parts),
 * `synthetic/` one per taxonomy category of sentences written for training, and `families.yaml` the template
 * families that cross-validation holds out together. Labels a reviewer confirmed or added in
 * content/overrides.yaml are read as training sentences too. A bad line stops with the file and line named.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { labelledSentenceSchema, type LabelledDocument } from '../../src/pipeline/classify/training.ts';
import { parseOverrides } from '../../src/pipeline/run/overrides.ts';
import type { LabelOverride } from '../../src/pipeline/classify/overrides.ts';

export interface TrainingData {
  documents: LabelledDocument[];
  /** Document → family name (documents not listed are their own family). */
  familyOf: (doc: string) => string;
  /** Hash of every training file's name and bytes. */
  hash: string;
}

/**
 * Confirmed and added labels as training sentences, one per quote with every type confirmed on it. A rejection
 * is left out: a training sentence states all its types, and a rejection says only that one of them is wrong.
 */
export function reviewedSentences(labels: readonly LabelOverride[]): LabelledDocument {
  const byQuote = new Map<string, Set<string>>();
  for (const o of labels) {
    if (o.action === 'reject') continue;
    const types = byQuote.get(o.quote) ?? new Set<string>();
    types.add(o.type);
    byQuote.set(o.quote, types);
  }
  const sentences = [...byQuote.entries()]
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([text, types], u) => ({ u, headings: [], leadIn: null, text, types: [...types].sort() }));
  return { doc: 'reviewed/overrides', sentences };
}

const familiesSchema = z.object({
  version: z.string(),
  /** Family name → documents that share one source text. */
  families: z.record(z.string(), z.array(z.string())),
});

export function readTrainingData(contentDir: string): TrainingData {
  const hash = createHash('sha256');
  const byDoc = new Map<string, LabelledDocument>();
  // Sentences of real documents, then sentences written for training (one file per category, no document).
  for (const [folder, prefix] of [['sentences', ''], ['synthetic', 'synthetic/']] as const) {
    const dir = join(contentDir, 'training', folder);
    const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort() : [];
    for (const file of files) {
      const bytes = readFileSync(join(dir, file));
      hash.update(`${folder}/${file}`).update(bytes);
      const doc = prefix + file.replace(/(\.part\d+)?\.jsonl$/, '');
      let entry = byDoc.get(doc);
      if (!entry) byDoc.set(doc, (entry = { doc, sentences: [] }));
      const sentences = entry.sentences;
      bytes
        .toString('utf8')
        .split('\n')
        .forEach((line, i) => {
          if (line.trim() === '') return;
          let raw: unknown;
          try {
            raw = JSON.parse(line);
          } catch (e) {
            throw new Error(`${join(dir, file)} line ${i + 1}: not valid JSON (${(e as Error).message})`);
          }
          const parsed = labelledSentenceSchema.safeParse(raw);
          if (!parsed.success) throw new Error(`${join(dir, file)} line ${i + 1}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
          sentences.push(parsed.data);
        });
    }
  }
  // A reviewer's confirmed and added labels teach the model too: the sentence they saw, with that type.
  const overridesPath = join(contentDir, 'overrides.yaml');
  if (existsSync(overridesPath)) {
    const text = readFileSync(overridesPath, 'utf8');
    const reviewed = reviewedSentences(parseOverrides(parseYaml(text)).value.labels);
    if (reviewed.sentences.length > 0) {
      hash.update('overrides.yaml').update(text);
      byDoc.set(reviewed.doc, reviewed);
    }
  }

  const familiesPath = join(contentDir, 'training/families.yaml');
  const familyMap = new Map<string, string>();
  if (existsSync(familiesPath)) {
    const text = readFileSync(familiesPath, 'utf8');
    hash.update('families.yaml').update(text);
    const parsed = familiesSchema.safeParse(parseYaml(text));
    if (!parsed.success) throw new Error(`${familiesPath}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    for (const [family, docs] of Object.entries(parsed.data.families)) for (const d of docs) familyMap.set(d, family);
  }
  return {
    documents: [...byDoc.values()].sort((a, b) => (a.doc < b.doc ? -1 : a.doc > b.doc ? 1 : 0)),
    familyOf: (doc) => familyMap.get(doc) ?? doc,
    hash: hash.digest('hex'),
  };
}
