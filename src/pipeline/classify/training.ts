/**
 * Turns labelled sentences (content/training/sentences/*.jsonl) into training examples, computing features
 * exactly as the classifier does at run time, so the model learns from what it will see.
 */
import { z } from 'zod';
import type { Taxonomy } from '../taxonomy/load.ts';
import { resolveTypeId } from '../taxonomy/load.ts';
import { compileTaxonomy } from './compile.ts';
import { cueSignals } from './cue-signals.ts';
import { pairInputs } from './pair-inputs.ts';
import { unitFeatures } from './features.ts';
import type { TrainingExample } from './learn.ts';

/** One labelled sentence: a line of a training file. */
export const labelledSentenceSchema = z.object({
  /** Position of the sentence in its document's unit list when it was labelled. */
  u: z.number().int().nonnegative(),
  /** Headings above the sentence, outermost first. */
  headings: z.array(z.string()),
  /** The list lead-in the sentence sits under, or null. */
  leadIn: z.string().nullable(),
  /** The sentence, verbatim. */
  text: z.string(),
  /** Clause type ids the sentence evidences; empty when it evidences none (a negative example). */
  types: z.array(z.string()),
});
export type LabelledSentence = z.infer<typeof labelledSentenceSchema>;

export interface LabelledDocument {
  /** Document name without extension (the same as its gold file). */
  doc: string;
  sentences: LabelledSentence[];
}

export interface ExampleOptions {
  /** Give the model the cue hits as features (the combined model), or only the words (the model alone). */
  cueFeatures: boolean;
}

/** Examples in document and sentence order. Unknown type ids throw, naming the document and sentence. */
export function trainingExamples(docs: readonly LabelledDocument[], taxonomy: Taxonomy, options: ExampleOptions): TrainingExample[] {
  const compiled = compileTaxonomy(taxonomy);
  const examples: TrainingExample[] = [];
  for (const { doc, sentences } of docs) {
    for (const s of sentences) {
      const types = s.types.map((id) => {
        const resolved = resolveTypeId(taxonomy, id);
        if (resolved === null) throw new Error(`content/training/sentences/${doc}: sentence ${s.u}: unknown clause type "${id}"`);
        return resolved;
      });
      const features = unitFeatures({
        text: s.text,
        headings: s.headings,
        leadIn: s.leadIn,
        position: s.u,
        cueSignals: options.cueFeatures ? cueSignals(compiled, s.text, s.headings, s.leadIn) : [],
      });
      const pairs: [string, number[]][] = [];
      for (const [t, values] of pairInputs(taxonomy, { text: s.text, headings: s.headings, leadIn: s.leadIn }, options.cueFeatures)) {
        const id = taxonomy.types[t]?.id;
        if (id !== undefined) pairs.push([id, values]);
      }
      pairs.sort((a, b) => (a[0] < b[0] ? -1 : 1));
      examples.push({ doc, features, types: [...new Set(types)].sort(), pairs });
    }
  }
  return examples;
}
