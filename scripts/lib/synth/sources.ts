/**
 * Reads the real policies the synthetic corpus is made from and cuts each into sections (a heading and the clauses
 * under it). The generator recombines whole sections, so every synthetic policy keeps the shape real ones have.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface SourceBlock {
  kind: 'para' | 'bullet';
  text: string;
  /** Bullet nesting, 0 for top level. */
  depth: number;
}

export interface SourceSection {
  /** Heading text without its number or markup. */
  heading: string;
  /** 1 for a chapter or a section that stands alone, 2 for a sub-section. */
  level: number;
  blocks: SourceBlock[];
  /** Which source policy it came from, for the truth file. */
  source: string;
}

export interface SourcePolicy {
  id: string;
  sections: SourceSection[];
  /** A staff agreement / signature form found in the source, kept apart so a policy gets at most one. */
  form: SourceBlock[] | null;
}

/**
 * Names of the source schools, replaced by placeholders so a recombined policy names only its own school. `{{SCHOOL}}`
 * is the full name, `{{SHORT}}` a short form, `{{LA}}` the local authority, `{{DOMAIN}}` the school's web domain.
 */
const NAME_RULES: ReadonlyArray<readonly [RegExp, string]> = [
  [/Our Lady of Peace Catholic Primary and Nursery School/g, '{{SCHOOL}}'],
  [/Minuteman Regional Vocational Technical School District/g, '{{SCHOOL}}'],
  [/Minuteman Vocational Technical School District/g, '{{SCHOOL}}'],
  [/Oakwood Primary School/g, '{{SCHOOL}}'],
  [/Westbrook Primary School/g, '{{SCHOOL}}'],
  [/West Coventry Academy/g, '{{SCHOOL}}'],
  [/Hanson School/g, '{{SCHOOL}}'],
  [/\b(?:Oakwood Primary|Oakwood|Westbrook|Hanson|Minuteman)(?![a-z])/g, '{{SHORT}}'],
  [/\bthe CLC\b/g, 'the school'],
  [/\bCLC\b/g, 'school'],
  [/\b(?:Slough Borough|Southampton City|Bradford|Coventry City) Council\b/g, '{{LA}} Council'],
  [/\b(?:Slough|Southampton|Bradford|Coventry)\b/g, '{{LA}}'],
  [/\bwestcoventryacademy\.org\b/g, '{{DOMAIN}}'],
  [/\bwww\.securesouthampton\.co\.uk\b/g, 'www.{{DOMAIN}}'],
];

export function anonymise(text: string): string {
  let out = text;
  for (const [re, to] of NAME_RULES) out = out.replace(re, to);
  return out;
}

const NUMBER_LABEL = /^(?:\d+(?:\.\d+)*\.?|[A-Z]\.|[IVX]+\.)\s+/;
const METADATA_LINE =
  /^(?:approved|ratified|adopted|created|updated|issued|reviewed|review date|to be reviewed|next review|last reviewed|date\b|signed on behalf|e safety officer|by order of|this policy was implemented|version\b|:date:|:version:)/i;
const REVIEW_SENTENCE = /\breview(?:ed)?\b[^.]*\b(?:annually|every (?:two|three|four|\d) years?|each year|yearly)\b/i;
const FORM_LINE = /^(?:signed\b|name:|print name|date\s*_{2,}|date:?$|accepted for school|\(member of staff\))/i;

/** A line that could be a heading: short, not a sentence, not a bullet. */
function headingLike(line: string): boolean {
  const text = stripMarkup(line.replace(NUMBER_LABEL, ''));
  if (text.length === 0 || text.length > 90) return false;
  if (/^[-•*o]\s/.test(line)) return false;
  if (/[.;,:]$/.test(text)) return false;
  if (!/^[A-Z0-9'‘“"(]/.test(text)) return false;
  const words = text.split(/\s+/).length;
  return words <= 12;
}

function stripMarkup(s: string): string {
  return s.replace(/\*\*([^*]+)\*\*/g, '$1').trim();
}

function isListLine(line: string): boolean {
  return /^\s*[-•*]\s/.test(line) || /^\d+\.\s/.test(line);
}

/** Source-format clutter that is not policy text: reStructuredText markup, contents tables, the title block. */
function cleanLines(raw: string): string[] {
  let text = raw.replace(/\r\n?/g, '\n').replace(/\f/g, '\n');
  text = text.replace(/^---\n[\s\S]*?\n---\n/, ''); // YAML front matter
  const rawLines = text.split('\n');
  const out: string[] = [];
  let inContents = false;
  for (const rawLine of rawLines) {
    const line = rawLine.replace(/\s+$/, '');
    const trimmed = line.trim();
    if (/^[=\-~^]{3,}$/.test(trimmed)) continue; // RST underline / overline
    if (/^\.\.\s/.test(trimmed)) continue; // RST directive
    if (/^\*{3}\(.*\)\*{3}$/.test(trimmed)) continue;
    if (/^contents$/i.test(trimmed)) {
      inContents = true;
      continue;
    }
    if (inContents) {
      // Contents rows carry a tab before the page number (sometimes an empty one, hence rawLine).
      if (trimmed === '' || rawLine.includes('\t') || /^page number$/i.test(trimmed)) continue;
      inContents = false;
    }
    out.push(line);
  }
  return out;
}

/** Cuts one source text into sections. Exported for tests and for inspecting what the generator draws from. */
export function parseSource(id: string, raw: string): SourcePolicy {
  const lines = cleanLines(raw);
  const nonBlank = lines.map((l, i) => ({ l, i })).filter(({ l }) => l.trim() !== '');
  const sections: SourceSection[] = [];
  let current: SourceSection | null = null;
  let form: SourceBlock[] | null = null;
  let inForm = false;
  let seenBody = false;

  for (let k = 0; k < nonBlank.length; k++) {
    const line = nonBlank[k]?.l ?? '';
    const next = nonBlank[k + 1]?.l ?? '';
    const trimmed = line.trim();
    if (METADATA_LINE.test(stripMarkup(trimmed)) && trimmed.length < 120) continue;
    if (/^I (?:have read|hereby confirm)|^As a school user .* I hereby confirm|^ACCEPTABLE USE AGREEMENT$/i.test(trimmed)) {
      inForm = true;
    }
    if (inForm) {
      form ??= [];
      form.push(toBlock(line));
      continue;
    }
    if (FORM_LINE.test(trimmed)) continue;
    // Review-cycle sentences are dropped: the generator writes its own, consistent with the header it invents.
    if (REVIEW_SENTENCE.test(trimmed)) continue;
    // A numbered line followed by another numbered line is a list, not a heading ("7. Pornographic", "8. Obscene").
    const num = /^(\d+)\.\s/.exec(trimmed)?.[1];
    const prevNum = /^(\d+)\.\s/.exec((nonBlank[k - 1]?.l ?? '').trim())?.[1];
    const listRun =
      num !== undefined &&
      ((/^\d+\.\s/.test(next.trim()) && !/^\d+\.\d/.test(next.trim())) || Number(prevNum) === Number(num) - 1);
    const colonHeading = /:$/.test(trimmed) && !isListLine(next) && trimmed.split(/\s+/).length <= 4;
    const candidate = !listRun && (headingLike(trimmed) || colonHeading) && !/^\s/.test(line);
    const nextIsBody = next.trim() !== '' && !headingLike(next.trim());
    if (candidate && (nextIsBody || headingLike(next.trim()))) {
      const labelMatch = NUMBER_LABEL.exec(trimmed);
      const label = labelMatch?.[0].trim() ?? '';
      const heading = stripMarkup(trimmed.replace(NUMBER_LABEL, '')).replace(/:$/, '');
      const level = /\d+\.\d/.test(label) ? 2 : label !== '' || !nextIsBody ? 1 : 2;
      current = { heading: anonymise(heading), level, blocks: [], source: id };
      sections.push(current);
      continue;
    }
    if (!current) {
      // Running text before the first heading: an untitled introduction. Short title-block lines are dropped.
      if (trimmed.length < 80 && !seenBody) continue;
      current = { heading: 'Introduction', level: 1, blocks: [], source: id };
      sections.push(current);
    }
    seenBody = true;
    current.blocks.push(toBlock(line));
  }
  return { id, sections: tidy(sections), form };
}

/**
 * The title block ("ICT Use Policy", the school name, a motto) shows up as empty or one-line sections before the
 * body; a review section would contradict the invented header; a group heading with nothing under it is dropped.
 */
function tidy(sections: SourceSection[]): SourceSection[] {
  let out = sections.filter((s) => !/\{\{(?:SCHOOL|SHORT)\}\}/.test(s.heading) && !/^review\b/i.test(s.heading));
  const firstBody = out.findIndex((s) => s.blocks.length > 0);
  out = out.slice(Math.max(0, firstBody));
  const first = out[0];
  if (first && /polic|code of conduct|agreement/i.test(first.heading)) out[0] = { ...first, heading: 'Introduction' };
  return out.filter((s, i) => s.blocks.length > 0 || (out[i + 1]?.level ?? 1) === 2);
}

function toBlock(line: string): SourceBlock {
  const m = /^(\s*)[-•*]\s+(.*)$/.exec(line);
  if (m) return { kind: 'bullet', text: anonymise(m[2] ?? ''), depth: (m[1] ?? '').length > 0 ? 1 : 0 };
  return { kind: 'para', text: anonymise(line.trim()), depth: 0 };
}

/** The real policies in the repository, in a fixed order. */
export async function loadSources(repoRoot: string): Promise<SourcePolicy[]> {
  const files: string[] = [];
  const policiesDir = join(repoRoot, 'content/policies');
  for (const school of (await readdir(policiesDir)).sort()) {
    const dir = join(policiesDir, school);
    let names: string[];
    try {
      names = await readdir(dir);
    } catch {
      continue;
    }
    for (const f of names.sort()) if (f.endsWith('.txt')) files.push(join(dir, f));
  }
  const extraDir = join(repoRoot, 'test/fixtures/extra');
  for (const f of (await readdir(extraDir)).sort()) if (/\.(?:txt|md)$/.test(f)) files.push(join(extraDir, f));
  const out: SourcePolicy[] = [];
  for (const file of files) {
    const id = file.slice(repoRoot.length + 1);
    const parsed = parseSource(id, await readFile(file, 'utf8'));
    if (parsed.sections.length > 0) out.push(parsed);
  }
  return out;
}
