/**
 * Who approved the policy and who it applies to.
 *
 * The approving body comes from an approval label's value ("Approved by: | Governors"), from prose about the
 * policy ("formally adopted by the Governing Body", "By order of the Governing Body"), and last from the body the
 * policy makes responsible for approving or reviewing it ("Governors are responsible for the approval of…").
 * Audiences come from scope statements ("This policy applies to all employees, governors, volunteers…").
 */
import type { Audience, Evidence, MetaValue } from '../types.ts';

/** Canonical names, most specific first; the first whose pattern matches wins. */
const BODIES: ReadonlyArray<readonly [string, RegExp]> = [
  ['Full Governing Body', /\bfull\s+(?:governing\s+(?:body|board)|governors|board\s+of\s+governors)\b|\bFGB\b/i],
  ['Local Academy Council', /\blocal\s+academy\s+(?:council|committee)\b|\bLAC\b/],
  ['Local Governing Body', /\blocal\s+governing\s+(?:body|board)\b|\bLGB\b/],
  ['Trustees', /\btrustees?\b|\btrust\s+board\b|\bboard\s+of\s+directors\b|\bdirectors\b/i],
  ['Management Committee', /\bmanagement\s+(?:committee|board)\b/i],
  ['Governing Body', /\bgoverning\s+(?:body|board)\b|\bgovernors?\b|\bboard\s+of\s+governors\b/i],
  ['Headteacher', /\bhead\s*teacher\b|\bhead\s+of\s+school\b|\bprincipal\b|\bexecutive\s+head\b/i],
  ['Senior Leadership Team', /\bsenior\s+leadership\s+team\b|\bSLT\b/],
  ['Board', /\bboard\b/i],
];
const COMMITTEE = /\b(?:[A-Z][\w&-]*\s+){0,5}(?:Committee|COMMITTEE|Sub-?committee)\b/;

export function canonicalBody(s: string): string | null {
  for (const [name, re] of BODIES) if (re.test(s)) return name;
  const c = COMMITTEE.exec(s);
  return c ? c[0].trim() : null;
}

const APPROVAL_PROSE = [
  // "It has been formally adopted by the Governing Body", "This policy was ratified by the Full Governing Body"
  /\b(?:policy|agreement|document|code|it)\b[^.\n]{0,60}?\b(?:approved|ratified|adopted|agreed|endorsed|authori[sz]ed|accepted)\s+by\s+(?:the\s+)?([^.\n;,]{3,60})/gi,
  /\bby\s+order\s+of\s+(?:the\s+)?([^.\n;,]{3,60})/gi,
  /\bsigned\s+(?:on\s+behalf\s+of|for)\s+(?:the\s+)?([^.\n;:,]{3,40})/gi,
];
const RESPONSIBLE_PROSE = [
  /\b([A-Z][\w ]{2,40}?)\s+(?:are|is)\s+responsible\s+for\s+(?:the\s+)?(?:approval|approving|ratification|ratifying)\s+(?:of\s+)?(?:this|the)\b/g,
  /\b([A-Z][\w ]{2,40}?)\s+(?:will|shall|must)\s+(?:approve|ratify|review)\s+(?:this|the)\s+(?:[\w-]+\s+){0,3}?policy\b/g,
];

export function bodyFromProse(text: string): MetaValue<string> | null {
  for (const group of [APPROVAL_PROSE, RESPONSIBLE_PROSE]) {
    let best: { at: number; value: string; ev: Evidence } | null = null;
    for (const re of group) {
      for (const m of text.matchAll(re)) {
        const value = canonicalBody(m[1]!);
        if (!value) continue;
        if (!best || m.index < best.at) {
          best = { at: m.index, value, ev: { start: m.index, end: m.index + m[0].length, quote: m[0] } };
        }
        break;
      }
    }
    if (best) return { value: best.value, evidence: best.ev, source: 'text' };
  }
  // A bullet list under a "Governors" heading that reviews the policy (Oakwood: "Governors / - will review this
  // policy and its application every two years").
  const m = /^\s*(Governors|Governing Body|Trustees)\s*:?\s*\n(?:\s*\n)?\s*[-*•]?\s*(?:will|must|shall)\s+(?:approve|ratify|review)\s+this\s+policy/im.exec(text);
  if (m) {
    const at = m.index + m[0].indexOf(m[1]!);
    return { value: canonicalBody(m[1]!)!, evidence: { start: at, end: m.index + m[0].length, quote: text.slice(at, m.index + m[0].length) }, source: 'text' };
  }
  return null;
}

const AUDIENCE_TERMS: ReadonlyArray<readonly [Audience, RegExp]> = [
  ['staff', /\b(?:condition\s+of\s+employment|staff|employees?|teachers?|teaching\s+assistants?|workers?|agency|supply|trainees?|student\s+teachers?|personnel|colleagues)\b/i],
  ['governors', /\b(?:governors?|governing\s+(?:body|board)|trustees?|board\s+members?|directors)\b/i],
  ['volunteers', /\bvolunteers?\b/i],
  ['contractors', /\b(?:contractors?|sub-?contractors?|partner\s+organisations?|external\s+partners?|third\s+part(?:y|ies)|consultants?)\b/i],
  ['visitors', /\b(?:visitors?|visiting|guests?|community\s+users?)\b/i],
  ['pupils', /\b(?:pupils?|students?|learners?|children)\b/i],
  ['parents', /\b(?:parents?|carers?|PTA|guardians?)\b/i],
];

/** Scope statements: what the policy applies to, and who must follow it as a condition of their role. */
const SCOPE_TRIGGERS: RegExp[] = [
  /\b(?:policy|agreement|code|guidance|document|it|this|term\s+[\w/* ]{1,30}?)\s+(?:also\s+|will\s+(?:also\s+)?|shall\s+)?(?:applies|apply|covers|cover|is\s+(?:aimed\s+at|intended\s+for|relevant\s+to))\b/i,
  /\b(?:expected|required)\s+to\s+(?:comply|abide|follow)\s+(?:with\s+|by\s+)?this\s+policy\b/i,
  /\bcondition\s+of\s+(?:employment|being\s+a\s+\w+|\w+ment)\b/i,
];

/** Sentences (or list lines) of the text with their offsets. */
function sentences(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  const re = /(?:[^.!?\n]|[.!?](?!\s|$))+(?:[.!?]|\n|$)/g;
  for (const m of text.matchAll(re)) {
    const lead = /^[\s\-*•\d.()]*/.exec(m[0])![0].length;
    const end = m.index + m[0].replace(/\s+$/, '').length;
    if (m.index + lead < end) out.push({ start: m.index + lead, end });
  }
  return out;
}

/** Audiences named in the policy's scope statements, in a fixed order. */
export function extractAudiences(text: string): MetaValue<Audience[]> | null {
  const found = new Set<Audience>();
  let first: Evidence | null = null;
  let n = 0;
  for (const s of sentences(text)) {
    const stmt = text.slice(s.start, s.end);
    if (!SCOPE_TRIGGERS.some((re) => re.test(stmt))) continue;
    const hits = AUDIENCE_TERMS.filter(([, re]) => re.test(stmt)).map(([a]) => a);
    if (!hits.length) continue;
    for (const a of hits) found.add(a);
    first ??= { start: s.start, end: s.end, quote: stmt };
    if (++n >= 4) break;
  }
  if (!first) return null;
  const order = AUDIENCE_TERMS.map(([a]) => a);
  return { value: order.filter((a) => found.has(a)), evidence: first, source: 'text' };
}
