/**
 * The five seed policies analysed by the real pipeline (the same code `npm run analyse` runs), filed under the
 * demo schools in content/schools.csv, once per test process. `withTrust` adds a sixth school, Elmfield, whose
 * policy is Oakwood's reissued under its own name in 2021 (how trust members' policies usually relate), and puts
 * both in one trust.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadContent } from '../../../scripts/lib/content.ts';
import { analyseCorpus, type CorpusResult, type SourceDocument } from '../../../src/pipeline/run/corpus.ts';
import type { PolicyDetail } from '../../../src/pipeline/dataset.ts';
import { memberSchools, type MemberSchool } from '../../../src/pipeline/harmonise/members.ts';
import type { MemberInput } from '../../../src/pipeline/harmonise/model.ts';
import { draftRules } from '../../../src/pipeline/harmonise/rules.ts';
import type { DraftRules } from '../../../src/pipeline/harmonise/checks.ts';

const ROOT = process.cwd();
/** Seed fixture → the school folder and file name it has in the demo corpus. */
export const SEEDS: [string, string][] = [
  ['000_f295fe4824b47e99.txt', 'oakwood-primary/ict-use-policy-2012.txt'],
  ['001_e467dfff412ec3fa.txt', 'westbrook-primary/acceptable-use-policy-2024.txt'],
  ['002_0133e99881feddac.txt', 'hanson-school/acceptable-use-ict-mobile-social-2018.txt'],
  ['003_ba2811e87db779cd.txt', 'our-lady-of-peace/computing-code-of-conduct-2016.txt'],
  ['004_e10d6709eb2a89d0.txt', 'west-coventry-academy/ict-user-policy-2017.txt'],
];

export const TRUST = 'Solent Learning Trust';
const corpora = new Map<boolean, Promise<CorpusResult>>();

export function seedCorpus(withTrust = false): Promise<CorpusResult> {
  let corpus = corpora.get(withTrust);
  if (!corpus) {
    corpus = (async () => {
      const content = await loadContent(join(ROOT, 'content'), join(ROOT, 'content/schools.csv'));
      const sources: SourceDocument[] = SEEDS.map(([seed, sourceFile]) => ({
        sourceFile,
        read: async () => new Uint8Array(await readFile(join(ROOT, 'test/fixtures/seeds', seed))),
      }));
      if (withTrust) {
        const oakwood = content.bundle.schools.find((s) => s.school_id === 'oakwood-primary');
        if (oakwood) oakwood.trust = TRUST;
        content.bundle.schools.push({ school_id: 'elmfield-primary', name: 'Elmfield Primary School', urn: null, local_authority: 'Hampshire', trust: TRUST, phase: 'primary', nation: 'England' });
        sources.push({
          sourceFile: 'elmfield-primary/ict-use-policy-2021.txt',
          read: async () => {
            const text = await readFile(join(ROOT, 'test/fixtures/seeds', SEEDS[0]?.[0] ?? ''), 'utf8');
            return new TextEncoder().encode(text.replaceAll('Oakwood', 'Elmfield').replace('Updated: 2 February 2014', 'Updated: 3 March 2021'));
          },
        });
      }
      return analyseCorpus(sources, content.bundle, { asOf: '2026-11-22', dueSoonMonths: 3, maskPersonalData: true, includeText: true });
    })();
    corpora.set(withTrust, corpus);
  }
  return corpus;
}

/** The member inputs for the given school ids (all schools when omitted), as the browser assembles them. */
export async function membersFor(ids?: readonly string[], withTrust = false): Promise<{ schools: MemberSchool[]; members: MemberInput[] }> {
  const { dataset, details } = await seedCorpus(withTrust);
  const byId = new Map<string, PolicyDetail>(details.map((d) => [d.summary.id, d]));
  const schools = memberSchools(dataset).filter((s) => !ids || ids.includes(s.id));
  const members = schools.map((school) => ({ school, details: school.policyIds.map((id) => byId.get(id)).filter((d): d is PolicyDetail => !!d) }));
  return { schools, members };
}

let rules: Promise<DraftRules> | null = null;

/** The draft's checks from the real content/ (reference lists and stance definitions). */
export function testRules(): Promise<DraftRules> {
  rules ??= loadContent(join(ROOT, 'content'), join(ROOT, 'content/schools.csv')).then((c) => draftRules(c.bundle.references, c.bundle.stances));
  return rules;
}
