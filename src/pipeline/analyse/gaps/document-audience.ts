/**
 * Whether a document is a school's own staff policy, or something else that looks like one: a published template
 * (placeholders left in, the publisher named throughout, advice to the schools that will adopt it) or a
 * whole-school policy (roles and rules for pupils, parents and governors as well as staff). Either way its
 * coverage is not a school's staff rules, and a reader must be told before reading the figures.
 *
 * Pure: reads the text only. The signals are structural and phrasing patterns, not any one publisher's words.
 */

export interface TemplateSignals {
  /** Placeholders a school is meant to fill in or choose between, as found (at most a few, for the message). */
  placeholders: string[];
  placeholderCount: number;
  /** An organisation named in the document's copyright line and then throughout the text. */
  owner: { name: string; count: number } | null;
  /** Sentences advising the adopting school ("schools may wish to…"), as found (at most a few). */
  guidance: string[];
  guidanceCount: number;
}

export interface DocumentAudience {
  /** Looks like a template to be adapted, not a school's adopted policy. */
  template: boolean;
  /** Sets rules for pupils and parents too, not staff only. */
  wholeSchool: boolean;
  signals: TemplateSignals;
  /** Audiences the document gives sections to (pupils, parents, governors, staff…). */
  audiences: string[];
  /** Plain-English reasons, for the top of a report; empty for a school's own staff policy. */
  reasons: string[];
}

/**
 * Text a school is meant to replace or choose from: "[insert school name]", "<name of school>", "(or other
 * relevant group)", "(delete as appropriate)", "XXXX".
 */
const PLACEHOLDER = new RegExp(
  [
    String.raw`\[\s*(?:insert|add|enter|name of|school|academy|trust|date|name)\b[^\]\n]{0,50}\]`,
    String.raw`<\s*(?:insert|name of|school|academy)\b[^>\n]{0,40}>`,
    String.raw`\((?:or\s+other\s+relevant|insert|delete\s+as\s+appropriate|amend\s+as|school\s+to\s+(?:add|insert|decide)|name\s+of\s+(?:the\s+)?school)[^)\n]{0,50}\)`,
    String.raw`\bdelete\s+as\s+(?:appropriate|applicable)\b`,
    String.raw`\bX{3,}\b`,
  ].join('|'),
  'gi',
);

/** Advice to the school adopting the text, rather than a rule for its staff. */
const GUIDANCE_TO_SCHOOLS = new RegExp(
  [
    String.raw`\b(?:schools?|academies|the\s+school|settings?|you)\s+(?:may|might|will)\s+(?:wish|want|need)\s+to\b`,
    String.raw`\bschools?\s+(?:should|could|may)\s+(?:consider|decide|choose|adapt|amend|add|include)\b`,
    String.raw`\b(?:this|the)\s+(?:model|template|sample)\s+(?:policy|document|agreement)\b`,
    String.raw`\bit\s+is\s+(?:recommended|suggested)\s+that\s+(?:schools?|academies)\b`,
    String.raw`\b(?:adapt|amend|edit)\s+(?:this|the)\s+(?:policy|template|document)\s+to\s+(?:suit|reflect|meet)\b`,
  ].join('|'),
  'i',
);

/** A copyright line, where a template's publisher names itself. */
const COPYRIGHT_LINE = /(?:©|\(c\)|\bcopyright\b|\ball rights reserved\b)[^\n]*/gi;
/** Organisation-like names in a copyright line: acronyms ("SWGfL", "LGfL") and runs of capitalised words. */
const ORG_NAME = /\b[A-Z][A-Za-z]*[A-Z][A-Za-z]*\b|\b(?:[A-Z][a-z]+\s+){1,5}(?:Ltd|Limited|Trust|Council|Partnership|Centre|Foundation)\b/g;
/** Words in a copyright line that are not a publisher's name. */
const NOT_OWNER = /^(?:All|Rights|Reserved|Copyright|Ltd|Limited|UK|ICT|IT|PDF|URL|DfE|KCSIE|GDPR)$/i;

/** Headings (short lines) that give an audience its own section. */
const AUDIENCE_HEADINGS: readonly [string, RegExp][] = [
  ['pupils', /^(?:[\d.•\-–*]+\s*)?(?:education\s*[–-]\s*)?(?:pupils?|learners?|students?|children)\b/i],
  ['parents', /^(?:[\d.•\-–*]+\s*)?(?:education\s*[–-]\s*)?parents?\b/i],
  ['governors', /^(?:[\d.•\-–*]+\s*)?(?:training\s*[–-]\s*)?governors?\b/i],
  ['leaders', /^(?:[\d.•\-–*]+\s*)?(?:headteacher|head\s+teacher|principal|senior\s+leaders?)\b/i],
  ['staff', /^(?:[\d.•\-–*]+\s*)?(?:(?:teaching\s+and\s+support\s+)?staff|education\s+and\s+training\s*[–-]\s*staff)\b/i],
];
const HEADING_MAX = 60;

/** Times an owner must be named (beyond its copyright line) to count as "named throughout". */
const OWNER_MIN = 10;
const KEEP = 3;

function templateSignals(text: string): TemplateSignals {
  const placeholders: string[] = [];
  let placeholderCount = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    placeholderCount++;
    const found = m[0].replace(/\s+/g, ' ').trim();
    if (placeholders.length < KEEP && !placeholders.includes(found)) placeholders.push(found);
  }

  let owner: TemplateSignals['owner'] = null;
  const candidates = new Set<string>();
  for (const line of text.matchAll(COPYRIGHT_LINE)) {
    for (const name of line[0].matchAll(ORG_NAME)) if (!NOT_OWNER.test(name[0])) candidates.add(name[0].trim());
  }
  for (const name of [...candidates].sort()) {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const count = (text.match(new RegExp(`\\b${escaped}\\b`, 'g')) ?? []).length;
    if (count >= OWNER_MIN && (owner === null || count > owner.count)) owner = { name, count };
  }

  const guidance: string[] = [];
  let guidanceCount = 0;
  for (const sentence of text.split(/(?<=[.!?])\s+|\n{2,}/)) {
    if (!GUIDANCE_TO_SCHOOLS.test(sentence)) continue;
    guidanceCount++;
    if (guidance.length < KEEP) guidance.push(sentence.replace(/\s+/g, ' ').trim().slice(0, 200));
  }
  return { placeholders, placeholderCount, owner, guidance, guidanceCount };
}

function audiencesOf(text: string): string[] {
  const found = new Set<string>();
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.length > HEADING_MAX) continue;
    for (const [name, re] of AUDIENCE_HEADINGS) if (re.test(line)) found.add(name);
  }
  return AUDIENCE_HEADINGS.map(([name]) => name).filter((n) => found.has(n));
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

export function documentAudience(text: string): DocumentAudience {
  const signals = templateSignals(text);
  const strong = [signals.placeholderCount >= 2, signals.owner !== null, signals.guidanceCount >= 2].filter(Boolean).length;
  const template = strong >= 2 || signals.placeholderCount >= 5 || signals.guidanceCount >= 5;
  const audiences = audiencesOf(text);
  // Sections for pupils and parents, and for governors or leaders: the policy governs the whole school.
  const wholeSchool = audiences.includes('pupils') && audiences.includes('parents') && (audiences.includes('governors') || audiences.includes('leaders'));

  const reasons: string[] = [];
  if (template) {
    const why: string[] = [];
    if (signals.owner) why.push(`it names ${signals.owner.name} ${signals.owner.count} times, the organisation in its copyright line`);
    if (signals.placeholderCount > 0) why.push(`it has ${plural(signals.placeholderCount, 'placeholder')} for a school to fill in, such as “${signals.placeholders[0] ?? ''}”`);
    if (signals.guidanceCount > 0) why.push(`${plural(signals.guidanceCount, 'sentence')} advise the school adopting it, such as “${signals.guidance[0] ?? ''}”`);
    reasons.push(`This looks like a template for schools to adapt, not a school's adopted policy: ${why.join('; ')}.`);
  }
  if (wholeSchool) {
    reasons.push('This is a whole-school policy: it has sections for pupils, parents and governors as well as staff, so not every rule in it is a rule for staff.');
  }
  return { template, wholeSchool, signals, audiences, reasons };
}

/** Whether a clause advises the school adopting a template rather than stating a rule. */
export function isGuidanceToSchools(text: string): boolean {
  return GUIDANCE_TO_SCHOOLS.test(text);
}

/**
 * Coverage without the evidence that only advises schools ("schools may wish to provide more detail"): that is a
 * template's note to its adopters, not the school's rule. A type left with no evidence becomes absent.
 */
export function withoutGuidanceToSchools<C extends { status: 'present' | 'partial' | 'absent'; confidence: number; evidence: readonly { clauseId: string }[] }>(
  coverage: readonly C[],
  clauses: readonly { id: string; text: string }[],
): C[] {
  const advice = new Set(clauses.filter((c) => isGuidanceToSchools(c.text)).map((c) => c.id));
  if (advice.size === 0) return [...coverage];
  return coverage.map((cell) => {
    if (cell.status === 'absent' || !cell.evidence.some((e) => advice.has(e.clauseId))) return cell;
    const evidence = cell.evidence.filter((e) => !advice.has(e.clauseId));
    return evidence.length > 0 ? { ...cell, evidence } : { ...cell, status: 'absent' as const, confidence: 0, evidence };
  });
}
