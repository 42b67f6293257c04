/**
 * Deontic force of a clause: must / must-not / should / may / permitted / information.
 * The first modal expression in the clause decides (the main verb of a rule usually comes first); a list item
 * with no modal of its own takes the force of its lead-in ("You must not: - store data on…").
 * Emphasised words (`**must not**`) are checked first because the author marked them as the operative words.
 */
import type { Modality } from '../types.ts';
import { dualOf, fastSafe, type DualRegExp } from '../structure/fast-regex.ts';

const RULE_SOURCES: [Modality, RegExp][] = [
  [
    'must-not',
    /\b(?:must|shall|should|will|may|can|do|does)\s*(?:not|n['’]t|never)\b|\b(?:is|are)\s+not\s+to\b|\bcannot\b|\bnever\b|\bunder no circumstances\b|\b(?:is|are|be)\s+(?:strictly\s+)?(?:prohibited|forbidden|banned|not\s+(?:permitted|allowed|acceptable))\b|\bnot\s+(?:permitted|allowed|acceptable)\b|\bprohibit(?:s|ed)?\b|\bforbid(?:s|den)?\b|\bno\s+(?:\w+\s+){1,3}(?:is|are|will|should|may|must|can)\s+(?:be\s+)?(?:\w+ed|permitted|allowed)\b|\bunacceptable\b/iu,
  ],
  [
    'must',
    /\bmust\b|\bshall\b|\b(?:is|are|am|be)\s+required\s+to\b|\brequires?\b|\bhave\s+(?:a|the)\s+(?:duty|responsibility)\b|\bhas\s+(?:a|the)\s+(?:duty|responsibility)\b|\bobliged\b|\bmandatory\b|\bwill\s+(?:ensure|make\s+sure|comply|report|only|always)\b|\bI\s+will\b|\bI\s+agree\b|\bis\s+responsible\s+for\b|\bare\s+responsible\s+for\b|\bexpected\s+to\b|\bwill\b/iu,
  ],
  ['should', /\bshould\b|\bought\s+to\b|\b(?:are|is)\s+(?:advised|recommended|encouraged)\b|\brecommend(?:s|ed)?\b|\badvisable\b/iu],
  ['permitted', /\b(?:is|are|be)\s+(?:permitted|allowed|acceptable)\b|\bpermits?\b|\ballows?\b|\bmay\s+be\s+used\b/iu],
  ['may', /\bmay\b|\bcan\b|\bis\s+entitled\b/iu],
];

/** Each rule with its non-Unicode twin, used on text where the two agree (see structure/fast-regex.ts). */
const RULES: [Modality, DualRegExp][] = RULE_SOURCES.map(([modality, re]) => [modality, dualOf(re)]);

/** Imperative verbs that open a rule without a modal: "Do not open…", "Never share…", "Lock your screen…". */
const IMPERATIVE_NOT = dualOf(/^\s*(?:do\s+not|don['’]t|never|avoid|refrain)\b/iu);

const formOf = (text: string): 'fast' | 'full' => (fastSafe(text) ? 'fast' : 'full');

/** Modality from text alone, or null when the text carries no modal expression. */
export function modalityOf(text: string, emphasis: readonly string[] = []): Modality | null {
  const form = formOf(text);
  if (IMPERATIVE_NOT[form].test(text)) return 'must-not';
  const emphasised = emphasis.join(' ');
  if (emphasised) {
    const emphasisForm = formOf(emphasised);
    for (const [modality, re] of RULES) if (re[emphasisForm].test(emphasised)) return modality;
  }
  let best: { modality: Modality; index: number } | null = null;
  for (const [modality, re] of RULES) {
    const m = re[form].exec(text);
    // The earliest modal wins; on a tie the stronger rule (listed first) keeps its place.
    if (m && (best === null || m.index < best.index)) best = { modality, index: m.index };
  }
  // "must not" starts with "must": the must-not rule matched at the same index and was listed first.
  return best?.modality ?? null;
}

/** Modality with the lead-in as a fallback; `information` when neither says anything. */
export function clauseModality(text: string, emphasis: readonly string[], leadIn: string | null): Modality {
  return modalityOf(text, emphasis) ?? (leadIn ? modalityOf(leadIn) : null) ?? 'information';
}
