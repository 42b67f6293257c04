/**
 * Plans and writes a synthetic corpus: which schools, how many versions of which policy, in which formats, then the
 * files, schools.csv and a truth file. Every random choice is drawn from a stream named after the school and policy,
 * so the output depends only on (seed, n, formats), never on timing or the order the writers finish in.
 */
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { draftPolicy, finishPolicy, reviseDraft, type Draft, type PolicyKind, type SynthPolicy } from './compose.ts';
import { addMonths, compareYmd, isoOf, randomMeetingDate, type Ymd } from './dates.ts';
import type { HeaderTruth } from './header.ts';
import { Random } from './prng.ts';
import { RenderPool } from './render-pool.ts';
import { renderHtml, renderMd, renderTxt } from './render-text.ts';
import { makeSchools, schoolsCsv, slug, type SynthSchool } from './schools.ts';
import type { SourcePolicy } from './sources.ts';

export type SynthFormat = 'txt' | 'md' | 'docx' | 'pdf' | 'html';
export const ALL_FORMATS: readonly SynthFormat[] = ['txt', 'md', 'docx', 'pdf', 'html'];

const FORMAT_WEIGHTS: Record<SynthFormat, number> = { txt: 48, md: 33, docx: 10, pdf: 5, html: 4 };

export interface CorpusOptions {
  n: number;
  seed: number;
  formats: readonly SynthFormat[];
  /** Worker threads for the Word and PDF writers; 0 renders them in this thread. Default: up to 2 (CPU count). */
  binaryWorkers?: number;
}

/** One row of truth.jsonl: what the generator put in the file, for checking the pipeline against. */
export interface PolicyTruth {
  path: string;
  schoolId: string;
  kind: PolicyKind;
  /** 1-based version of this kind of policy at this school, in date order. */
  version: number;
  versions: number;
  format: SynthFormat;
  title: string;
  /** The date this version was approved (the header may show it less precisely, or not at all). */
  date: string;
  header: HeaderTruth;
  /** Source policies the sections came from. */
  sources: string[];
  sections: number;
}

export interface CorpusStats {
  policies: number;
  schools: number;
  byFormat: Record<SynthFormat, number>;
  bytes: number;
}

interface PlannedPolicy {
  school: SynthSchool;
  kind: PolicyKind;
  version: number;
  versions: number;
  date: Ymd;
  firstDate: Ymd;
  cycleMonths: number;
  format: SynthFormat;
}

const LAST_DATE: Ymd = { y: 2025, m: 12, d: 15 };

function datesFor(rng: Random, count: number, cycleMonths: number): Ymd[] {
  const first = randomMeetingDate(rng, rng.weighted([[2009, 1], [2012, 2], [2015, 3], [2018, 4], [2021, 4]] as const), 2024);
  const out = [first];
  for (let i = 1; i < count; i++) {
    const prev = out[i - 1] as Ymd;
    // Reviews happen roughly on cycle, often late, sometimes early.
    const gap = Math.max(6, cycleMonths + rng.pick([-6, 0, 0, 0, 3, 6, 12, 24]));
    const next = addMonths(prev, gap);
    out.push({ ...next, d: rng.int(1, 28) });
  }
  // Shift the whole series back if the last version would be in the future.
  const last = out[out.length - 1] as Ymd;
  if (compareYmd(last, LAST_DATE) > 0) {
    const over = (last.y - LAST_DATE.y) * 12 + (last.m - LAST_DATE.m) + 1;
    return out.map((d) => addMonths(d, -over));
  }
  return out;
}

function pickFormat(rng: Random, formats: readonly SynthFormat[], previous: SynthFormat | null): SynthFormat {
  if (previous && formats.includes(previous) && rng.chance(0.7)) return previous;
  return rng.weighted(formats.map((f) => [f, FORMAT_WEIGHTS[f]] as const));
}

/** Which policies each school has, until there are exactly n. */
export function planCorpus(options: CorpusOptions): PlannedPolicy[] {
  const schools = makeSchools(options.seed, options.n);
  const plan: PlannedPolicy[] = [];
  for (const school of schools) {
    if (plan.length >= options.n) break;
    const rng = Random.derive(options.seed, 'plan', school.id);
    const kinds: Array<[PolicyKind, number]> = [['aup', rng.chance(0.2) ? rng.int(2, 3) : 1]];
    if (rng.chance(0.12)) kinds.push(['online-safety', rng.chance(0.8) ? 1 : 2]);
    let previousFormat: SynthFormat | null = null;
    for (const [kind, versions] of kinds) {
      const cycleMonths = rng.weighted([[12, 45], [24, 30], [36, 25]] as const);
      const dates = datesFor(rng, versions, cycleMonths);
      for (let v = 0; v < versions && plan.length < options.n; v++) {
        const format = pickFormat(rng, options.formats, previousFormat);
        previousFormat = format;
        plan.push({ school, kind, version: v + 1, versions, date: dates[v] as Ymd, firstDate: dates[0] as Ymd, cycleMonths, format });
      }
    }
  }
  return plan;
}

/** Builds every policy of one school in version order (later versions revise earlier ones). */
function buildSchool(seed: number, sources: readonly SourcePolicy[], planned: readonly PlannedPolicy[]): SynthPolicy[] {
  const out: SynthPolicy[] = [];
  const drafts = new Map<PolicyKind, Draft>();
  for (const p of planned) {
    const rng = Random.derive(seed, 'policy', p.school.id, p.kind, p.version);
    const academy = p.school.trust !== '' || /Academy/.test(p.school.name);
    const prev = drafts.get(p.kind);
    const draft = prev ? reviseDraft(rng, prev, sources, p.date.y, academy) : draftPolicy(rng, sources, p.kind, p.date.y, academy);
    drafts.set(p.kind, draft);
    out.push(finishPolicy(rng, draft, p.school, p.date, p.version > 1 ? p.firstDate : null, p.cycleMonths));
  }
  return out;
}

function fileNameFor(policy: SynthPolicy, format: SynthFormat, taken: Set<string>): string {
  const base = slug(policy.title.replace(/\s\d{4}-\d{4}$/, '')).slice(0, 60);
  let name = `${base}-${policy.date.y}.${format}`;
  if (taken.has(name)) name = `${base}-${isoOf(policy.date).slice(0, 7)}.${format}`;
  for (let k = 2; taken.has(name); k++) name = `${base}-${policy.date.y}-${k}.${format}`;
  taken.add(name);
  return name;
}

function renderText(policy: SynthPolicy, format: 'txt' | 'md' | 'html'): string {
  return format === 'txt' ? renderTxt(policy) : format === 'md' ? renderMd(policy) : renderHtml(policy);
}

function truthOf(path: string, p: PlannedPolicy, policy: SynthPolicy): PolicyTruth {
  return {
    path,
    schoolId: p.school.id,
    kind: p.kind,
    version: p.version,
    versions: p.versions,
    format: p.format,
    title: policy.title,
    date: isoOf(p.date),
    header: policy.truth,
    sources: [...new Set(policy.sections.map((s) => s.source))].sort(),
    sections: policy.sections.length,
  };
}

/** Writes OUT/policies/<school>/<file>, OUT/schools.csv and OUT/truth.jsonl; replaces OUT/policies if present. */
export async function writeCorpus(out: string, sources: readonly SourcePolicy[], options: CorpusOptions): Promise<CorpusStats> {
  const plan = planCorpus(options);
  const bySchool = new Map<string, PlannedPolicy[]>();
  for (const p of plan) {
    const list = bySchool.get(p.school.id) ?? [];
    list.push(p);
    bySchool.set(p.school.id, list);
  }
  const schoolIds = [...bySchool.keys()].sort();
  // Only a folder this generator wrote (it has truth.jsonl) is replaced: `--out content` must never wipe real policies.
  if (existsSync(join(out, 'policies')) && !existsSync(join(out, 'truth.jsonl'))) {
    throw new Error(`refusing to replace ${join(out, 'policies')}: it was not written by make-corpus (no truth.jsonl beside it)`);
  }
  await rm(join(out, 'policies'), { recursive: true, force: true });
  await mkdir(join(out, 'policies'), { recursive: true });

  const truths: PolicyTruth[] = [];
  const byFormat: Record<SynthFormat, number> = { txt: 0, md: 0, docx: 0, pdf: 0, html: 0 };
  let bytes = 0;
  const workers = options.binaryWorkers ?? Math.min(2, availableParallelism());
  const renderPool = new RenderPool(plan.some((p) => p.format === 'docx' || p.format === 'pdf') ? workers : 0);
  // Word and PDF files render in the workers while this thread goes on with the text formats.
  const binaryWrites: Array<Promise<void>> = [];
  try {
    for (const id of schoolIds) {
      const planned = bySchool.get(id) ?? [];
      const policies = buildSchool(options.seed, sources, planned);
      await mkdir(join(out, 'policies', id), { recursive: true });
      const taken = new Set<string>();
      const writes: Array<Promise<void>> = [];
      planned.forEach((p, i) => {
        const policy = policies[i] as SynthPolicy;
        const rel = `policies/${id}/${fileNameFor(policy, p.format, taken)}`;
        byFormat[p.format]++;
        truths.push(truthOf(rel, p, policy));
        if (p.format === 'docx' || p.format === 'pdf') {
          binaryWrites.push(
            renderPool.render(policy, p.format).then(async (data) => {
              bytes += data.byteLength;
              await writeFile(join(out, rel), data);
            }),
          );
        } else {
          const data = renderText(policy, p.format);
          bytes += Buffer.byteLength(data);
          writes.push(writeFile(join(out, rel), data));
        }
      });
      await Promise.all(writes);
    }
    await Promise.all(binaryWrites);
  } finally {
    await renderPool.close();
  }
  const schools = schoolIds.map((id) => bySchool.get(id)?.[0]?.school).filter((s): s is SynthSchool => s !== undefined);
  await writeFile(join(out, 'schools.csv'), schoolsCsv(schools));
  truths.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  await writeFile(join(out, 'truth.jsonl'), truths.map((t) => JSON.stringify(t)).join('\n') + '\n');
  return { policies: plan.length, schools: schools.length, byFormat, bytes };
}
