/**
 * Validates parsed content/stances.yaml and compiles its patterns once. Errors name the dimension and value.
 */
import { cueSource, stancesFileSchema, type StanceCue } from './schema.ts';
import { describeContentIssues } from '../../content-errors.ts';

export interface CompiledCue {
  /** The cue as the editor wrote it, shown as "the cue that fired". */
  source: string;
  re: RegExp;
  leadIn: RegExp | null;
}

export interface CompiledStanceValue {
  id: string;
  label: string;
  description: string;
  cues: CompiledCue[];
}

export interface CompiledStanceDimension {
  id: string;
  title: string;
  relatedTypes: string[];
  subject: RegExp | null;
  exclude: RegExp | null;
  guidanceNote: string;
  values: CompiledStanceValue[];
}

export interface StanceDefs {
  version: string;
  dimensions: CompiledStanceDimension[];
}

/** The name the run pipeline uses. */
export type StanceDefinitions = StanceDefs;

export class StanceDefsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StanceDefsError';
  }
}

const compile = (source: string): RegExp => new RegExp(cueSource(source), 'iu');

function compileCue(cue: StanceCue): CompiledCue {
  if (typeof cue === 'string') return { source: cue, re: compile(cue), leadIn: null };
  return { source: cue.re, re: compile(cue.re), leadIn: compile(cue.lead_in) };
}

export function loadStanceDefs(input: unknown): StanceDefs {
  const result = stancesFileSchema.safeParse(input);
  if (!result.success) throw new StanceDefsError(describeContentIssues('', 'stances.yaml', result.error, input));
  return {
    version: result.data.version,
    dimensions: result.data.dimensions.map((d) => ({
      id: d.id,
      title: d.title,
      relatedTypes: d.related_types,
      subject: d.subject === undefined ? null : compile(d.subject),
      exclude: d.exclude === undefined ? null : compile(d.exclude),
      guidanceNote: d.guidance_note,
      values: d.values.map((v) => ({ id: v.id, label: v.label, description: v.description, cues: v.cues.map(compileCue) })),
    })),
  };
}

/** The name the run pipeline uses. */
export const loadStanceDefinitions = loadStanceDefs;
