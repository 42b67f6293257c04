/**
 * What the learned model sees of one sentence: its words and word pairs (Porter stems, so "sharing" and "shared"
 * count as one), the words of the headings above it and of the list lead-in it sits under, and which clause
 * types' cues fire on it. Features are strings so a model file stays readable and a label can name the words
 * that weighed most.
 */
import { stemmer } from 'stemmer';

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

/** Stems of words already seen: a policy uses a few thousand distinct words, and stemming is the costly part. */
const stemCache = new Map<string, string>();
const STEM_CACHE_LIMIT = 50_000;

function stemOf(token: string): string {
  let stem = stemCache.get(token);
  if (stem === undefined) {
    const word = token.replace(/['’]s$/u, '').replace(/['’]/gu, '');
    stem = /^\p{N}+$/u.test(word) ? '#' : stemmer(word);
    if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
    stemCache.set(token, stem);
  }
  return stem;
}

let lastText: string | null = null;
let lastStems: readonly string[] = [];

/**
 * Lower-cased Porter stems of the words of `text`; numbers become `#` so "2018" and "1998" share a feature.
 * The model asks for one sentence's stems twice in a row (its word features, then its overlap with the type
 * descriptions), so the last answer is kept.
 */
export function stems(text: string): readonly string[] {
  if (text === lastText) return lastStems;
  const out: string[] = [];
  for (const m of text.toLowerCase().matchAll(WORD)) out.push(stemOf(m[0]));
  lastText = text;
  lastStems = out;
  return out;
}

/** `w:<stem>` strings, made once per stem rather than once per occurrence. */
const wordFeatureCache = new Map<string, string>();

function wordFeature(stem: string): string {
  let feature = wordFeatureCache.get(stem);
  if (feature === undefined) {
    feature = `w:${stem}`;
    if (wordFeatureCache.size >= STEM_CACHE_LIMIT) wordFeatureCache.clear();
    wordFeatureCache.set(stem, feature);
  }
  return feature;
}

/** Words and word pairs carry most of the meaning; the pair keeps negation ("not share") and objects ("share password"). */
function textFeatures(words: readonly string[], into: Set<string>): void {
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    into.add(wordFeature(w));
    const next = words[i + 1];
    if (next !== undefined) into.add(`b:${w}_${next}`);
  }
}

export interface UnitInput {
  text: string;
  /** Headings above the sentence, outermost first. */
  headings: readonly string[];
  /** The sentence introducing the list this item belongs to ("You must not:"), or null. */
  leadIn: string | null;
  /** Position of the sentence in the document (0 = first). */
  position: number;
  /** The cues' verdict as features (cue-signals.ts); empty for the model alone. */
  cueSignals: readonly string[];
}

/** Sentences this close to the top are where titles, cover sheets and version tables sit. */
const TOP = 3;

/** Whether the sentence at `position` is among a document's first: its title and cover, not its rules. */
export const atTop = (position: number): boolean => position < TOP;
const YEAR = /\b(?:19|20)\d{2}\b/;

/**
 * Shape of the sentence: what marks structure rather than a rule (a title has no full stop and few words, a
 * contents line ends in a page number, a cover sheet is at the top and full of dates and capitals).
 */
function shapeFeatures(text: string, position: number, into: Set<string>): void {
  const { words, letters, capitals } = countShape(text);
  if (atTop(position)) into.add('s:top');
  if (words <= 5) into.add('s:short');
  else if (words > 40) into.add('s:long');
  if (!/[.!?;:,]["'’”)]?$/u.test(text)) into.add('s:no-stop');
  if (/\bpages?\s+\d+\b|\.{4,}|\s\d{1,3}$/iu.test(text)) into.add('s:page');
  if (YEAR.test(text)) into.add('s:year');
  if (letters >= 8 && capitals / letters > 0.6) into.add('s:caps');
  if (/©|\bcopyright\b|\ball rights reserved\b/iu.test(text)) into.add('s:copyright');
}

const LETTER = /\p{L}/u;
const UPPER = /\p{Lu}/u;
const ALNUM = /[\p{L}\p{N}]/u;
const SPACE = /\s/u;

/**
 * In one pass over the characters: words (runs between white space holding a letter or digit), letters, and
 * capital letters. Every sentence the model reads goes through here, so ASCII is decided without a regex.
 */
function countShape(text: string): { words: number; letters: number; capitals: number } {
  let words = 0;
  let letters = 0;
  let capitals = 0;
  let wordHasAlnum = false;
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    let space: boolean;
    let letter = false;
    let upper = false;
    let digit = false;
    if (c < 128) {
      space = c === 32 || (c >= 9 && c <= 13);
      upper = c >= 65 && c <= 90;
      letter = upper || (c >= 97 && c <= 122);
      digit = c >= 48 && c <= 57;
    } else {
      space = SPACE.test(ch);
      if (!space) {
        letter = LETTER.test(ch);
        upper = letter && UPPER.test(ch);
        digit = !letter && ALNUM.test(ch);
      }
    }
    if (space) {
      if (wordHasAlnum) words++;
      wordHasAlnum = false;
      continue;
    }
    if (letter || digit) wordHasAlnum = true;
    if (letter) letters++;
    if (upper) capitals++;
  }
  if (wordHasAlnum) words++;
  return { words, letters, capitals };
}

/** Headings and lead-ins repeat over every sentence under them: their word features are worked out once. */
const contextCache = new Map<string, readonly string[]>();

function contextFeatures(prefix: string, text: string): readonly string[] {
  const key = prefix + text;
  let features = contextCache.get(key);
  if (!features) {
    features = [...new Set(stems(text))].map((w) => prefix + w);
    if (contextCache.size >= 5000) contextCache.clear();
    contextCache.set(key, features);
  }
  return features;
}

/** The de-duplicated feature strings of one sentence, in the order met (the scorer does not need them sorted). */
export function unitFeatures(unit: UnitInput): string[] {
  const features = new Set<string>();
  textFeatures(stems(unit.text), features);
  // Only the nearest heading's words: outer ones (often the document's title, over every sentence) taught the model
  // the style of its training documents more than the topic. They still count through the heading cues and the
  // description overlap (pair-inputs.ts).
  for (const f of contextFeatures('h:', unit.headings.at(-1) ?? '')) features.add(f);
  if (unit.leadIn !== null) for (const f of contextFeatures('l:', unit.leadIn)) features.add(f);
  shapeFeatures(unit.text, unit.position, features);
  for (const signal of unit.cueSignals) features.add(signal);
  return [...features];
}

/** How a feature reads in an explanation: `word "password"`, `heading word "email"`, `cue for sec-mfa`. */
export function describeFeature(feature: string): string {
  const body = feature.slice(2);
  const kind = /^(c\+|hc|lc):/.exec(feature)?.[1];
  if (kind !== undefined) {
    const id = feature.slice(kind.length + 1);
    return kind === 'c+' ? `strong cue for ${id}` : kind === 'hc' ? `heading cue for ${id}` : `lead-in cue for ${id}`;
  }
  switch (feature.slice(0, 2)) {
    case 'w:':
      return `word "${body}"`;
    case 'b:':
      return `words "${body.replace('_', ' ')}"`;
    case 'h:':
      return `heading word "${body}"`;
    case 'l:':
      return `lead-in word "${body}"`;
    case 'c:':
      return `cue for ${body}`;
    case 's:':
      return `shape: ${body}`;
    default:
      return feature;
  }
}
