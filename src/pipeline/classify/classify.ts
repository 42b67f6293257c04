/**
 * Explainable multi-label clause classifier.
 *
 * How confidence is computed (per clause, per type):
 *   Each cue in content/taxonomy/cues/*.yaml has a weight w in (0, 1], read as "the chance this cue alone is
 *   right". Cues are combined as independent evidence (noisy-OR): confidence = 1 − Π(1 − wᵢ) over
 *     • text cues that match the clause text (each cue counts once, however often it matches);
 *     • text cues that match the lead-in of a list ("You must not do any of the following:"), at half weight;
 *     • the best heading cue per heading above the clause: the nearest heading at full weight, each level
 *       further out at ×0.75 (a sub-heading says more about a clause than the chapter title does).
 *   Evidence from headings alone (no text or lead-in cue fired) is scaled ×0.8: a heading says what a section
 *   is about, not that every sentence in it is a rule of that type.
 *   Counter-cues (negative w) then scale the result by (1 + w).
 *   A type is given to the clause when confidence ≥ its `min` (cue file) or `minConfidence` (default 0.4).
 *   Coverage (coverage.ts) applies its own present/partial thresholds to the best clause per type.
 *
 * Every label lists the cues that fired, e.g. `phrase "strong password"`, `heading "Passwords"`, so a reader can
 * see why a clause was counted. No model, no network: regexes are compiled once per taxonomy (compile.ts).
 */
import type { Actor, ClassifiedClause, ClauseLabel, Clause } from '../types.ts';
import type { Taxonomy } from '../taxonomy/load.ts';
import { compileTaxonomy, matchCues, type CompiledCue, type CompiledType } from './compile.ts';

type Hit = ReturnType<typeof matchCues>[number];
import { clauseModality } from './modality.ts';
import { actorOf } from './actor.ts';

export interface ClassifyOptions {
  /** Default minimum confidence for a label (types may set their own `min`). */
  minConfidence?: number;
}

export const DEFAULT_MIN_CONFIDENCE = 0.4;
const LEAD_IN_FACTOR = 0.5;
const HEADING_DECAY = 0.75;
const HEADING_ONLY_FACTOR = 0.8;
const MAX_CUES_SHOWN = 6;

const quote = (s: string): string => `"${s.replace(/\s+/g, ' ').trim().slice(0, 80)}"`;


/** Best heading evidence for each type, cached per heading path (clauses of a section share it). */
interface HeadingEvidence {
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
        cues.push(`heading ${quote(heading)}`);
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

/** Index of the clause introducing this list item ("…the following:"), or -1. */
export function leadInIndex(clauses: readonly Clause[], i: number): number {
  const clause = clauses[i];
  if (!clause || clause.kind === 'paragraph') return -1;
  for (let j = i - 1, steps = 0; j >= 0 && steps < 60; j--, steps++) {
    const prev = clauses[j];
    if (!prev) break;
    if (prev.kind !== 'paragraph' && prev.depth >= clause.depth) continue;
    return /[:\-–—]\s*$|\bfollowing\b/u.test(prev.text) ? j : -1;
  }
  return -1;
}

export function classifyClauses(clauses: Clause[], taxonomy: Taxonomy, options: ClassifyOptions = {}): ClassifiedClause[] {
  const compiled = compileTaxonomy(taxonomy);
  const types = compiled.types;
  const defaultMin = options.minConfidence ?? DEFAULT_MIN_CONFIDENCE;
  const headingCache = new Map<string, HeadingEvidence>();
  const leadInHits = new Map<number, Hit[]>();
  const results: ClassifiedClause[] = [];
  const actors: Actor[] = [];

  for (let i = 0; i < clauses.length; i++) {
    const clause = clauses[i] as Clause;
    const leadAt = leadInIndex(clauses, i);
    const leadIn = leadAt >= 0 ? (clauses[leadAt]?.text ?? null) : null;
    const pathKey = clause.headingPath.join('\u0000');
    let headings = headingCache.get(pathKey);
    if (!headings) {
      headings = headingEvidence(types, clause.headingPath);
      headingCache.set(pathKey, headings);
    }

    // Text evidence per type: Π(1 − w) and the cues shown to the reader.
    const fired = new Map<number, { factor: number; cues: string[]; seen: Set<number> }>();
    const add = (hits: Hit[], scale: number, label: string): void => {
      for (const hit of hits) {
        const cue = compiled.cues[hit.cue] as CompiledCue;
        let f = fired.get(cue.type);
        if (!f) fired.set(cue.type, (f = { factor: 1, cues: [], seen: new Set() }));
        if (f.seen.has(hit.cue)) continue;
        f.seen.add(hit.cue);
        f.factor *= 1 - cue.weight * scale;
        f.cues.push(`${label} ${quote(hit.text)}`);
      }
    };
    add(matchCues(compiled, clause.text), 1, 'phrase');
    if (leadIn !== null) {
      let hits = leadInHits.get(leadAt);
      if (!hits) leadInHits.set(leadAt, (hits = matchCues(compiled, leadIn)));
      add(hits, LEAD_IN_FACTOR, 'lead-in');
    }

    const labels: ClauseLabel[] = [];
    const candidates = new Set<number>(fired.keys());
    for (const t of headings.withEvidence) candidates.add(t);
    for (const t of [...candidates].sort((a, b) => a - b)) {
      const type = types[t] as CompiledType;
      const text = fired.get(t);
      const heading = headings.byType[t] as { factor: number; cues: string[] };
      let confidence = text ? 1 - text.factor * heading.factor : (1 - heading.factor) * HEADING_ONLY_FACTOR;
      const cues = [...(text?.cues ?? []), ...heading.cues];
      for (const neg of type.negative) {
        const m = neg.re.exec(clause.text);
        if (m) {
          confidence *= 1 + neg.weight;
          cues.push(`against ${quote(m[0])}`);
        }
      }
      confidence = Math.round(confidence * 1000) / 1000;
      if (confidence >= (type.minConfidence ?? defaultMin)) {
        labels.push({ typeId: type.id, confidence, cues: cues.slice(0, MAX_CUES_SHOWN), source: 'auto' });
      }
    }
    labels.sort((a, b) => b.confidence - a.confidence);

    const modality = clauseModality(clause.text, clause.emphasis, leadIn);
    const actor = actorOf(clause.text, modality, leadAt >= 0 ? (actors[leadAt] ?? null) : null);
    actors.push(actor);
    results.push({ clauseId: clause.id, labels, modality, actor });
  }
  return results;
}
