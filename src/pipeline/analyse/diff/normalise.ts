/**
 * Text normalisation shared by the comparison analytics (diff, wording, lineage). Two clauses that differ only in
 * case, spacing, punctuation or the school's own name should compare as the same words.
 */
import { dualRegExp, fastSafe, type DualRegExp } from '../../structure/fast-regex.ts';

const APOSTROPHES = /[\u2018\u2019\u02bc`\u00b4]/g;
const NON_ASCII_WORD_CHAR = /[\p{L}\p{N}]/u;

function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
  return NON_ASCII_WORD_CHAR.test(text[i] ?? '');
}

/**
 * Lower-case word tokens (letters and digits, with inner apostrophes) with punctuation dropped; curly
 * apostrophes folded so "school’s" equals "school's". A hand-written scanner: the Unicode-class regex it
 * replaces was the slowest step of shingling a large corpus.
 */
export function wordTokens(text: string): string[] {
  let t = text.toLowerCase();
  if (/[^\x00-\x7f]/.test(t)) t = t.normalize('NFKC').replace(APOSTROPHES, "'");
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i <= t.length; i++) {
    const word = i < t.length && isWordChar(t, i);
    if (word) {
      if (start < 0) start = i;
      continue;
    }
    // An apostrophe between two word characters stays inside the word ("don't", "school's").
    if (start >= 0 && t.charCodeAt(i) === 39 && i + 1 < t.length && isWordChar(t, i + 1)) continue;
    if (start >= 0) {
      out.push(t.slice(start, i));
      start = -1;
    }
  }
  return out;
}

/** Collapses runs of whitespace and trims; the test for "same text" ignores only layout. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Words joined by single spaces: case, whitespace and punctuation no longer matter. */
export function normaliseWords(text: string): string {
  return wordTokens(text).join(' ');
}

/**
 * Trailing words that describe the kind of school rather than name it. Stripping them gives the short form a
 * policy often uses on its own ("Oakwood Primary School" → "Oakwood").
 */
const SCHOOL_KIND_WORDS = new Set([
  'school', 'schools', 'primary', 'secondary', 'academy', 'nursery', 'infant', 'infants', 'junior', 'juniors',
  'catholic', 'church', 'of', 'england', 'ce', 'c', 'e', 'rc', 'and', '&', 'high', 'college', 'community',
  'voluntary', 'aided', 'controlled', 'va', 'vc', 'federation', 'first', 'middle', 'upper', 'lower', 'free',
  'special', 'grammar', 'foundation', 'methodist', 'the', 'trust', 'multi', 'academies',
]);

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The name and its short form, longest first, as regular-expression sources that tolerate any spacing. */
export function schoolNameVariants(name: string): string[] {
  const words = collapseWhitespace(name).split(' ').filter((w) => w.length > 0);
  const variants = new Set<string>();
  if (words.length > 0) variants.add(words.join(' '));
  const withoutThe = words[0]?.toLowerCase() === 'the' ? words.slice(1) : words;
  if (withoutThe.length > 0) variants.add(withoutThe.join(' '));
  let end = withoutThe.length;
  while (end > 0 && SCHOOL_KIND_WORDS.has((withoutThe[end - 1] ?? '').toLowerCase().replace(/[.,]/g, ''))) end--;
  const core = withoutThe.slice(0, end).join(' ');
  // A one-letter or very short core ("St") would replace ordinary words.
  if (core.length >= 4 && end < withoutThe.length) variants.add(core);
  return [...variants]
    .sort((x, y) => y.length - x.length || (x < y ? -1 : x > y ? 1 : 0))
    .map((v) => v.split(' ').map(escapeRegExp).join('\\s+'));
}

/**
 * Replaces the school's own name (full or short form) with "the school", so wordings copied between schools
 * group together. "The Oakwood Primary School" and "Oakwood's" both become "the school"/"the school's".
 */
export function genericiseSchoolName(text: string, schoolName: string | null | undefined): string {
  if (!schoolName) return text;
  const pattern = schoolNamePattern(schoolName);
  if (pattern === null) return text;
  return text.replace(fastSafe(text) ? pattern.fast : pattern.full, 'the school');
}

/**
 * The pattern for each school name, built once: a corpus run genericises every clause of a policy with the same
 * name. `replace` resets a global pattern's lastIndex, so sharing one is safe. Bounded, because names are many.
 */
const namePatterns = new Map<string, DualRegExp | null>();
const MAX_NAME_PATTERNS = 4096;

function schoolNamePattern(schoolName: string): DualRegExp | null {
  let pattern = namePatterns.get(schoolName);
  if (pattern !== undefined) return pattern;
  const variants = schoolNameVariants(schoolName);
  pattern = variants.length === 0 ? null : dualRegExp(`(?:\\bthe\\s+)?\\b(?:${variants.join('|')})\\b`, 'giu');
  if (namePatterns.size >= MAX_NAME_PATTERNS) namePatterns.clear();
  namePatterns.set(schoolName, pattern);
  return pattern;
}

/** 32-bit FNV-1a hash of a string: cheap, deterministic and good enough for bucketing words and shingles. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Dice coefficient of two token sets: 2|A∩B| / (|A|+|B|); 1 for two empty sets. */
export function diceOfSets(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const t of small) if (large.has(t)) shared++;
  return (2 * shared) / (a.size + b.size);
}
