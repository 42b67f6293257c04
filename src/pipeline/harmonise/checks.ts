/**
 * What the draft checks in any wording, its own or a member's: out-of-date references and the stance each block
 * takes. The checks themselves (the reference patterns and stance cues of content/) live in rules.ts, loaded by
 * the browser only when a draft is built; everything else sees only this interface.
 */
import type { Block } from './blocks.ts';

export interface OutdatedMention {
  referenceId: string;
  /** What the text mentions, e.g. "Data Protection Act 1998". */
  label: string;
  replacedBy: string;
  /** The exact words matched in the block. */
  words: string;
  start: number;
  end: number;
}

export interface BlockStance {
  /** Index of the block whose words show the stance. */
  block: number;
  dimensionId: string;
  value: string;
  label: string;
}

export interface DraftRules {
  /** Current-law and platform mentions the site flags as out of date (mentions saying they were replaced are not). */
  outdated(text: string): OutdatedMention[];
  /** Every stance value each block shows, reading items under their lead-ins. */
  stances(blocks: readonly Block[]): BlockStance[];
  /** Sentence spans of a block's text. */
  sentences(text: string): { start: number; end: number }[];
  /** The plain-English starting wording of a stance position (stance-wordings.ts), or null. */
  wording(dimensionId: string, value: string, description: string | null): string | null;
}

export interface BlockOutdated extends OutdatedMention {
  block: number;
}

/** Out-of-date mentions of every block (lead-ins included: they are printed too). */
export function outdatedIn(blocks: readonly Block[], rules: DraftRules): BlockOutdated[] {
  return blocks.flatMap((b, block) => rules.outdated(b.text).map((m) => ({ ...m, block })));
}

/** Stances that differ from a decided position, per block. */
export function contradictions(found: readonly BlockStance[], decisions: Readonly<Record<string, string>>): BlockStance[] {
  return found.filter((s) => {
    const d = decisions[s.dimensionId];
    return d !== undefined && d !== '' && d !== s.value;
  });
}
