/**
 * Residue of another organisation left in a policy adopted from a template: unfilled placeholders, another
 * organisation's systems ("your SCC desktop"), text that speaks for a council ("could damage the Council"),
 * named people in return/contact instructions ("return to Ian"), and names of other schools or councils.
 * Every finding carries the exact span so a reader can jump to it.
 */
import type { Evidence } from '../../types.ts';
import { collapseWhitespace, schoolNameVariants } from '../diff/normalise.ts';
import { dualRegExp, fastSafe, type DualRegExp } from '../../structure/fast-regex.ts';

export type ResidueKind =
  | 'placeholder'
  | 'organisation-system'
  | 'council-voice'
  | 'personal-name'
  | 'other-school'
  | 'other-council'
  | 'known-organisation';

export interface ResidueFinding {
  kind: ResidueKind;
  severity: 'high' | 'medium' | 'low';
  evidence: Evidence;
  /** The residue itself (the acronym, name or placeholder), for grouping and display. */
  token: string;
  /** Plain-English reason for a reader. */
  message: string;
}

export interface ResidueOptions {
  /** Names of other organisations (schools, councils, trusts in the corpus); any found in the text is flagged. */
  knownOrganisations?: readonly string[];
  /** The school's own local authority; a council with another name is flagged. */
  localAuthority?: string | null;
  /** The school's own trust, which is never residue. */
  trust?: string | null;
}

/** Acronyms that name technology or public bodies in general, not one organisation's own systems. */
const GENERIC_ACRONYMS = new Set([
  'ICT', 'IT', 'PC', 'PCS', 'USB', 'MIS', 'VPN', 'LAN', 'WAN', 'CCTV', 'SIMS', 'MS', 'IOS', 'OS', 'HR', 'LA', 'DFE',
  'DFES', 'PDF', 'SEN', 'SEND', 'DSL', 'DPO', 'SLT', 'AUP', 'GDPR', 'NHS', 'CPOMS', 'WIFI', 'MFA', 'SSO', 'SMS',
  'URL', 'IP', 'ISP', 'CD', 'DVD', 'TV', 'AI', 'VLE', 'LMS', 'UK', 'EU', 'GB', 'KS', 'EYFS', 'PTA', 'CEOP', 'MAT',
  'ID', 'PIN', 'CPD', 'ICO', 'HMRC', 'BYOD', 'HDMI', 'SD', 'SIM', 'IPAD', 'OK', 'NB', 'AV', 'IWB',
]);

const SYSTEM_NOUNS =
  'desktop|laptop|computer|pc|network|intranet|e-?mail|account|login|log-in|logon|device|drive|portal|systems?|equipment|help\\s?desk|service\\s?desk|mailbox|address|badge|id card|phone|website|servers?';

/** Capitalised words that are roles, groups, places in a school or common bodies: never a person's name. */
const NOT_A_NAME = new Set(
  (
    'a an the your our their his her him them this that these those it me us you i we they one copy form ' +
    'headteacher head teacher teachers principal school schools office reception admin administrator administration ' +
    'manager managers bursar business governors governor governing body chair clerk network technician technicians ' +
    'team line senior leadership leader leaders designated safeguarding lead officer coordinator co-ordinator ' +
    'department human resources local authority council police parents parent carers staff pupils pupil students ' +
    'student children child everyone anyone someone member members colleague colleagues ict it services support ' +
    'helpdesk deputy assistant executive ceo trust academy trustees director directors committee board hr payroll ' +
    'finance data protection dpo dsl senco slt ofsted childline ceop nspcc google microsoft apple facebook twitter ' +
    'instagram tiktok youtube whatsapp snapchat monday tuesday wednesday thursday friday saturday sunday january ' +
    'february march april may june july august september october november december sir madam all any each every ' +
    'appendix section page part annex internet email e-mail web website'
  ).split(/\s+/),
);

/** Words before "School"/"Academy"/"College" that describe a kind of school, not name one. */
const GENERIC_SCHOOL_WORDS = new Set(
  (
    'the this our a an your their my each every any all whole community voluntary aided controlled maintained ' +
    'local foundation free special primary secondary infant infants junior juniors nursery high grammar middle ' +
    'upper lower first catholic church faith independent state boarding summer sunday forest virtual prep ' +
    'preparatory sixth form further education training teacher other another same new previous current partner ' +
    'receiving sending host feeder home main va vc ce rc c e of and & england policy policies staff to for in at ' +
    'by with from on or as is be cluster federated federation multi academy academies trust mainstream'
  ).split(/\s+/),
);

const NOT_COUNCILS = /^(?:School|Schools|Student|Students|Pupil|Pupils|Eco|Youth|Class|Parish|Town|Sports|Arts|Research|Student's|Pupils')$/;

function initialsOf(name: string): Set<string> {
  const words = collapseWhitespace(name).split(' ').filter((w) => /^[A-Za-z]/.test(w));
  const all = words.map((w) => w[0]?.toUpperCase() ?? '').join('');
  const capital = words.filter((w) => /^[A-Z]/.test(w)).map((w) => w[0] ?? '').join('');
  return new Set([all, capital].filter((s) => s.length >= 2));
}

function evidence(text: string, start: number, end: number): Evidence {
  return { start, end, quote: text.slice(start, end) };
}

/** Distinctive (non-generic) lower-case words of a name. */
function distinctiveWords(name: string): string[] {
  return (name.toLowerCase().match(/[\p{L}\p{N}'’]+/gu) ?? [])
    .map((w) => w.replace(/['’]s$/, ''))
    .filter((w) => !GENERIC_SCHOOL_WORDS.has(w) && w !== 'st' && w !== 'saint');
}

function isOwnName(candidate: string, ownNames: readonly string[]): boolean {
  const words = distinctiveWords(candidate);
  if (words.length === 0) return true;
  return ownNames.some((own) => {
    const ownWords = new Set(distinctiveWords(own));
    return ownWords.size > 0 && words.every((w) => ownWords.has(w));
  });
}

function findPlaceholders(text: string, out: ResidueFinding[]): void {
  const bracket = /\[([^\]\n]{1,80})\](?!\()/g;
  const cue = /\b(?:school|name|insert|enter|add|academy|trust|council|local authority|la|date|head\s?teacher|dsl|contact|organi[sz]ation|setting|details|number|e-?mail|address|tbc|tba|x{2,})\b/i;
  for (const m of text.matchAll(bracket)) {
    const inner = m[1] ?? '';
    if (!cue.test(inner)) continue;
    out.push({
      kind: 'placeholder',
      severity: 'high',
      evidence: evidence(text, m.index, m.index + m[0].length),
      token: m[0],
      message: `template placeholder "${m[0]}" was never filled in`,
    });
  }
  const other = /<<[^<>\n]{1,60}>>|\{\{[^{}\n]{1,60}\}\}|«[^«»\n]{1,60}»|\((?:insert|enter|add)\b[^()\n]{1,60}\)|\b(?:insert|enter)\s+(?:the\s+|your\s+)?(?:school|academy|setting|organi[sz]ation)(?:'s)?\s+name(?:\s+here)?\b|\bX{3,}\b|\bx{4,}\b/g;
  for (const m of text.matchAll(other)) {
    const start = m.index;
    if (out.some((f) => f.kind === 'placeholder' && f.evidence.start <= start && f.evidence.end >= start + m[0].length)) continue;
    out.push({
      kind: 'placeholder',
      severity: 'high',
      evidence: evidence(text, start, start + m[0].length),
      token: m[0],
      message: `template placeholder "${m[0]}" was never filled in`,
    });
  }
}

function findOrganisationSystems(text: string, ownInitials: ReadonlySet<string>, out: ResidueFinding[]): void {
  const re = new RegExp(`\\b(?:your|the|our|an?|my|their)\\s+([A-Z][A-Z&]{1,5})(?:'s)?\\s+(?:${SYSTEM_NOUNS})\\b`, 'g');
  for (const m of text.matchAll(re)) {
    const acronym = m[1] ?? '';
    if (GENERIC_ACRONYMS.has(acronym.toUpperCase()) || ownInitials.has(acronym)) continue;
    out.push({
      kind: 'organisation-system',
      severity: 'medium',
      evidence: evidence(text, m.index, m.index + m[0].length),
      token: acronym,
      message: `"${m[0]}" names another organisation's own system (${acronym}); the text was written for that organisation's staff`,
    });
  }
}

function wordsBefore(text: string, index: number, max: number): { word: string; start: number }[] {
  const lineStart = text.lastIndexOf('\n', index - 1) + 1;
  const words: { word: string; start: number }[] = [];
  let cursor = index;
  while (words.length < max) {
    const m = /(\S+)[ \t]+$/.exec(text.slice(Math.max(lineStart, cursor - 60), cursor));
    if (!m) break;
    const start = Math.max(lineStart, cursor - 60) + m.index;
    words.push({ word: m[1] ?? '', start });
    cursor = start;
  }
  return words;
}

const COUNCIL_KIND = /^(?:City|County|Borough|District|Metropolitan|Town)$/;
const FUNCTION_WORD = /^(?:and|or|of|for|to|by|with|from|on|in|at|if|when|where|whether|as|the|a|an)$/i;

function findCouncils(text: string, localAuthority: string | null, out: ResidueFinding[]): void {
  const ownLa = localAuthority ? distinctiveWords(localAuthority) : [];
  for (const m of text.matchAll(/\bCouncil\b/g)) {
    const end = m.index + m[0].length;
    const before = wordsBefore(text, m.index, 6);
    let i = 0;
    while (i < before.length && COUNCIL_KIND.test(before[i]?.word ?? '')) i++;
    if (i === 0 && NOT_COUNCILS.test(before[0]?.word ?? '')) continue;
    let p = i;
    while (p < before.length) {
      const w = before[p]?.word ?? '';
      if (!/^[A-Z][\p{L}'’-]*$/u.test(w) || NOT_A_NAME.has(w.toLowerCase()) || FUNCTION_WORD.test(w)) break;
      p++;
    }
    if (p === i) {
      // "the Council", "City Council": the policy speaks as, or for, a council.
      let start = i > 0 ? (before[i - 1]?.start ?? m.index) : m.index;
      if (/^the$/i.test(before[i]?.word ?? '')) start = before[i]?.start ?? start;
      const quote = text.slice(start, end);
      out.push({
        kind: 'council-voice',
        severity: 'low',
        evidence: evidence(text, start, end),
        token: quote,
        message: `"${quote}" refers to a council as the organisation itself: wording from a council's own policy; check it applies to the school`,
      });
      continue;
    }
    const start = before[p - 1]?.start ?? m.index;
    const placeWords = distinctiveWords(before.slice(i, p).map((w) => w.word).join(' '));
    if (!localAuthority || (ownLa.length > 0 && placeWords.some((w) => ownLa.includes(w)))) continue;
    const name = text.slice(start, end);
    out.push({
      kind: 'other-council',
      severity: 'medium',
      evidence: evidence(text, start, end),
      token: name,
      message: `names ${name}, not the school's own local authority (${localAuthority})`,
    });
  }
}

function findPersonalNames(text: string, out: ResidueFinding[]): void {
  const nameWord = "[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?";
  const name = `((?:(?:Mr|Mrs|Ms|Miss|Dr)\\.?\\s+)?${nameWord}(?:\\s+${nameWord})?)`;
  const re = new RegExp(
    `\\b(?:(?:return|send|give|hand|pass|forward|submit|e-?mail|speak|talk|report|sent|returned|given|handed)\\b[^.\\n]{0,60}?\\bto|contact|ask|see|phone|ring|call)\\s+${name}(?=\\s*(?:[.,;:!?)]|$|\\n|\\s(?:in|at|on|by|or|and|via|who|before|within|if|when)\\b))`,
    'g',
  );
  for (const m of text.matchAll(re)) {
    const person = m[1] ?? '';
    const titled = /^(?:Mr|Mrs|Ms|Miss|Dr)\b/.test(person);
    const words = person.replace(/^(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+/, '').split(/\s+/);
    if (words.some((w) => NOT_A_NAME.has(w.toLowerCase()))) continue;
    const start = m.index;
    const end = start + m[0].length;
    const bare = !titled && words.length === 1;
    out.push({
      kind: 'personal-name',
      severity: bare ? 'medium' : 'low',
      evidence: evidence(text, start, end),
      token: person,
      message: bare
        ? `"${m[0]}" sends readers to a person by first name only: probably the template author's contact, not this school's`
        : `"${m[0]}" names a person: check they work at this school and still hold the role`,
    });
  }
}

/**
 * Whether the position sits in an entry of a reading list: a line that cites a publisher's document
 * ("NEN - Guidance Note - Protecting School Data", "DfE: Keeping Children Safe in Education") or gives a web
 * address. Titles of guidance there are not names left from another school's policy.
 */
function inReadingList(text: string, index: number): boolean {
  const start = text.lastIndexOf('\n', index - 1) + 1;
  const endAt = text.indexOf('\n', index);
  const line = text.slice(start, endAt === -1 ? text.length : endAt);
  if (/^\s*(?:[•*\u2022-]\s*)?[A-Z][A-Za-z&]{1,12}(?:\s+[A-Z][A-Za-z&]{1,12})?\s+[-–—:]\s+\S/.test(line)) return true;
  if (/\bhttps?:\/\/|\bwww\./i.test(line)) return true;
  return /\b(?:Guidance(?:\s+Note)?|Guide|Toolkit|Checklist|Check\s+List|Handbook|Framework|Template|Flowchart)\b/.test(line) && !/[.;]\s*$/.test(line.trim());
}

function findOtherSchools(text: string, ownNames: readonly string[], out: ResidueFinding[]): void {
  // Names sit on one line: spaces only, so a list of title-case headings is not read as one long name.
  const re = /\b((?:(?:St\.?|Saint)[ \t]+)?[A-Z][\p{L}'’.-]*(?:[ \t]+(?:of|and|the|de|&|[A-Z][\p{L}'’.-]*)){0,5})[ \t]+(School|Academy|College)\b/gu;
  for (const m of text.matchAll(re)) {
    const lead = m[1] ?? '';
    const words = lead.split(/\s+/);
    const lastWord = (words[words.length - 1] ?? '').toLowerCase();
    if (GENERIC_SCHOOL_WORDS.has(lastWord) && !/^(?:primary|infant|junior|nursery|high|grammar)$/.test(lastWord)) continue;
    // Keep only the trailing run of words that can belong to a name ("Staff at Westbrook Primary" → "Westbrook Primary").
    let k = words.length;
    while (k > 0) {
      const w = words[k - 1] ?? '';
      if (/^(?:of|and|the|de|&)$/.test(w) || /^[A-Z]/.test(w)) {
        if (NOT_A_NAME.has(w.toLowerCase()) && !/^(?:of|and|the|de|&)$/.test(w)) break;
        k--;
      } else break;
    }
    while (k < words.length && /^(?:of|and|the|de|&|The)$/.test(words[k] ?? '')) k++;
    const nameWords = words.slice(k);
    const candidate = `${nameWords.join(' ')} ${m[2] ?? ''}`.trim();
    // The noun itself ("School") is not what names one school.
    const distinct = distinctiveWords(candidate).filter((w) => !/^(?:school|academy|college)$/.test(w));
    if (distinct.length === 0 || isOwnName(candidate, ownNames)) continue;
    // A lone verb form before "School" is a title-case phrase ("Protecting School Data"), not a name.
    if (distinct.length === 1 && /(?:ing|ed)$/.test(distinct[0] ?? '')) continue;
    if (inReadingList(text, m.index)) continue;
    const start = m.index + lead.length - nameWords.join(' ').length;
    const end = m.index + m[0].length;
    const quote = text.slice(start, end);
    if (collapseWhitespace(quote) !== collapseWhitespace(candidate)) continue;
    out.push({
      kind: 'other-school',
      severity: 'medium',
      evidence: evidence(text, start, end),
      token: collapseWhitespace(candidate),
      message: `names "${collapseWhitespace(candidate)}", which is not this school: left from another school's policy?`,
    });
  }
}

/**
 * Each organisation's full-name pattern, compiled once: the same neighbours' names are checked in every policy of
 * a local authority or trust. Bounded, because a national corpus has tens of thousands of names.
 */
const namePatterns = new Map<string, DualRegExp | null>();
const MAX_NAME_PATTERNS = 50_000;

function fullNamePattern(org: string): DualRegExp | null {
  let pattern = namePatterns.get(org);
  if (pattern !== undefined) return pattern;
  // The short form of a name ("Westbrook") is too ambiguous on its own; only the full name counts here.
  const full = schoolNameVariants(org)[0];
  pattern = full ? dualRegExp(`\\b${full}\\b`, 'giu') : null;
  if (namePatterns.size >= MAX_NAME_PATTERNS) namePatterns.clear();
  namePatterns.set(org, pattern);
  return pattern;
}

function findKnownOrganisations(
  text: string,
  known: readonly string[],
  ownNames: readonly string[],
  out: ResidueFinding[],
): void {
  const fast = fastSafe(text);
  for (const org of known) {
    if (!org.trim() || isOwnName(org, ownNames)) continue;
    const pattern = fullNamePattern(org);
    if (!pattern) continue;
    for (const m of text.matchAll(fast ? pattern.fast : pattern.full)) {
      out.push({
        kind: 'known-organisation',
        severity: 'medium',
        evidence: evidence(text, m.index, m.index + m[0].length),
        token: collapseWhitespace(org),
        message: `names ${collapseWhitespace(org)}, another organisation in the corpus`,
      });
    }
  }
}

/** Overlapping findings keep the most specific kind (a known organisation beats a pattern guess). */
const KIND_RANK: Record<ResidueKind, number> = {
  placeholder: 0,
  'known-organisation': 1,
  'organisation-system': 2,
  'other-council': 3,
  'other-school': 4,
  'personal-name': 5,
  'council-voice': 6,
};

export function templateResidue(text: string, ownSchoolName: string | null, options: ResidueOptions = {}): ResidueFinding[] {
  const ownNames = [ownSchoolName, options.trust].filter((n): n is string => !!n && n.trim().length > 0);
  const ownInitials = new Set<string>();
  for (const n of ownNames) for (const i of initialsOf(n)) ownInitials.add(i);
  const found: ResidueFinding[] = [];
  findPlaceholders(text, found);
  findOrganisationSystems(text, ownInitials, found);
  findCouncils(text, options.localAuthority ?? null, found);
  findPersonalNames(text, found);
  findOtherSchools(text, ownNames, found);
  findKnownOrganisations(text, options.knownOrganisations ?? [], [...ownNames, ...(options.localAuthority ? [options.localAuthority] : [])], found);

  found.sort((x, y) => KIND_RANK[x.kind] - KIND_RANK[y.kind] || x.evidence.start - y.evidence.start);
  const kept: ResidueFinding[] = [];
  for (const f of found) {
    const overlaps = kept.some((k) => k.evidence.start < f.evidence.end && f.evidence.start < k.evidence.end && k.kind !== f.kind);
    const duplicate = kept.some((k) => k.kind === f.kind && k.evidence.start === f.evidence.start);
    if (!overlaps && !duplicate) kept.push(f);
  }
  return kept.sort((x, y) => x.evidence.start - y.evidence.start || KIND_RANK[x.kind] - KIND_RANK[y.kind]);
}
