/**
 * The cues' verdict on one sentence, as model features: which types' text cues fire (and whether strongly), which
 * types the headings above it name, and which the list lead-in names. The model learns per type how far to trust
 * each: a "Monitoring" heading over a sentence about something else is weak evidence, a strong phrase is not.
 */
import { matchCues, type CompiledTaxonomy } from './compile.ts';
import { headingEvidence, type HeadingEvidence } from './heading-evidence.ts';
import { HEADING_ONLY_FACTOR, LEAD_IN_FACTOR } from './cue-weights.ts';

/** Text-cue confidence from which a hit counts as strong (the coverage "present" threshold). */
const STRONG = 0.6;

const headingCache = new WeakMap<CompiledTaxonomy, Map<string, HeadingEvidence>>();
const leadInCache = new WeakMap<CompiledTaxonomy, Map<string, readonly { cue: number }[]>>();

/** A lead-in is shared by every item of its list: its cues are matched once. */
function leadInMatches(compiled: CompiledTaxonomy, leadIn: string): readonly { cue: number }[] {
  let cache = leadInCache.get(compiled);
  if (!cache) leadInCache.set(compiled, (cache = new Map()));
  let hits = cache.get(leadIn);
  if (!hits) {
    hits = matchCues(compiled, leadIn).map((h) => ({ cue: h.cue }));
    if (cache.size > 2000) cache.clear();
    cache.set(leadIn, hits);
  }
  return hits;
}

function headingsFor(compiled: CompiledTaxonomy, headings: readonly string[]): HeadingEvidence {
  let cache = headingCache.get(compiled);
  if (!cache) headingCache.set(compiled, (cache = new Map()));
  const key = headings.join('\u0000');
  let evidence = cache.get(key);
  if (!evidence) {
    evidence = headingEvidence(compiled.types, headings);
    // Headings repeat across a document's clauses; a corpus has few distinct paths, but bound it anyway.
    if (cache.size > 5000) cache.clear();
    cache.set(key, evidence);
  }
  return evidence;
}

/**
 * `c:<type>` when the type's text cues fire on the sentence, `c+:<type>` when they fire strongly, `h:<type>`-style
 * `hc:<type>` when a heading above names the type, `lc:<type>` when the lead-in does. `hits` are the sentence's
 * cue matches when the caller has them already.
 */
export function cueSignals(
  compiled: CompiledTaxonomy,
  text: string,
  headings: readonly string[],
  leadIn: string | null,
  hits: readonly { cue: number }[] = matchCues(compiled, text),
): string[] {
  const signals: string[] = [];
  const factor = new Map<number, number>();
  for (const h of hits) {
    const cue = compiled.cues[h.cue];
    if (cue) factor.set(cue.type, (factor.get(cue.type) ?? 1) * (1 - cue.weight));
  }
  for (const [t, f] of factor) {
    const id = compiled.types[t]?.id;
    if (id === undefined) continue;
    signals.push(`c:${id}`);
    if (1 - f >= STRONG) signals.push(`c+:${id}`);
  }
  for (const t of headingsFor(compiled, headings).withEvidence) {
    const id = compiled.types[t]?.id;
    if (id !== undefined) signals.push(`hc:${id}`);
  }
  if (leadIn !== null) {
    const types = new Set<number>();
    for (const h of leadInMatches(compiled, leadIn)) {
      const cue = compiled.cues[h.cue];
      if (cue) types.add(cue.type);
    }
    for (const t of types) {
      const id = compiled.types[t]?.id;
      if (id !== undefined) signals.push(`lc:${id}`);
    }
  }
  return signals;
}


/**
 * The cues' confidence per type (by index into `compiled.types`) for one sentence, by the same noisy-OR the cue
 * classifier uses for a clause (classify.ts): text cues at full weight, lead-in cues at half, headings, and
 * counter-cues. The learned model takes it as one input per type, so it starts from the cues' judgement and
 * learns where to trust it.
 */
export function cueConfidences(
  compiled: CompiledTaxonomy,
  text: string,
  headings: readonly string[],
  leadIn: string | null,
  hits: readonly { cue: number }[] = matchCues(compiled, text),
): Map<number, number> {
  const factor = new Map<number, number>();
  const seen = new Set<number>();
  const add = (list: readonly { cue: number }[], scale: number): void => {
    for (const h of list) {
      if (seen.has(h.cue)) continue;
      seen.add(h.cue);
      const cue = compiled.cues[h.cue];
      if (cue) factor.set(cue.type, (factor.get(cue.type) ?? 1) * (1 - cue.weight * scale));
    }
  };
  add(hits, 1);
  if (leadIn !== null) add(leadInMatches(compiled, leadIn), LEAD_IN_FACTOR);
  const heading = headingsFor(compiled, headings);
  const out = new Map<number, number>();
  const types = new Set<number>([...factor.keys(), ...heading.withEvidence]);
  for (const t of types) {
    const h = heading.byType[t]?.factor ?? 1;
    const f = factor.get(t);
    let confidence = f !== undefined ? 1 - f * h : (1 - h) * HEADING_ONLY_FACTOR;
    for (const neg of compiled.types[t]?.negative ?? []) if (neg.re.test(text)) confidence *= 1 + neg.weight;
    if (confidence > 0) out.set(t, confidence);
  }
  return out;
}
