/**
 * How the cues' evidence is weighed, shared by the clause-level cue classifier (classify.ts) and the sentence-level
 * cue inputs of the learned model (cue-signals.ts), so the two can never drift apart.
 */

/** A list lead-in's cues count at half weight: it frames the item without stating it. */
export const LEAD_IN_FACTOR = 0.5;
/** Headings alone say what a section is about, not that a sentence in it is a rule of that type. */
export const HEADING_ONLY_FACTOR = 0.8;

/** A cue's matched words as shown in a label's reasons. */
export const quoteCue = (s: string): string => `"${s.replace(/\s+/g, ' ').trim().slice(0, 80)}"`;
