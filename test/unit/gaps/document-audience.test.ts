/**
 * Issue 17 item 10: a published template (the SWGfL online safety template as adopted by "Decoy", 126 kB of text)
 * and a whole-school policy are told apart from a school's own staff policy; the five seed policies and the other
 * real fixtures are not flagged; a template's advice to schools ("schools may wish to…") is not counted as a rule.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { documentAudience, withoutGuidanceToSchools } from '../../../src/pipeline/analyse/gaps/index.ts';
import { analysePolicy, type PolicyContext } from '../../../src/pipeline/run/policy.ts';
import { readDocument } from '../../../src/pipeline/run/corpus.ts';
import { seedCorpus } from '../harmonise/corpus.ts';
import { loadContent } from '../../../scripts/lib/content.ts';

const read = (p: string): string => readFileSync(join('test/fixtures', p), 'utf8');

describe('templates and whole-school policies', () => {
  it('the SWGfL template adopted by Decoy: publisher named throughout, placeholders, advice to schools, whole-school', () => {
    const a = documentAudience(read('text/decoy-2016.txt'));
    expect(a.template).toBe(true);
    expect(a.wholeSchool).toBe(true);
    expect(a.signals.owner?.name).toBe('SWGfL');
    expect(a.signals.owner?.count).toBeGreaterThan(100);
    expect(a.signals.placeholders).toContain('(or other relevant group)');
    expect(a.signals.guidanceCount).toBeGreaterThanOrEqual(3);
    expect(a.reasons[0]).toMatch(/^This looks like a template for schools to adapt/);
    expect(a.reasons[1]).toMatch(/whole-school policy/);
  });

  it('does not flag a school’s own staff policy', () => {
    const files = [
      ...readdirSync('test/fixtures/seeds').filter((f) => f.endsWith('.txt')).map((f) => `seeds/${f}`),
      'extra/lexden-montessori-staff-internet-access-2010.txt',
      'extra/london-clc-community-users-aup-2017.txt',
      'extra/minuteman-internet-social-media-agreement-2015.md',
    ];
    for (const f of files) {
      const a = documentAudience(read(f));
      expect([f, a.template, a.wholeSchool, a.reasons]).toEqual([f, false, false, []]);
    }
  });

  it('advice to schools covers nothing: the template’s "schools may wish to" clauses are dropped from its coverage', async () => {
    const { dataset } = await seedCorpus();
    const content = await loadContent(join(process.cwd(), 'content'), join(process.cwd(), 'content/schools.csv'));
    const bytes = new TextEncoder().encode(read('text/decoy-2016.txt'));
    const context: PolicyContext = {
      policyId: 'checked',
      schoolId: 'checked',
      sourceFile: 'decoy-2016.txt',
      knownSchoolName: null,
      localAuthority: null,
      trust: null,
      otherOrganisations: [],
      asOf: dataset.meta.asOf,
      dueSoonMonths: 3,
    };
    const analysis = analysePolicy(await readDocument(bytes, 'decoy-2016.txt'), context, content.bundle);
    const advice = analysis.document.clauses.filter((c) => /\bschools?\s+may\s+wish\s+to\b/i.test(c.text)).map((c) => c.id);
    const usedAsEvidence = analysis.coverage.filter((cell) => cell.evidence.some((e) => advice.includes(e.clauseId)));
    expect(advice.length).toBeGreaterThan(0);
    const cleaned = withoutGuidanceToSchools(analysis.coverage, analysis.document.clauses);
    for (const cell of cleaned) expect(cell.evidence.some((e) => advice.includes(e.clauseId)), cell.typeId).toBe(false);
    for (const cell of cleaned) if (cell.status !== 'absent') expect(cell.evidence.length, cell.typeId).toBeGreaterThan(0);
    // The classifier itself now holds advice below the label threshold (classify/not-a-rule.ts); whatever still
    // rests on an advice clause (another sentence of it), a cell held up only by advice is absent afterwards.
    const onlyAdvice = usedAsEvidence.filter((cell) => cell.evidence.every((e) => advice.includes(e.clauseId)));
    for (const cell of onlyAdvice) expect(cleaned.find((c) => c.typeId === cell.typeId)?.status, cell.typeId).toBe('absent');
  });
});
