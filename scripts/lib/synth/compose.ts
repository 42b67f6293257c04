/**
 * Builds one synthetic policy from the real ones: a primary source's sections in order, some dropped, swapped or
 * repeated, a few borrowed from other policies, every clause reworded in the school's voice. Later versions of a
 * school's policy are made from its earlier version, so version history and diffs look like real revisions.
 */
import type { Ymd } from './dates.ts';
import { makeHeader, type HeaderSpec, type HeaderTruth } from './header.ts';
import { makeVoice, perturb, type Voice } from './perturb.ts';
import type { Random } from './prng.ts';
import type { SynthSchool } from './schools.ts';
import type { SourceBlock, SourcePolicy, SourceSection } from './sources.ts';

export type PolicyKind = 'aup' | 'online-safety';

export interface DocStyle {
  /** How section headings are labelled. */
  numbering: 'none' | 'numbered' | 'upper';
  bullet: '-' | '•' | '*' | 'o' | '–';
  /** Title above the school name, or the other way round. */
  schoolFirst: boolean;
  /** Markdown only: YAML front matter with the dates. */
  frontMatter: boolean;
  /** Header at the top (most) or at the very end as a footer block (some). */
  headerAtEnd: boolean;
}

export interface SynthSection {
  heading: string;
  level: number;
  blocks: SourceBlock[];
  source: string;
}

/** A policy as text with placeholders, before the school's names are filled in. */
export interface Draft {
  kind: PolicyKind;
  title: string;
  sections: SynthSection[];
  form: { heading: string; blocks: SourceBlock[] } | null;
  style: DocStyle;
  voice: Voice;
}

/** A policy ready to render: every name filled in, the header built. */
export interface SynthPolicy {
  kind: PolicyKind;
  title: string;
  schoolName: string;
  sections: SynthSection[];
  form: { heading: string; blocks: SourceBlock[] } | null;
  header: HeaderSpec;
  truth: HeaderTruth;
  style: DocStyle;
  date: Ymd;
}

const AUP_TITLES = [
  'Staff Acceptable Use Policy', 'Acceptable Use Policy', 'ICT Acceptable Use Policy (Staff)',
  'Staff ICT and Internet Acceptable Use Policy', 'Acceptable Use of ICT Policy', 'ICT Use Policy',
  'Staff Code of Conduct for ICT', 'Computing Code of Conduct', 'Acceptable Use of Technology Policy',
  'Staff and Volunteer Acceptable Use Policy', 'E-Safety and Acceptable Use Policy',
  'Digital Technology Acceptable Use Policy', 'Acceptable Use of ICT, Mobile Devices and Social Media',
  'Staff, Governor and Visitor Acceptable Use Policy', 'IT Acceptable Use Policy',
];
const OS_TITLES = ['Online Safety Policy', 'E-Safety Policy', 'Online Safety and Social Media Policy', 'E-Safety and Internet Policy', 'Online Safety Policy for Staff'];

const AUP_WEIGHTS: Record<string, number> = {
  'content/policies/hanson-school/acceptable-use-ict-mobile-social-2018.txt': 3,
  'content/policies/oakwood-primary/ict-use-policy-2012.txt': 3,
  'content/policies/our-lady-of-peace/computing-code-of-conduct-2016.txt': 2,
  'content/policies/west-coventry-academy/ict-user-policy-2017.txt': 3,
  'content/policies/westbrook-primary/acceptable-use-policy-2024.txt': 3,
  'test/fixtures/extra/lexden-montessori-staff-internet-access-2010.txt': 0.5,
};
const OS_WEIGHTS: Record<string, number> = {
  'content/policies/our-lady-of-peace/computing-code-of-conduct-2016.txt': 6,
  'content/policies/westbrook-primary/acceptable-use-policy-2024.txt': 1,
  'content/policies/hanson-school/acceptable-use-ict-mobile-social-2018.txt': 1,
};
const ONLINE_SAFETY_TOPIC = /internet|safety|filter|social|image|photo|monitor|technolog|media|publish/i;

const GENERATED_FORMS = [
  (title: string): SourceBlock[] => [
    { kind: 'para', text: `I have read and understood the ${title} and agree to follow it.`, depth: 0 },
    { kind: 'para', text: 'Signed: ____________________', depth: 0 },
    { kind: 'para', text: 'Print name: ____________________', depth: 0 },
    { kind: 'para', text: 'Date: ____________', depth: 0 },
  ],
  (title: string): SourceBlock[] => [
    { kind: 'para', text: `I confirm that I have read the ${title}. I understand that my use of school systems will be monitored and that a breach of the policy may lead to disciplinary action.`, depth: 0 },
    { kind: 'para', text: 'Name:', depth: 0 },
    { kind: 'para', text: 'Role:', depth: 0 },
    { kind: 'para', text: 'Signed:', depth: 0 },
    { kind: 'para', text: 'Date:', depth: 0 },
  ],
];

function weightedSource(rng: Random, sources: readonly SourcePolicy[], weights: Record<string, number>): SourcePolicy {
  const items = sources.map((s) => [s, weights[s.id] ?? 0.25] as const);
  return rng.weighted(items);
}

function cloneSection(s: SourceSection | SynthSection): SynthSection {
  return { heading: s.heading, level: s.level, source: s.source, blocks: s.blocks.map((b) => ({ ...b })) };
}

function borrow(rng: Random, sources: readonly SourcePolicy[], kind: PolicyKind): SynthSection | null {
  for (let attempt = 0; attempt < 8; attempt++) {
    const src = rng.pick(sources);
    // A source's opening section introduces that whole policy; borrowed into another it would read as a second start.
    const candidates = src.sections
      .slice(1)
      .filter((s) => s.blocks.length > 0 && (kind === 'aup' || ONLINE_SAFETY_TOPIC.test(s.heading)));
    if (candidates.length > 0) return cloneSection(rng.pick(candidates));
  }
  return null;
}

function rewordSection(s: SynthSection, voice: Voice, rng: Random): SynthSection {
  return {
    ...s,
    heading: perturb(s.heading, voice, rng),
    blocks: s.blocks.map((b) => ({ ...b, text: perturb(b.text, voice, rng) })),
  };
}

/** The first version of a school's policy of one kind. */
export function draftPolicy(rng: Random, sources: readonly SourcePolicy[], kind: PolicyKind, year: number, academy: boolean): Draft {
  const primary = weightedSource(rng, sources, kind === 'aup' ? AUP_WEIGHTS : OS_WEIGHTS);
  let sections = primary.sections.map(cloneSection);
  // Drop sections (never the opening one), keeping at least three.
  sections = sections.filter((_s, i) => i === 0 || sections.length <= 3 || !rng.chance(0.12));
  for (let i = 1; i + 1 < sections.length; i++) {
    if (rng.chance(0.08)) [sections[i], sections[i + 1]] = [sections[i + 1] as SynthSection, sections[i] as SynthSection];
  }
  if (rng.chance(0.03) && sections.length > 2) {
    const i = rng.int(1, sections.length - 1);
    sections.splice(i, 0, cloneSection(sections[i] as SynthSection)); // a copy-and-paste slip, as in real documents
  }
  const borrowed = rng.int(kind === 'aup' ? 1 : 2, 4);
  for (let k = 0; k < borrowed; k++) {
    const s = borrow(rng, sources, kind);
    if (s) sections.splice(rng.int(1, sections.length), 0, s);
  }
  for (const s of sections) {
    if (s.blocks.length > 2) s.blocks = s.blocks.filter(() => !rng.chance(0.05));
    for (let i = 0; i + 1 < s.blocks.length; i++) {
      if (rng.chance(0.04)) [s.blocks[i], s.blocks[i + 1]] = [s.blocks[i + 1] as SourceBlock, s.blocks[i] as SourceBlock];
    }
  }
  const voice = makeVoice(rng, year, academy);
  sections = sections.map((s) => rewordSection(s, voice, rng));

  const title = kind === 'aup' ? rng.pick(AUP_TITLES) : rng.pick(OS_TITLES);
  let form: Draft['form'] = null;
  if (kind === 'aup' && rng.chance(0.6)) {
    const sourceForms = sources.filter((s) => s.form !== null);
    const blocks = rng.chance(0.5) && sourceForms.length > 0 ? (rng.pick(sourceForms).form ?? []) : rng.pick(GENERATED_FORMS)(title);
    form = {
      heading: rng.pick(['Staff Acceptable Use Agreement', 'Acceptable Use Agreement', 'Declaration', 'Appendix 1: Staff Agreement Form', 'Staff Declaration']),
      blocks: blocks.map((b) => ({ ...b, text: perturb(b.text, voice, rng) })),
    };
  }
  return {
    kind,
    title,
    sections,
    form,
    voice,
    style: {
      numbering: rng.weighted([['none', 55], ['numbered', 35], ['upper', 10]] as const),
      bullet: rng.weighted([['-', 40], ['•', 35], ['*', 10], ['o', 5], ['–', 10]] as const),
      schoolFirst: rng.chance(0.5),
      frontMatter: rng.chance(0.2),
      headerAtEnd: rng.chance(0.08),
    },
  };
}

/** The next version: mostly the same text, a few clauses reworded, a section added or removed. */
export function reviseDraft(rng: Random, prev: Draft, sources: readonly SourcePolicy[], year: number, academy: boolean): Draft {
  const voice = { ...makeVoice(rng, year, academy), ...pickVoice(prev.voice), rate: 0.05, modalRate: 0.02, dpa2018: year >= 2018 };
  let sections = prev.sections.map(cloneSection);
  if (sections.length > 4 && rng.chance(0.3)) sections.splice(rng.int(1, sections.length - 1), 1);
  const added = rng.int(0, 2);
  for (let k = 0; k < added; k++) {
    const s = borrow(rng, sources, prev.kind);
    if (s) sections.splice(rng.int(1, sections.length), 0, rewordSection(s, voice, rng));
  }
  sections = sections.map((s) => ({
    ...s,
    blocks: s.blocks
      .filter(() => !rng.chance(0.03))
      .map((b) => (rng.chance(0.15) ? { ...b, text: perturb(b.text, voice, rng) } : b)),
  }));
  const style = rng.chance(0.2) ? { ...prev.style, numbering: rng.pick(['none', 'numbered', 'upper'] as const) } : prev.style;
  return {
    ...prev,
    title: rng.chance(0.15) ? (prev.kind === 'aup' ? rng.pick(AUP_TITLES) : rng.pick(OS_TITLES)) : prev.title,
    sections,
    style,
    voice: { ...voice, pupils: prev.voice.pupils },
  };
}

/** A school keeps its house words from one version to the next, except the e-safety/online safety shift. */
function pickVoice(v: Voice): Partial<Voice> {
  return { pupils: v.pupils, pupil: v.pupil, head: v.head, ict: v.ict, email: v.email, governingBody: v.governingBody };
}

/** Fills in the school's names and builds the dated header. */
export function finishPolicy(
  rng: Random,
  draft: Draft,
  school: SynthSchool,
  date: Ymd,
  firstDate: Ymd | null,
  cycleMonths: number,
): SynthPolicy {
  const academy = school.trust !== '' || /Academy/.test(school.name);
  const { spec, truth } = makeHeader(rng, { date, firstDate, cycleMonths, academy });
  const fill = (t: string): string =>
    t
      .replace(/\{\{SCHOOL\}\}/g, school.name)
      .replace(/\{\{SHORT\}\}/g, school.short)
      .replace(/\{\{LA\}\}/g, school.localAuthority)
      .replace(/\{\{DOMAIN\}\}/g, school.domain);
  const fillBlocks = (blocks: SourceBlock[]): SourceBlock[] => blocks.map((b) => ({ ...b, text: fill(b.text) }));
  const academicYear = rng.chance(0.05) ? ` ${date.m >= 9 ? date.y : date.y - 1}-${date.m >= 9 ? date.y + 1 : date.y}` : '';
  return {
    kind: draft.kind,
    title: draft.title + academicYear,
    schoolName: school.name,
    sections: draft.sections.map((s) => ({ ...s, heading: fill(s.heading), blocks: fillBlocks(s.blocks) })),
    form: draft.form ? { heading: draft.form.heading, blocks: fillBlocks(draft.form.blocks) } : null,
    header: spec,
    truth,
    style: draft.style,
    date,
  };
}

