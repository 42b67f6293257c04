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
import type { Actor, ClassifiedClause, ClauseLabel, Clause, NearMiss } from '../types.ts';
import type { Taxonomy } from '../taxonomy/load.ts';
import { compileTaxonomy, matchCues, type CompiledCue, type CompiledType } from './compile.ts';

type Hit = ReturnType<typeof matchCues>[number];
import { clauseModality } from './modality.ts';
import { actorOf } from './actor.ts';
import { leadInIndex } from './lead-in.ts';
import { HEADING_ONLY_FACTOR, LEAD_IN_FACTOR, quoteCue } from './cue-weights.ts';
import { isStructural } from './structural.ts';
import { notTheRule } from './not-a-rule.ts';
import { DEFAULT_COVERAGE } from './coverage.ts';
import { headingEvidence, type HeadingEvidence } from './heading-evidence.ts';
import type { ClauseModel } from './model-schema.ts';
import { modelEvidence, reasonsOf, type ModelEvidence } from './model-evidence.ts';
import { clauseSentences, sentenceWith } from './units.ts';
import { findRoleHolder, ROLE_TYPE } from './role-holders.ts';

export interface ClassifyOptions {
  /** Default minimum confidence for a label (types may set their own `min`). */
  minConfidence?: number;
  /** The learned model (content/model/clause-model.json); without it the cues decide alone. */
  model?: ClauseModel | null;
  /** Use the cues (default). Off, with a model trained without cue features, gives "the model alone". */
  useCues?: boolean;
}

export const DEFAULT_MIN_CONFIDENCE = 0.4;
const MAX_CUES_SHOWN = 6;
/** Below the label threshold but close enough that a person should look: "not found — check". */
export const NEAR_MISS = 0.25;
const HEDGE_REASON = {
  advice: 'not a rule: advice to consider it',
  'law-summary': 'not a rule: describes the law, no duty',
  itself: 'not a link: the document naming itself',
} as const;

/** A line naming a role and its holder is the roles type stated plainly (role-holders.ts). */
const ROLE_HOLDER_CONFIDENCE = 0.7;
/** Where a sentence that only advises or describes the law is held: a near miss, never a label. */
const NOT_A_RULE_CAP = 0.35;



/**
 * A model probability on the confidence scale coverage uses (partial from 0.45, present from 0.6): the model's
 * decision threshold, chosen by cross-validation and stored with it, maps to 0.45, and the rest is stretched
 * linearly on either side, so the order of probabilities is kept.
 */
export function toConfidence(probability: number, threshold: number): number {
  const partial = DEFAULT_COVERAGE.partial;
  return probability < threshold ? (probability / threshold) * partial : partial + ((probability - threshold) / (1 - threshold)) * (1 - partial);
}

export function classifyClauses(clauses: Clause[], taxonomy: Taxonomy, options: ClassifyOptions = {}): ClassifiedClause[] {
  const compiled = compileTaxonomy(taxonomy);
  const types = compiled.types;
  const defaultMin = options.minConfidence ?? DEFAULT_MIN_CONFIDENCE;
  const useCues = options.useCues ?? true;
  let position = 0;
  const headingCache = new Map<string, HeadingEvidence>();
  const leadInHits = new Map<number, Hit[]>();
  const results: ClassifiedClause[] = [];
  const actors: Actor[] = [];
  const readsRoleHolders = types.some((t) => t.id === ROLE_TYPE);

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
    const fired = new Map<number, { factor: number; cues: string[]; seen: Set<number>; firstHit: string | null }>();
    const add = (hits: Hit[], scale: number, label: string): void => {
      for (const hit of hits) {
        const cue = compiled.cues[hit.cue] as CompiledCue;
        let f = fired.get(cue.type);
        if (!f) fired.set(cue.type, (f = { factor: 1, cues: [], seen: new Set(), firstHit: scale === 1 ? hit.text : null }));
        if (f.seen.has(hit.cue)) continue;
        f.seen.add(hit.cue);
        f.factor *= 1 - cue.weight * scale;
        f.cues.push(`${label} ${quoteCue(hit.text)}`);
      }
    };
    const clauseHits = matchCues(compiled, clause.text);
    if (useCues) add(clauseHits, 1, 'phrase');
    if (useCues && leadIn !== null) {
      let hits = leadInHits.get(leadAt);
      if (!hits) leadInHits.set(leadAt, (hits = matchCues(compiled, leadIn)));
      add(hits, LEAD_IN_FACTOR, 'lead-in');
    }

    const units = clauseSentences(clause, i);
    const roleHolder = readsRoleHolders ? findRoleHolder(clause.text) : null;
    const roleLabel = (): ClauseLabel | null => {
      if (!roleHolder) return null;
      // The sentence that names the role when the line holds several; the line itself in a table.
      const at = clause.start + roleHolder.at;
      const unit = units.find((u) => u.start <= at && at < u.end);
      const line = { start: clause.start + roleHolder.span.start, end: clause.start + roleHolder.span.end };
      const sentence = unit && unit.end - unit.start < line.end - line.start ? { start: unit.start, end: unit.end } : line;
      return { typeId: ROLE_TYPE, confidence: ROLE_HOLDER_CONFIDENCE, cues: [`named holder of the role ${quoteCue(roleHolder.role)}`], source: 'auto', sentence };
    };

    if (isStructural(clause.text)) {
      // A cover sheet or a document-control block: no label but the key people it names, and no list below it
      // takes it as a lead-in.
      position += units.length;
      actors.push('other');
      const role = roleLabel();
      results.push({ clauseId: clause.id, labels: role ? [role] : [], modality: 'information', actor: 'other' });
      continue;
    }
    const firstPosition = position;
    const learned: ModelEvidence | null = options.model ? modelEvidence(options.model, taxonomy, compiled, clause, units, leadIn, clauseHits, position) : null;
    position += units.length;

    const labels: ClauseLabel[] = [];
    const nearMisses: NearMiss[] = [];
    const candidates = new Set<number>(fired.keys());
    if (useCues) for (const t of headings.withEvidence) candidates.add(t);
    if (learned) for (const t of learned.byType.keys()) candidates.add(t);
    for (const t of [...candidates].sort((a, b) => a - b)) {
      const type = types[t] as CompiledType;
      const text = fired.get(t);
      const heading = useCues ? (headings.byType[t] as { factor: number; cues: string[] }) : { factor: 1, cues: [] };
      const cueConfidence = text ? 1 - text.factor * heading.factor : (1 - heading.factor) * HEADING_ONLY_FACTOR;
      const model = learned?.byType.get(t);
      // With a model, the model decides: the cues' confidence is one of its inputs, and it has learned when to trust it.
      let confidence = learned ? toConfidence(model?.probability ?? 0, learned.threshold) : cueConfidence;
      const cues = [...(text?.cues ?? []), ...heading.cues];
      // The model has already weighed the counter-cues (they lower its cue input); the cues alone apply them here.
      for (const neg of learned ? [] : type.negative) {
        const m = neg.re.exec(clause.text);
        if (m) {
          confidence *= 1 + neg.weight;
          cues.push(`against ${quoteCue(m[0])}`);
        }
      }
      const sentence = model?.sentence ?? sentenceWith(units, text?.firstHit ?? null);
      const words = sentence ? clause.text.slice(sentence.start - clause.start, sentence.end - clause.start) : clause.text;
      const at = sentence ? units.findIndex((u) => u.start === sentence.start) : 0;
      const hedge = notTheRule(words, type.id, firstPosition + Math.max(0, at), leadIn);
      if (hedge) {
        // Advice to consider something, or what a law forbids: worth a look, not evidence of the rule.
        confidence = Math.min(confidence, NOT_A_RULE_CAP);
        cues.push(HEDGE_REASON[hedge]);
      }
      confidence = Math.round(confidence * 1000) / 1000;
      if (confidence >= (type.minConfidence ?? defaultMin)) {
        if (model && options.model) cues.push(...reasonsOf(options.model, model));
        const label: ClauseLabel = { typeId: type.id, confidence, cues: cues.slice(0, MAX_CUES_SHOWN), source: 'auto' };
        if (sentence) label.sentence = sentence;
        labels.push(label);
      } else if (confidence >= NEAR_MISS) {
        const miss: NearMiss = { typeId: type.id, confidence };
        if (sentence) miss.sentence = sentence;
        nearMisses.push(miss);
      }
    }
    const role = roleLabel();
    const held = labels.find((l) => l.typeId === ROLE_TYPE);
    if (role && (!held || held.confidence < role.confidence)) {
      if (held) labels.splice(labels.indexOf(held), 1);
      labels.push(role);
      const miss = nearMisses.findIndex((m) => m.typeId === ROLE_TYPE);
      if (miss >= 0) nearMisses.splice(miss, 1);
    }
    labels.sort((a, b) => b.confidence - a.confidence);

    const modality = clauseModality(clause.text, clause.emphasis, leadIn);
    const actor = actorOf(clause.text, modality, leadAt >= 0 ? (actors[leadAt] ?? null) : null);
    actors.push(actor);
    const result: ClassifiedClause = { clauseId: clause.id, labels, modality, actor };
    if (nearMisses.length > 0) result.nearMisses = nearMisses.sort((a, b) => b.confidence - a.confidence);
    results.push(result);
  }
  return results;
}
