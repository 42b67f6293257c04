/**
 * The learned clause model as stored in content/model/clause-model.json: one logistic regression per clause type
 * over the sentence features of features.ts. Written by `npm run train`, read by the CLI and "Check my policy".
 */
import { z } from 'zod';

export const MODEL_FORMAT = 'policy-atlas-clause-model/1';

export const clauseModelSchema = z.object({
  /** File format and version; a reader refuses a format it does not know. */
  format: z.literal(MODEL_FORMAT),
  /** What the model was trained on, so a reader can tell two models apart and see how much data is behind them. */
  trainedOn: z.object({
    /** Documents whose sentences were used. */
    documents: z.number().int().nonnegative(),
    /** Sentences (units) used, positive or not. */
    sentences: z.number().int().nonnegative(),
    /** Sentence–type pairs labelled positive. */
    positives: z.number().int().nonnegative(),
    /** Hash of the training data and the cue set the features were computed with. */
    dataHash: z.string(),
  }),
  /** Training settings, recorded so `npm run train` can be checked to reproduce the file. */
  options: z.object({
    /** L1 penalty: pushes weak weights to exactly zero, which keeps the file small and the reasons short. */
    l1: z.number().nonnegative(),
    /** L2 penalty. */
    l2: z.number().nonnegative(),
    /** How much a positive sentence counts against a negative one. */
    positiveWeight: z.number().positive(),
    /** Optimiser iterations. */
    iterations: z.number().int().positive(),
    /** A feature must occur in at least this many training sentences. */
    minCount: z.number().int().positive(),
    /** Word weights below this size were dropped from the file. */
    prune: z.number().nonnegative(),
    /** Adam's step size. */
    learningRate: z.number().positive(),
    /** Whether cue hits were features: a model trained without them must be run without them. */
    cueFeatures: z.boolean(),
  }),
  /**
   * Probability from which a sentence counts as evidence of a type (maps to the coverage "partial" threshold).
   * Chosen by document-held-out cross-validation (scripts/cross-validate.ts --sweep), not on training sentences.
   */
  threshold: z.number().gt(0).lt(1),
  /** Weights of the type-relative inputs (pair-inputs.ts), shared by every type, by input name. */
  shared: z.record(z.string(), z.number()),
  /** Per clause type id: the intercept and the non-zero feature weights (feature string → weight). */
  types: z.record(
    z.string(),
    z.object({
      /** Intercept: the log-odds of the type for a sentence with no known feature. */
      bias: z.number(),
      /** This type's correction to the shared weight on the cues' confidence (0 for a model trained without cues). */
      cueWeight: z.number(),
      /** Non-zero weights only. */
      weights: z.record(z.string(), z.number()),
    }),
  ),
});

export type ClauseModel = z.infer<typeof clauseModelSchema>;
