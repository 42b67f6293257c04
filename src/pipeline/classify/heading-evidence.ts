/**
 * What the headings above a clause say about its type: per type, the product Π(1 − w·0.75^k) over the headings
 * whose cues match (k = levels out from the nearest heading), and the cues shown to a reader.
 */
import type { CompiledType } from './compile.ts';
import { quoteCue } from './cue-weights.ts';

const HEADING_DECAY = 0.75;

/** Best heading evidence for each type, cached per heading path (clauses of a section share it). */
export interface HeadingEvidence {
  byType: { factor: number; cues: string[] }[];
  /** Indexes of the types some heading speaks for. */
  withEvidence: number[];
}

export function headingEvidence(types: CompiledType[], path: readonly string[]): HeadingEvidence {
  const byType = types.map((type) => {
    let factor = 1;
    const cues: string[] = [];
    if (type.headings.length === 0) return { factor, cues };
    for (let k = 0; k < path.length; k++) {
      const heading = path[path.length - 1 - k] ?? '';
      let best = 0;
      for (const h of type.headings) if (h.weight > best && h.re.test(heading)) best = h.weight;
      if (best > 0) {
        factor *= 1 - best * HEADING_DECAY ** k;
        cues.push(`heading ${quoteCue(heading)}`);
      }
    }
    return { factor, cues };
  });
  const withEvidence: number[] = [];
  byType.forEach((h, i) => {
    if (h.factor < 1) withEvidence.push(i);
  });
  return { byType, withEvidence };
}
