/**
 * A school's name reduced to what identifies it, so that the ways one school writes its name on different
 * documents compare equal: "St Mary's CE Primary", "Saint Marys Church of England Primary School" and
 * "St. Mary's C of E Primary Academy" all become core `st mary`, phase primary, denomination ce.
 *
 * The phase and the denomination are kept apart from the core because they can only disagree when both names
 * state them: "St Mary's" (neither) agrees with both "St Mary's CE Primary" and "St Mary's Catholic Primary",
 * but those two are different schools.
 */

export type Phase = 'nursery' | 'infant' | 'junior' | 'primary' | 'first' | 'middle' | 'secondary';
export type Denomination = 'ce' | 'rc' | 'cw' | 'methodist';

export interface NameKey {
  /** The identifying words, lower-case, in order ("st mary" → ['st', 'mary']). */
  core: string[];
  phase: Phase | null;
  denomination: Denomination | null;
  /** A trust, federation, diocese or council rather than one school: it neither agrees nor disagrees with a school. */
  isGroup: boolean;
}

/** Multi-word forms first, so "Church of England" is read before "England". */
const DENOMINATION_FORMS: [RegExp, Denomination][] = [
  [/\bchurch of england\b|\bc\s*of\s*e\b|\bcofe\b|\bc\.\s*e\.|\bce\b/g, 'ce'],
  [/\bchurch in wales\b|\bciw\b/g, 'cw'],
  [/\broman catholic\b|\br\.\s*c\.|\brc\b|\bcatholic\b/g, 'rc'],
  [/\bmethodist\b/g, 'methodist'],
];

/** Phases, most specific combination first: "Infant and Nursery" is an infant school, "Junior and Infant" a primary. */
const PHASE_FORMS: [RegExp, Phase | ''][] = [
  [/\b(?:junior|juniors)\s+(?:and|&)\s+infants?\b|\binfants?\s+(?:and|&)\s+juniors?\b|\bj\s*(?:and|&)\s*i\b/g, 'primary'],
  // "Primary and Nursery": the nursery class belongs to the school; '' keeps the phase and drops the nursery.
  [/\b(?:primary|infants?|junior|juniors)\s+(?:and|&)\s+nursery\b/g, ''],
  [/\bprimary\b/g, 'primary'],
  [/\binfants?\b/g, 'infant'],
  [/\bjuniors?\b/g, 'junior'],
  [/\bfirst\s+school\b/g, 'first'],
  [/\bmiddle\s+school\b/g, 'middle'],
  [/\bsecondary\b|\bhigh\b|\bgrammar\b|\bupper\s+school\b/g, 'secondary'],
  [/\bnursery\b/g, 'nursery'],
];

/** Words that say what kind of body this is, not which one. */
const INSTITUTION = new Set([
  'school', 'academy', 'college', 'the', 'and', 'of', 'community', 'county', 'foundation', 'voluntary', 'aided',
  'controlled', 'va', 'vc', 'endowed', 'free', 'sixth', 'form', 'church', 'at', 'for', 'a', 'an', 'special',
  'maintained', 'state', 'independent', 'day', 'boarding', 'prep', 'preparatory', 'centre', 'center', 'unit',
]);

/** Words that make the name a group of schools or a council. */
const GROUP = new Set([
  'trust', 'federation', 'partnership', 'diocese', 'diocesan', 'academies', 'schools', 'council', 'borough',
  'alliance', 'consortium', 'collaborative', 'mat', 'multi', 'authority', 'board', 'district', 'cluster',
]);

/** Canonical form of one word: accents folded, possessive and a plural "s" dropped ("Mary's", "Marys" → "mary"). */
export function canonicalWord(w: string): string {
  let x = w.replace(/'s$/, '').replace(/'$/, '').replace(/'/g, '');
  if (x.length >= 4 && x.endsWith('s') && !x.endsWith('ss')) x = x.slice(0, -1);
  return x;
}

export function nameKey(raw: string | null | undefined): NameKey | null {
  if (!raw) return null;
  let s = ` ${raw
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’‘`]/g, "'")} `;
  // "St." and "Saint" are one word; the full stop is punctuation everywhere else.
  s = s.replace(/\bsaint\b|\bst\.?(?=\s)/g, ' st ');
  let denomination: Denomination | null = null;
  for (const [re, d] of DENOMINATION_FORMS) {
    if (re.test(s)) denomination ??= d;
    s = s.replace(re, ' ');
  }
  let phase: Phase | null = null;
  for (const [re, p] of PHASE_FORMS) {
    s = s.replace(re, (m) => {
      if (p === '') return ` ${m.replace(/\s+(?:and|&)\s+nursery$/, '')} `;
      phase ??= p;
      return ' ';
    });
  }
  const words = s
    .replace(/&/g, ' and ')
    .split(/[^a-z0-9']+/)
    .map((w) => w.replace(/^'+|'+$/g, ''))
    .filter((w) => w.length > 0);
  const isGroup = words.some((w) => GROUP.has(w));
  const core = words.map(canonicalWord).filter((w) => w.length > 0 && !INSTITUTION.has(w) && !GROUP.has(w));
  if (core.length === 0 || core.every((w) => w === 'st')) return null;
  return { core, phase, denomination, isGroup };
}

/** The words that pick a school out (not "st"), for indexing. */
export function distinctiveWords(key: NameKey): string[] {
  return key.core.filter((w) => w !== 'st' && !/^\d+$/.test(w));
}

/**
 * How two names relate:
 * - `same`: same words, phase and denomination;
 * - `contained`: same words, one name leaves out a phase or denomination the other states ("Decoy" / "Decoy
 *   Community Primary School");
 * - `partial`: one name's words are a part of the other's ("Oakwood" / "Oakwood Park Primary");
 * - `conflict`: the words differ, or both state a phase or denomination and these differ;
 * - `neutral`: one is a trust, federation or council, which says nothing about which school.
 */
export type NameRelation = 'same' | 'contained' | 'partial' | 'conflict' | 'neutral';

export function compareNames(a: NameKey, b: NameKey): NameRelation {
  const sameCore = a.core.join(' ') === b.core.join(' ');
  if (a.isGroup || b.isGroup) return a.isGroup && b.isGroup && sameCore ? 'same' : 'neutral';
  if (a.phase && b.phase && a.phase !== b.phase) return 'conflict';
  if (a.denomination && b.denomination && a.denomination !== b.denomination) return 'conflict';
  if (sameCore) return a.phase === b.phase && a.denomination === b.denomination ? 'same' : 'contained';
  const [short, long] = a.core.length <= b.core.length ? [a, b] : [b, a];
  const longWords = new Set(long.core);
  if (distinctiveWords(short).length > 0 && short.core.every((w) => longWords.has(w))) return 'partial';
  return 'conflict';
}

/** The key written out, for reasons and tests: `st mary (primary, ce)`. */
export function describeKey(key: NameKey): string {
  const attrs = [key.phase, key.denomination, key.isGroup ? 'group' : null].filter(Boolean);
  return attrs.length ? `${key.core.join(' ')} (${attrs.join(', ')})` : key.core.join(' ');
}
