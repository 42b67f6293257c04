/**
 * Zod schema for content/stances.yaml: the questions on which staff AUPs genuinely disagree (personal use,
 * phones, password changes…), each with named values and the cue patterns that recognise them.
 */
import { z } from 'zod';

/**
 * Turns an editor's cue into a regular expression source: a space matches any run of whitespace (so cues survive
 * line wrapping and removed markup) and " ?" matches optional whitespace. Spaces inside [...] become \s.
 */
export function cueSource(cue: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < cue.length; i += 1) {
    const ch = cue[i] as string;
    if (ch === '\\') {
      out += ch + (cue[i + 1] ?? '');
      i += 1;
    } else if (inClass) {
      if (ch === ']') inClass = false;
      out += ch === ' ' ? '\\s' : ch;
    } else if (ch === '[') {
      inClass = true;
      out += ch;
    } else if (ch === ' ' && cue[i + 1] === '?') {
      out += '\\s*';
      i += 1;
    } else if (ch === ' ') {
      out += '\\s+';
    } else {
      out += ch;
    }
  }
  return out;
}

function regexProblem(source: string): string | null {
  try {
    const re = new RegExp(cueSource(source), 'iu');
    return re.test('') ? 'matches the empty string' : null;
  } catch (error) {
    return `not a valid regular expression (${(error as Error).message})`;
  }
}

const regex = z.string().min(2).superRefine((source, ctx) => {
  const problem = regexProblem(source);
  if (problem !== null) ctx.addIssue({ code: 'custom', message: `pattern ${JSON.stringify(source)} ${problem}` });
});

export const cueSchema = z.union([
  regex,
  z.strictObject({
    /** The pattern matched against the sentence. */
    re: regex,
    /** The pattern the lead-in of the list ("You must not:") must match for this cue to fire. */
    lead_in: regex,
  }),
]);

export const stanceValueSchema = z.strictObject({
  /** Kebab-case id, unique within the dimension, e.g. `own-time`. */
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  /** Short label shown in tables, e.g. "Limited, in own time only". */
  label: z.string().min(1),
  /** One plain-English sentence saying what a policy with this value requires. */
  description: z.string().min(1),
  /** Phrasings that show this value (see `cueSource` for how spaces match). */
  cues: z.array(cueSchema).min(1),
});

export const stanceDimensionSchema = z.strictObject({
  /** Id from the research brief, e.g. `D1`, `D9a`. */
  id: z.string().regex(/^D\d+[a-z]?$/),
  /** The question, as a short title. */
  title: z.string().min(1),
  /** Taxonomy type ids whose clauses usually carry this stance; used to prefer evidence from those clauses. */
  related_types: z.array(z.string().regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)+$/)).min(1),
  /** A sentence (or its list lead-in) must match this to be considered; omit to consider every sentence. */
  subject: regex.optional(),
  /** Sentences matching this are ignored for the dimension (they belong to another one). */
  exclude: regex.optional(),
  /** What current guidance says, in plain English. */
  guidance_note: z.string().default(''),
  /** The values, most specific first: the first value found in a policy wins. */
  values: z.array(stanceValueSchema).min(2),
});

export const stancesFileSchema = z
  .strictObject({
    /** Version of the stance definitions; bump when a value is added, removed or changes meaning. */
    version: z.string().min(1),
    /** The dimensions, in display order. */
    dimensions: z.array(stanceDimensionSchema).min(1),
  })
  .superRefine((file, ctx) => {
    const ids = new Set<string>();
    file.dimensions.forEach((dimension, index) => {
      if (ids.has(dimension.id)) ctx.addIssue({ code: 'custom', path: ['dimensions', index, 'id'], message: `repeats dimension id ${dimension.id}` });
      ids.add(dimension.id);
      const valueIds = new Set<string>();
      dimension.values.forEach((value, valueIndex) => {
        if (valueIds.has(value.id)) ctx.addIssue({ code: 'custom', path: ['dimensions', index, 'values', valueIndex, 'id'], message: `repeats value id ${value.id}` });
        valueIds.add(value.id);
      });
    });
  });

export type StancesFile = z.output<typeof stancesFileSchema>;
export type StanceDimension = z.output<typeof stanceDimensionSchema>;
export type StanceValue = z.output<typeof stanceValueSchema>;
export type StanceCue = z.output<typeof cueSchema>;
