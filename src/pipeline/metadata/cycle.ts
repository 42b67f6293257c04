/**
 * Review-cycle phrases: "every two years", "annually", "Review Cycle: 2 Years", "three-yearly". Returns the cycle
 * in months and the span of the phrase inside the searched string.
 */

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, nine: 9, twelve: 12, eighteen: 18, '24': 24,
};

function count(word: string): number | null {
  const w = word.toLowerCase();
  if (/^\d+$/.test(w)) return Number(w);
  return NUMBER_WORDS[w] ?? null;
}

const NUM = '(\\d{1,2}|one|two|three|four|five|six|nine|twelve|eighteen)';

/** Each pattern with a function from its match to months. Most specific first. */
const PATTERNS: ReadonlyArray<readonly [RegExp, (m: RegExpExecArray) => number | null]> = [
  [new RegExp(`\\bevery\\s+${NUM}\\s+(years?|months?)\\b`, 'i'), (m) => scale(m[1]!, m[2]!)],
  [new RegExp(`\\b${NUM}[-\\s]+(years?|months?)\\b`, 'i'), (m) => scale(m[1]!, m[2]!)],
  [new RegExp(`\\b${NUM}[-\\s]?yearly\\b`, 'i'), (m) => mul(count(m[1]!), 12)],
  [/\bevery\s+other\s+year\b|\bbiennial(?:ly)?\b/i, () => 24],
  [/\btriennial(?:ly)?\b/i, () => 36],
  [/\bevery\s+six\s+months\b|\bhalf[-\s]yearly\b|\btwice\s+(?:a|per|each)\s+year\b/i, () => 6],
  [
    /\bannual(?:ly)?\b|\byearly\b|\bevery\s+year\b|\beach\s+year\b|\bonce\s+(?:a|per|each)\s+year\b|\bevery\s+twelve\s+months\b/i,
    () => 12,
  ],
];

function mul(n: number | null, k: number): number | null {
  return n === null ? null : n * k;
}

function scale(n: string, unit: string): number | null {
  return mul(count(n), /^year/i.test(unit) ? 12 : 1);
}

export interface CycleMatch {
  months: number;
  start: number;
  end: number;
}

/**
 * The first review-cycle phrase in `s`. "Bi-annually" is left out on purpose: it means "twice a year" to some
 * writers and "every two years" to others, and a wrong cycle is worse than none.
 */
export function findCycle(s: string): CycleMatch | null {
  let best: CycleMatch | null = null;
  for (const [re, toMonths] of PATTERNS) {
    const m = re.exec(s);
    if (!m) continue;
    if (/bi-?annual/i.test(s.slice(Math.max(0, m.index - 3), m.index + m[0].length))) continue;
    const months = toMonths(m);
    if (months === null || months < 1 || months > 72) continue;
    if (!best || m.index < best.start) best = { months, start: m.index, end: m.index + m[0].length };
  }
  return best;
}
