/**
 * The school's name: a name line at the top, a name in the text ("Hanson School is committed…"), the owner of
 * the document ("CLC Acceptable Use Policy", "Decoy's Online Safety Class Charter"), then an e-mail domain or web
 * address (`westcoventryacademy.org` → "West Coventry Academy"). Template placeholders ("[School Name]",
 * "XXXX School") are recognised and flagged rather than reported as a name.
 */
import type { Evidence, MetaValue } from '../types.ts';
import type { Line } from './lines.ts';

const SCHOOL_NOUN =
  '(?:School(?:[ \\t]+District)?|Academy|College|Nursery(?:[ \\t]+School)?|Pre-?[Ss]chool|Kindergarten|Federation|Infants?|Juniors?|Sixth[ \\t]+Form)';
const NAME_WORD = "(?:St\\.?|[A-Z][\\p{L}'’-]*|[A-Z]{2,}|of|and|the|&|C[ \\t]+of[ \\t]+E|CE|RC|de|la|le)";
/** "Our Lady of Peace Catholic Primary and Nursery School", "Hanson School", "Minuteman Regional … School District". */
const NAMED_SCHOOL = new RegExp(`(?<![\\p{L}])((?:${NAME_WORD}[ \\t]+){0,9}?)${SCHOOL_NOUN}(?![\\p{L}])(?![ \\t]+(?:Council|Committee|Trust|Board|Governors?|Policy|Policies|Staff|Manager|Leader|Team|Network|Website|Office)\\b)`, 'gu');
/** Words that make "X School" not a name: "The School", "Our School", "Primary School" on its own. */
const NOT_A_NAME = new Set([
  'the', 'our', 'this', 'a', 'an', 'each', 'every', 'all', 'any', 'your', 'their', 'his', 'her', 'its', 'whole',
  'primary', 'secondary', 'high', 'junior', 'infant', 'nursery', 'community', 'catholic', 'maintained', 'special',
  'independent', 'local', 'state', 'grammar', 'free', 'new', 'previous', 'current', 'other', 'host', 'feeder',
  'partner', 'member', 'participating', 'and', 'of', 'de', 'la', 'le', 'within', 'at', 'in', 'with', 'for', 'from',
  'summer', 'after', 'before', 'boarding', 'day', 'church', 'voluntary', 'aided', 'controlled', 'foundation', 'the',
  'ce', 'rc', 'c', 'st', 'national', 'south', 'north', 'east', 'west', 'regional', 'online', 'virtual', 'forest',
  'multi', 'academy', 'trust', 'school', 'staff', 'policy', 'governing', 'body', 'acceptable', 'use', 'ict',
]);

/** Placeholders left in a template. */
const PLACEHOLDERS: RegExp[] = [
  /\[[^\]\n]{0,40}\b(?:school|academy|setting|organisation)(?:'s)?\s+name\b[^\]\n]{0,20}\]/gi,
  /\[\s*(?:insert|enter|add|type)\b[^\]\n]{0,40}\b(?:school|academy|setting|name)\b[^\]\n]{0,20}\]/gi,
  /<\s*(?:insert\s+)?(?:school|academy|setting)(?:'s)?\s+name\s*>/gi,
  /\b(?:X{3,}|x{3,}|_{3,}|\.{4,}|…)\s*(?:(?:Primary|Secondary|High|Junior|Infant|Community)\s+)?(?:School|Academy)\b/g,
];

export interface SchoolResult {
  school: MetaValue<string> | null;
  placeholder: boolean;
  warnings: string[];
}

function evidence(text: string, start: number, end: number): Evidence {
  return { start, end, quote: text.slice(start, end) };
}

/** Trims "The" and other non-name words from the front of a candidate; null when nothing name-like is left. */
function tidyName(text: string, start: number, end: number): { start: number; end: number } | null {
  let s = start;
  for (;;) {
    const m = /^(\S+)\s+/.exec(text.slice(s, end));
    if (!m) break;
    const w = m[1]!.toLowerCase().replace(/[’']s$/, '');
    if (!['the', 'our', 'at', 'of', 'and', '&', 'this', 'by', 'in'].includes(w)) break;
    // "Our Lady of Peace…", "Our Saviour…": a name, not the possessive.
    if (w === 'our' && /^our\s+(?:lady|saviour|lord|redeemer|mother)\b/i.test(text.slice(s, end))) break;
    s += m[0].length;
  }
  const words = text.slice(s, end).split(/\s+/);
  const meaningful = words.filter((w) => !NOT_A_NAME.has(w.toLowerCase().replace(/[^\p{L}]/gu, '')));
  if (meaningful.length === 0) return null;
  return { start: s, end };
}

/** Named schools anywhere in the text, with how often each name occurs. */
function namedSchools(text: string): Array<{ name: string; start: number; end: number; count: number }> {
  const byName = new Map<string, { name: string; start: number; end: number; count: number }>();
  for (const m of text.matchAll(NAMED_SCHOOL)) {
    const t = tidyName(text, m.index, m.index + m[0].length);
    if (!t) continue;
    const name = text.slice(t.start, t.end).replace(/\s+/g, ' ');
    const hit = byName.get(name);
    if (hit) hit.count++;
    else byName.set(name, { name, start: t.start, end: t.end, count: 1 });
  }
  return [...byName.values()];
}

/** A trust or federation named on a line of its own: the body whose policy it is ("STEP Academy Trust"). */
const GROUP_NOUN = '(?:(?:Multi[- ]Academy|MULTI[- ]ACADEMY|Academy|ACADEMY|Learning|LEARNING|Schools|SCHOOLS|Education|EDUCATION)[ \\t]+)?(?:Trust|TRUST|Federation|FEDERATION)';
/** Line forms that name a school, a trust or a federation on their own. */
const NAME_LINES = [
  new RegExp(`^(?:${NAME_WORD}\\s+){1,9}${SCHOOL_NOUN}$`, 'u'),
  new RegExp(`^(?:${NAME_WORD}\\s+){1,6}${GROUP_NOUN}$`, 'u'),
  // "Co-op Academy Walkden": a sponsor's name, the noun, then the place.
  new RegExp(`^(?:${NAME_WORD}\\s+){1,3}(?:Academy|School|College)(?:\\s+[A-Z][\\p{L}'’-]+){1,3}$`, 'u'),
];

/** A whole line at the top that is a school's name, e.g. "Oakwood Primary School", or its trust's. */
function nameLine(text: string, top: Line[]): { start: number; end: number } | null {
  for (const line of top) {
    const cell = line.cells[0];
    if (!cell || line.cells.length > 1) continue;
    const t = cell.text.replace(/^[#*\s]+|[*\s]+$/g, '');
    if (t.length > 90 || /\bpolicy\b|\bagreement\b|\bpolicies\b|\bguidance\b|\bhandbook\b|\bprocedures?\b|:/i.test(t)) continue;
    if (!NAME_LINES.some((re) => re.test(t))) continue;
    const s = cell.start + cell.text.indexOf(t);
    const tidy = tidyName(text, s, s + t.length);
    if (tidy) return tidy;
  }
  return null;
}

/** "CLC Acceptable Use Policy": a short proper name or acronym owning the policy named in the title. */
function titleOwner(text: string, title: Evidence | null): { start: number; end: number } | null {
  if (!title) return null;
  const m = /^((?:[A-Z][\p{L}'’&-]*\s+){1,4}?)(?:Staff\s+|Pupil\s+|Online\s+|E-?Safety\s+|ICT\s+|Internet\s+)*(?:Acceptable\s+Use|Online\s+Safety|E-?Safety|ICT|Internet|Computing|Social\s+Media)\b/u.exec(
    title.quote,
  );
  if (!m || !m[1]) return null;
  const owner = m[1].trim();
  if (owner.split(/\s+/).every((w) => NOT_A_NAME.has(w.toLowerCase()))) return null;
  // The owner must be a name the document uses again ("the CLC"), not an adjective like "Staff".
  const again = new RegExp(`(?<![\\p{L}])${owner.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'gu');
  if ([...text.matchAll(again)].length < 2) return null;
  return { start: title.start, end: title.start + owner.length };
}

/** "Decoy’s Online Safety Class Charter": a possessive proper name on the policy or one of its parts. */
function possessiveOwner(text: string): { start: number; end: number } | null {
  const re =
    /(?<![\p{L}])((?:[A-Z][\p{L}-]+[ \t]+){0,3}[A-Z][\p{L}-]+)[’']s\s+(?:[A-Z][\p{L}-]*\s+){0,4}(?:Policy|Charter|Agreement|Code\s+of\s+Conduct|Rules)\b/gu;
  for (const m of text.matchAll(re)) {
    const name = m[1]!;
    if (name.split(/\s+/).some((w) => NOT_A_NAME.has(w.toLowerCase()))) continue;
    return { start: m.index, end: m.index + name.length };
  }
  return null;
}

const DOMAIN_WORDS = [
  'academy', 'school', 'primary', 'college', 'nursery', 'infants', 'infant', 'juniors', 'junior', 'high', 'catholic',
  'community', 'federation', 'church', 'saint',
];
/** Prefixes split off only before a long remainder: "west|coventry" but not "north|field" or "south|ampton". */
const DOMAIN_PREFIXES = ['north', 'south', 'east', 'west', 'upper', 'lower', 'great', 'little'];
const SCHOOL_TOKENS = /academy|school|primary|college|nursery|infant|junior|highschool/;
const GENERIC_DOMAINS = /(?:^|\.)(?:gmail|hotmail|outlook|yahoo|swgfl|lgfl|gov|nhs|police|microsoft|google|ceop|thinkuknown|childnet|saferinternet)\./;

/** "westcoventryacademy" → "West Coventry Academy", splitting on school words and common place-name parts. */
function domainToName(label: string): string {
  let rest = label.toLowerCase().replace(/[^a-z]/g, '');
  const words: string[] = [];
  let pending = '';
  while (rest) {
    const nextWord = (from: string) => {
      const at = DOMAIN_WORDS.map((d) => from.indexOf(d)).filter((i) => i >= 0);
      return at.length ? Math.min(...at) : from.length;
    };
    const w =
      DOMAIN_WORDS.find((d) => rest.startsWith(d) && rest.length - d.length !== 1) ??
      (pending === '' ? DOMAIN_PREFIXES.find((d) => rest.startsWith(d) && nextWord(rest.slice(d.length)) >= 7) : undefined);
    if (w) {
      if (pending) words.push(pending);
      pending = '';
      words.push(w);
      rest = rest.slice(w.length);
    } else {
      pending += rest[0];
      rest = rest.slice(1);
    }
  }
  if (pending) words.push(pending);
  return words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join(' ');
}

function fromAddress(text: string): { school: MetaValue<string> } | null {
  const candidates: Array<{ label: string; start: number; end: number; source: 'email-domain' | 'url' }> = [];
  for (const m of text.matchAll(/[\w.+-]+@((?:[a-z0-9-]+\.)+[a-z]{2,})/gi)) {
    candidates.push({ label: m[1]!, start: m.index, end: m.index + m[0].length, source: 'email-domain' });
  }
  for (const m of text.matchAll(/\b(?:https?:\/\/)?(?:www\.)((?:[a-z0-9-]+\.)+[a-z]{2,})/gi)) {
    candidates.push({ label: m[1]!, start: m.index, end: m.index + m[0].length, source: 'url' });
  }
  for (const c of candidates) {
    const host = c.label.toLowerCase();
    if (GENERIC_DOMAINS.test('.' + host)) continue;
    const first = host.split('.')[0]!;
    const isSchoolDomain = SCHOOL_TOKENS.test(first) || /\.sch\.uk$/.test(host);
    if (!isSchoolDomain || first.length < 4) continue;
    return { school: { value: domainToName(first), evidence: evidence(text, c.start, c.end), source: c.source } };
  }
  return null;
}

export function extractSchool(text: string, top: Line[], title: Evidence | null): SchoolResult {
  const warnings: string[] = [];
  const holders: Array<{ start: number; end: number }> = [];
  for (const re of PLACEHOLDERS) for (const m of text.matchAll(re)) holders.push({ start: m.index, end: m.index + m[0].length });
  holders.sort((a, b) => a.start - b.start);
  const topEnd = top[top.length - 1]?.end ?? 0;
  const firstHolder = holders[0];

  const pick = (span: { start: number; end: number }): MetaValue<string> => ({
    value: text.slice(span.start, span.end).replace(/\s+/g, ' '),
    evidence: evidence(text, span.start, span.end),
    source: 'text',
  });

  let found: MetaValue<string> | null = null;
  const line = nameLine(text, top);
  if (line) found = pick(line);
  if (!found) {
    // A name met once, late, with nothing else pointing to it is more likely a reference ("NEN Guidance Note -
    // Protecting School Data") than the school; ask for a second sign.
    const topText = top.map((l) => l.text).join('\n');
    const scored = namedSchools(text).map((n) => {
      const firstWord = n.name.split(' ')[0]!;
      const score =
        n.count +
        (n.start < text.length * 0.3 ? 1 : 0) +
        (new RegExp(`(?<![\\p{L}])${firstWord.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'u').test(topText) ? 1 : 0) +
        (/\b(?:Primary|Secondary|High|Catholic|C of E|CE|Church|Community|Infant|Junior|Grammar)\b/.test(n.name) ? 1 : 0);
      return { ...n, score };
    });
    const named = scored.filter((n) => n.score >= 2).sort((a, b) => b.score - a.score || a.start - b.start)[0];
    if (named) found = pick(named);
  }
  if (!found) {
    const owner = titleOwner(text, title) ?? possessiveOwner(text);
    if (owner) found = pick(owner);
  }

  if (firstHolder && (!found || firstHolder.start < topEnd)) {
    const q = text.slice(firstHolder.start, firstHolder.end);
    warnings.push(`school name is a template placeholder: "${q}"`);
    return { school: { value: q, evidence: evidence(text, firstHolder.start, firstHolder.end), source: 'text' }, placeholder: true, warnings };
  }
  if (firstHolder) warnings.push(`template placeholder left in the text: "${text.slice(firstHolder.start, firstHolder.end)}"`);
  if (found) return { school: found, placeholder: false, warnings };

  const addr = fromAddress(text);
  if (addr) {
    warnings.push(`school name not stated; guessed "${addr.school.value}" from ${addr.school.source === 'url' ? 'a web address' : 'an e-mail address'}`);
    return { school: addr.school, placeholder: false, warnings };
  }
  return { school: null, placeholder: false, warnings };
}
