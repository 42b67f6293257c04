/**
 * A "key people" line: a role and the person who holds it ("Designated Safeguarding Lead   Mrs J Patel",
 * "Policy owner - Daniel Bull", "Link governor for safeguarding (includes online safety) Philippa Burke"). Schools
 * put these in a table on the cover or under "Key contacts", where the cells run together into one line with no
 * verb, so neither the cues (which look for "is responsible for") nor a model trained on sentences sees a rule. Yet
 * naming who holds the role is what a governor asks of roles and responsibilities, and the labelling rules count it.
 *
 * The role is matched without regard to case; the name must look like one in the text as written (capitalised
 * words that are not form or role words, or a title such as "Mrs" and a surname), which is why this is code and
 * not a cue (cues match without regard to case).
 */
import type { Span } from '../types.ts';

export const ROLE_TYPE = 'gov-roles-responsibilities';

const ROLE = new RegExp(
  String.raw`\b(?:(?:deputy\s+)?designated\s+safeguarding(?:\s+lead(?:er)?s?)?|d?dsls?|(?:online|e|internet)[\s-]*safety\s+(?:lead(?:er)?|co-?ordinator|officer|champion)s?|` +
    String.raw`computing\s+(?:lead(?:er)?|co-?ordinator|subject\s+lead)|(?:ict|it)\s+(?:lead(?:er)?|co-?ordinator|manager|technician)|network\s+manager|` +
    String.raw`data\s+protection\s+(?:officer|lead)|dpo|policy\s+(?:owner|lead|author)|(?:safeguarding\s+)?link\s+governor(?:\s+for\s+[\w-]+(?:\s+[\w-]+)?)?|` +
    String.raw`(?:safeguarding|online\s+safety)\s+governor|chair\s+of\s+(?:the\s+)?governors|head\s*teacher|head\s+of\s+school|business\s+manager)\b`,
  'giu',
);

/** Between the role and the name: separators, a bracketed aside ("(DSL)"), "team", a form's "Print Name". */
const BETWEEN = /^[\s:–—\-)]*(?:\([^()\n]{0,60}\)[\s:–—-]*)*(?:team\b[\s:–—-]*)?(?:(?:print\s+)?name\s*:?\s*)?/iu;

const TITLE = /^(?:Mr|Mrs|Miss|Ms|Mx|Dr|Rev(?:erend)?|Fr|Sr)\.?\s+/u;
const NAME_WORD = /^\p{Lu}[\p{Ll}'’-]+(?:-\p{Lu}[\p{Ll}'’]+)?|^\p{Lu}\.?(?=\s)/u;

/** Capitalised words that label a form, a role or a date rather than name a person. */
const NOT_A_NAME = new Set(
  (
    'Date Dated Signed Signature Sign Name Print Approved Approval Review Reviewed Policy School Academy Trust College ' +
    'Nursery Primary Governors Governor Governing Body Board Team Lead Leader Leads Officer Manager Deputy Designated ' +
    'Safeguarding Online Safety Head Teacher Headteacher Principal Chair Committee Version Next Last Owner Author ' +
    'Contact Contacts Details Email Phone Telephone Tel Responsible Person Staff Member Members All The This That Any ' +
    'Is Are Will Should Must And Or Of For To In On With At By Responsibilities Role Roles Key People Data Protection ' +
    'Computing Network Technician Support Services Local Authority Council If Different Vacant None See Appendix ' +
    'January February March April May June July August September October November December Term Autumn Spring Summer ' +
    'Link Lead Co-ordinator Coordinator Business Officer Champion Internet Designate Tbc Tba Status Ratified Issued'
  ).split(' '),
);

/** The name at the start of `rest`, or null: a title and a surname, or two or three name words. */
function nameAt(rest: string): string | null {
  let at = 0;
  const title = TITLE.exec(rest);
  if (title) at = title[0].length;
  const words: string[] = [];
  while (words.length < 3) {
    const m = NAME_WORD.exec(rest.slice(at));
    if (!m || NOT_A_NAME.has(m[0].replace(/\.$/, ''))) break;
    words.push(m[0]);
    at += m[0].length;
    const gap = /^[ \t]+/.exec(rest.slice(at));
    if (!gap) break;
    at += gap[0].length;
  }
  // "J Smith" and "Chris Speller" are names; a lone capitalised word ("Smith", "Staffroom") is not without a title.
  const surnames = words.filter((w) => w.replace(/\.$/, '').length > 1);
  if (surnames.length >= 1 && (title || words.length >= 2)) return rest.slice(0, at).trim();
  return null;
}

export interface RoleHolder {
  /** The role as written, for the label's reasons. The name is left out: reasons are published unmasked. */
  role: string;
  /** Offsets of the line within the clause text. */
  span: Span;
  /** Offset of the role within the clause text, to find the sentence that names it. */
  at: number;
}

/** The first line of `text` that names a role and its holder, or null. */
export function findRoleHolder(text: string): RoleHolder | null {
  let lineStart = 0;
  for (const line of text.split('\n')) {
    ROLE.lastIndex = 0;
    for (let m = ROLE.exec(line); m; m = ROLE.exec(line)) {
      const after = line.slice(m.index + m[0].length);
      const between = BETWEEN.exec(after)?.[0] ?? '';
      const name = nameAt(after.slice(between.length));
      if (name) {
        const start = lineStart + (line.length - line.trimStart().length);
        return { role: m[0].replace(/\s+/g, ' '), span: { start, end: lineStart + line.trimEnd().length }, at: lineStart + m.index };
      }
    }
    lineStart += line.length + 1;
  }
  return null;
}
