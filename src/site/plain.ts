/**
 * Clause-type descriptions in content/taxonomy/types.yaml are written by and for the people who maintain the
 * taxonomy: they carry notes such as "Stance D9 (forced change vs. NCSC)", "Primary staleness hotspot (platform
 * lists)" or "Feeds metadata (§3)", and slashes for "or". Everywhere a user reads a description it goes through
 * here: maintainers' notes are dropped and slashes read as words.
 */

/** A sentence that is a note for maintainers: it names an internal code, a section of the research brief or a
 *  design term, not something a governor needs. */
const MAINTAINER_NOTE = /\bStance(?:\s+dimension)?\s+D\d+\b|\bD\d+\b|§|\bstaleness\s+hotspot\b|\bFeeds\s+metadata\b|\bseed\s+matrix\b/i;

/** Splits after a full stop that ends a sentence (not "e.g." or "vs."). */
function sentences(text: string): string[] {
  return text.split(/(?<=[.!?])(?<!\bvs\.)(?<!\be\.g\.)(?<!\bi\.e\.)\s+(?=[A-Z])/).filter((s) => s.trim() !== '');
}

/** "Whether/when" → "whether or when"; "and/or" → "or"; leaves dates, fractions and URLs alone. */
function slashesAsWords(text: string): string {
  let out = text.replace(/\band\/or\b/gi, 'or').replace(/\s+\/\s+/g, ' or ');
  // A word/word pair (letters only, so "S2S/CTF" and "4G/5G" stay); repeated for "accessing/creating/storing".
  const pair = /(?<![\w:/.])([A-Za-z][A-Za-z-]*)\/(?=[A-Za-z]+(?![\w]*\d))/;
  for (let next = out.replace(pair, '$1 or '); next !== out; next = out.replace(pair, '$1 or ')) out = next;
  return out;
}

export function plainDescription(description: string): string {
  const kept = sentences(description).filter((s) => !MAINTAINER_NOTE.test(s));
  return slashesAsWords(kept.join(' ').trim());
}

/** A mention of the project's research brief: "Research brief §2(b)", "(brief §2(b))". */
const BRIEF_MENTION = /\(?\b(?:research\s+)?brief\s+§\s*[\d.]+(?:\([a-z]\))?\)?/gi;

/**
 * Where an out-of-date reference's replacement comes from, as a reader sees it: the reference lists cite the
 * project's own research notes ("Research brief §2(b): obsolete device class"); the reader gets the substance
 * ("Obsolete device class"). Null when nothing is left to say.
 */
export function plainSource(source: string): string | null {
  const text = source
    .replace(BRIEF_MENTION, ' ')
    .replace(/\s+:/g, ':')
    .replace(/\s{2,}/g, ' ')
    .trim()
    .replace(/^[:;,-]\s*/, '')
    .replace(/^\((.*)\)$/, '$1');
  // Whatever still points into the research notes (a section sign, an internal code) says nothing to a reader.
  if (!/[A-Za-z]{3}/.test(text) || MAINTAINER_NOTE.test(text)) return null;
  return text.charAt(0).toUpperCase() + text.slice(1);
}
