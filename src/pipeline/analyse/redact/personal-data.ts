/**
 * Finds personal data about staff that a published dataset should not repeat: names of staff given as contacts
 * ("ICT Network Manager – Sue Blower", "return to Ian", "contact Mrs Smith"), personal email addresses and phone
 * numbers. Precision matters more than recall: role titles ("Data Protection Officer", "Headteacher") and role
 * mailboxes (office@, helpdesk@) are never masked.
 */
import type { Span } from '../../types.ts';

export type PersonalDataKind = 'staff-name' | 'email' | 'phone';

export interface PersonalDataSpan extends Span {
  kind: PersonalDataKind;
  /** The text found (kept in memory only, never written out). */
  text: string;
}

/** Words that are never part of a person's name here: role titles, organisations, function words. */
const NOT_A_NAME = new Set(
  [
    'a', 'an', 'the', 'and', 'or', 'of', 'for', 'to', 'in', 'on', 'at', 'by', 'with', 'from', 'all', 'any', 'each',
    'every', 'this', 'that', 'these', 'those', 'if', 'when', 'where', 'who', 'please', 'date', 'signed', 'name',
    'print', 'your', 'their', 'our', 'my', 'his', 'her', 'it', 'them', 'you', 'us', 'me', 'no', 'not', 'yes',
    'head', 'headteacher', 'headmaster', 'headmistress', 'teacher', 'teachers', 'principal', 'manager', 'managers',
    'leader', 'leaders', 'lead', 'leads', 'officer', 'officers', 'coordinator', 'co-ordinator', 'chair', 'clerk',
    'bursar', 'technician', 'technicians', 'network', 'business', 'data', 'protection', 'designated', 'safeguarding',
    'deputy', 'assistant', 'senior', 'leadership', 'line', 'human', 'resources', 'hr', 'it', 'ict', 'dsl', 'dpo',
    'senco', 'governor', 'governors', 'governing', 'body', 'board', 'trust', 'trustees', 'academy', 'school',
    'schools', 'council', 'authority', 'local', 'borough', 'county', 'city', 'department', 'education', 'office',
    'reception', 'helpdesk', 'support', 'team', 'staff', 'pupils', 'pupil', 'students', 'student', 'parents',
    'parent', 'children', 'child', 'carers', 'police', 'ofsted', 'childline', 'nspcc', 'ceop', 'ico', 'dfe', 'lado',
    'prevent', 'channel', 'action', 'fraud', 'social', 'services', 'care', 'nhs', 'microsoft', 'google', 'apple',
    'facebook', 'twitter', 'instagram', 'youtube', 'sims', 'capita', 'arbor', 'information', 'commissioner',
    'national', 'policy', 'procedure', 'committee', 'admin', 'administration', 'finance', 'computing', 'online',
    'safety', 'e-safety', 'esafety', 'child', 'welfare', 'inclusion', 'pastoral', 'year', 'key', 'stage',
    'class', 'form', 'tutor', 'sendco', 'management', 'executive', 'ceo', 'cfo', 'director', 'directors', 'officer',
    'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march',
    'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'term', 'agreement',
    'appendix', 'section', 'form', 'copy', 'immediately', 'them', 'someone', 'anyone', 'everyone', 'guidance',
  ],
);

const TITLE = String.raw`(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?`;
/** A name token: "Sue", "O'Neill", "Smith-Jones", or an initial "J" / "J.". */
const NAME_TOKEN = String.raw`(?:[A-Z][a-z]+(?:['’-][A-Z]?[a-z]+)*|[A-Z]\.?)`;
const NAME = String.raw`${NAME_TOKEN}(?:[^\S\n]+${NAME_TOKEN}){0,2}`;

/** Role titles after which a name may follow ("Network Manager – Sue Blower", "Headteacher: Mrs J Smith"). */
const ROLE = String.raw`(?:(?:ICT\s+|IT\s+|School\s+)?Network\s+Manager|(?:School\s+)?Business\s+Manager|Office\s+Manager|Admin(?:istration)?\s+Manager|Head\s?teacher|Head\s+of\s+School|Principal|(?:Deputy\s+|Assistant\s+)?Head|Designated\s+Safeguarding\s+Lead(?:er)?|DSL|Data\s+Protection\s+Officer|DPO|Bursar|SENCO|(?:ICT|IT)\s+(?:Technician|Manager|Co-?ordinator|Lead)|Computing\s+(?:Lead(?:er)?|Co-?ordinator)|Online\s+Safety\s+(?:Lead|Officer|Co-?ordinator)|E[\s-]?Safety\s+(?:Officer|Lead|Co-?ordinator)|Chair\s+of\s+(?:the\s+)?Governors|Clerk\s+to\s+(?:the\s+)?Governors|HR\s+Manager|Line\s+Manager|Child\s+Protection\s+(?:Officer|Co-?ordinator|Liaison\s+Officer)|CPLO)`;

/** Verbs that introduce a contact: "return to Ian", "contact Mrs Smith", "speak to Sue". */
const CONTACT = String.raw`(?:return(?:ed)?\s+(?:(?:it|this|one\s+copy|the\s+form|them)\s+)?to|contact|speak\s+to|talk\s+to|ask|e-?mail|phone|call|ring|report\s+(?:it\s+|this\s+|them\s+)?to|send\s+(?:it\s+|this\s+|them\s+)?to|hand\s+(?:it\s+|this\s+|them\s+)?(?:in\s+)?to|give\s+(?:it\s+|this\s+|them\s+)?to|forward\s+(?:it\s+|this\s+|them\s+)?to|tell|inform|notify)`;

const TITLED_NAME = new RegExp(String.raw`\b${TITLE}[^\S\n]+${NAME}`, 'gu');
const ROLE_THEN_NAME = new RegExp(String.raw`\b${ROLE}(?:[^\S\n]*[–—:-][^\S\n]*|[^\S\n]+)(?<name>(?:${TITLE}[^\S\n]+)?${NAME})`, 'gu');
const NAME_THEN_ROLE = new RegExp(String.raw`(?<name>\b${NAME_TOKEN}[^\S\n]+${NAME_TOKEN}(?:[^\S\n]+${NAME_TOKEN})?)[^\S\n]*(?:,|\(|[–—-])[^\S\n]*(?:the[^\S\n]+|our[^\S\n]+)?${ROLE}\b`, 'gu');
/** The verb may start a sentence ("Contact Sue"), but names must stay capitalised, so no `i` flag. */
const anyCaseStart = (source: string): string => source.replace(/(?<!\\)\b([a-z])/gu, (_, c: string) => `[${c}${c.toUpperCase()}]`);
const CONTACT_NAME = new RegExp(String.raw`\b${anyCaseStart(CONTACT)}[^\S\n]+(?<name>(?:${TITLE}[^\S\n]+)?${NAME})`, 'gu');

const EMAIL = /\b[A-Za-z0-9][A-Za-z0-9._%+'-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b/gu;
/** UK numbers: 0xxxx xxxxxx, (01234) 567890, +44 (0)1234 567890, 07700 900123, 0800 123 4567. */
const PHONE = /(?<![\w+])(?:\+44[^\S\n]?(?:\(0\)[^\S\n]?)?|\(?0)\d{2,4}\)?(?:[^\S\n-]?|-)\d{3,4}(?:[^\S\n]|-)?\d{3,4}(?!\d)/gu;

/** Mailboxes that belong to a role, not a person: kept visible. */
const ROLE_MAILBOX_WORDS = [
  'office', 'admin', 'enquir', 'info', 'helpdesk', 'help', 'reception', 'head', 'bursar', 'finance', 'account',
  'contact', 'dpo', 'dataprotection', 'privacy', 'gdpr', 'safeguard', 'dsl', 'support', 'noreply', 'no-reply',
  'donotreply', 'webmaster', 'postmaster', 'school', 'academy', 'trust', 'governor', 'clerk', 'admission',
  'attendance', 'absence', 'senco', 'send', 'payroll', 'complaint', 'lettings', 'hr', 'it', 'ict', 'tech',
  'network', 'team', 'staff', 'parent', 'pupil', 'student', 'hello', 'mail', 'general', 'sbm', 'principal',
  'secretary', 'exams', 'careers', 'catering', 'library', 'sport', 'music', 'pta', 'friends', 'alumni',
];

function isRoleMailbox(local: string): boolean {
  const lower = local.toLowerCase();
  const segments = lower.split(/[^a-z]+/u).filter((s) => s !== '');
  return ROLE_MAILBOX_WORDS.some((word) => (word.length <= 3 ? segments.includes(word) : lower.includes(word)));
}

/** first.last@, j.smith@, jsmith@, sue_blower@: a person's mailbox unless a role word appears in it. */
function isPersonalMailbox(local: string): boolean {
  if (isRoleMailbox(local)) return false;
  const parts = local.split(/[._-]+/u).filter((p) => p !== '');
  const alphabetic = parts.every((p) => /^[a-z]+\d{0,3}$/iu.test(p));
  if (parts.length >= 2 && parts.length <= 3 && alphabetic) return true;
  return parts.length === 1 && /^[a-z]{4,20}\d{0,3}$/iu.test(local);
}

function nameLooksReal(name: string, following: string): boolean {
  const tokens = name.split(/[^\S\n]+/u).map((t) => t.replace(/\.$/u, ''));
  if (tokens.some((t) => NOT_A_NAME.has(t.toLowerCase()))) return false;
  // "Slough Borough Council": the word after the "name" shows it is an organisation.
  const next = /^[^\S\n]+([A-Z][\w'’-]*)/u.exec(following)?.[1];
  if (next !== undefined && NOT_A_NAME.has(next.toLowerCase())) return false;
  // A lone initial is not a name.
  return tokens.some((t) => t.length > 1);
}

/** What may follow a lone first name after a contact verb: punctuation, the end, or a joining word. */
const SINGLE_NAME_FOLLOWER = /^(?:[^\S\n]*(?:[.,;:)!?]|$)|[^\S\n]+(?:or|and|if|as|by|on|at|in|with|who|before|immediately|straight|directly|via|first)\b)/u;

function trimTitleFree(text: string, start: number): PersonalDataSpan {
  return { start, end: start + text.length, kind: 'staff-name', text };
}

function names(text: string): PersonalDataSpan[] {
  const out: PersonalDataSpan[] = [];
  for (const m of text.matchAll(TITLED_NAME)) {
    const titleEnd = /^\S+[^\S\n]+/u.exec(m[0])?.[0].length ?? 0;
    const name = m[0].slice(titleEnd);
    if (nameLooksReal(name, text.slice(m.index + m[0].length))) out.push(trimTitleFree(m[0], m.index));
  }
  for (const re of [ROLE_THEN_NAME, NAME_THEN_ROLE, CONTACT_NAME]) {
    for (const m of text.matchAll(re)) {
      const name = m.groups?.['name'];
      if (name === undefined) continue;
      const offset = m.index + m[0].indexOf(name, re === NAME_THEN_ROLE ? 0 : m[0].length - name.length - 1);
      const bare = name.replace(new RegExp(String.raw`^${TITLE}[^\S\n]+`, 'u'), '');
      if (!nameLooksReal(bare, text.slice(offset + name.length))) continue;
      // A first name alone only counts after a contact verb ("return to Ian"); after a role title it may be
      // the start of an ordinary sentence.
      const single = bare.split(/[^\S\n]+/u).length < 2 && bare === name;
      if (re !== CONTACT_NAME && single) continue;
      // "return to Ian." but not "ask Questions about": a lone first name must end the phrase.
      if (single && !SINGLE_NAME_FOLLOWER.test(text.slice(offset + name.length))) continue;
      out.push(trimTitleFree(name, offset));
    }
  }
  return out;
}

function emails(text: string): PersonalDataSpan[] {
  const out: PersonalDataSpan[] = [];
  for (const m of text.matchAll(EMAIL)) {
    const local = m[0].slice(0, m[0].indexOf('@'));
    if (isPersonalMailbox(local)) out.push({ start: m.index, end: m.index + m[0].length, kind: 'email', text: m[0] });
  }
  return out;
}

function phones(text: string): PersonalDataSpan[] {
  const out: PersonalDataSpan[] = [];
  for (const m of text.matchAll(PHONE)) {
    const digits = m[0].replace(/\D/gu, '');
    const national = (m[0].startsWith('+44') ? digits.slice(2) : digits).replace(/^0/u, '');
    if (national.length < 9 || national.length > 10) continue;
    out.push({ start: m.index, end: m.index + m[0].length, kind: 'phone', text: m[0] });
  }
  return out;
}

/** All personal-data spans, sorted, overlaps merged (an email wins over a name inside it). */
export function findPersonalData(text: string): PersonalDataSpan[] {
  const all = [...emails(text), ...phones(text), ...names(text)].sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: PersonalDataSpan[] = [];
  for (const span of all) {
    const last = merged[merged.length - 1];
    if (last !== undefined && span.start < last.end) {
      if (span.end > last.end && last.kind === span.kind) {
        last.end = span.end;
        last.text = text.slice(last.start, last.end);
      }
      continue;
    }
    merged.push({ ...span });
  }
  return merged;
}
