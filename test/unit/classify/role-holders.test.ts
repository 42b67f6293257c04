/**
 * Key-people lines ("Policy owner - Daniel Bull") evidence roles and responsibilities, in the real documents where
 * they sit in a cover table, and nothing that merely looks like one (a form's "Headteacher Approval Date") does.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadContentModel, loadContentTaxonomy } from '../../../scripts/dev-score.ts';
import { ingest } from '../../../src/pipeline/ingest/index.ts';
import { structure } from '../../../src/pipeline/structure/index.ts';
import { classifyClauses } from '../../../src/pipeline/classify/classify.ts';
import { findRoleHolder, ROLE_TYPE } from '../../../src/pipeline/classify/role-holders.ts';

const taxonomy = loadContentTaxonomy();
const model = loadContentModel();

/** The sentences (or one-sentence clauses) that carry a roles label in a fixture document, as the policy page highlights them. */
async function roleEvidence(path: string, withModel: boolean): Promise<string[]> {
  const doc = structure(await ingest(new Uint8Array(readFileSync(path)), path));
  const results = classifyClauses(doc.clauses, taxonomy, withModel ? { model } : {});
  return results.flatMap((r, i) => {
    const clause = doc.clauses[i];
    return r.labels.filter((l) => l.typeId === ROLE_TYPE).map((l) => doc.text.slice(l.sentence?.start ?? clause?.start, l.sentence?.end ?? clause?.end));
  });
}

describe('key people in real cover tables', () => {
  it("names the role in the label's reasons but never the person (reasons are published unmasked)", async () => {
    const path = 'test/fixtures/dev/coop-florence-macwilliams-online-safety-2024.txt';
    const doc = structure(await ingest(new Uint8Array(readFileSync(path)), path));
    const reasons = classifyClauses(doc.clauses, taxonomy).flatMap((r) => r.labels.flatMap((l) => l.cues));
    expect(reasons).toContain('named holder of the role "Policy owner"');
    expect(reasons.join('\n')).not.toContain('Daniel Bull');
  });

  it.each([
    ['test/fixtures/dev/coop-walkden-online-safety-policy.txt', 'Policy owner - Miss Kirsty Peet'],
    ['test/fixtures/dev/coop-florence-macwilliams-online-safety-2024.txt', 'Policy owner - Daniel Bull'],
    ['test/fixtures/dev/grafton-primary-online-safety-policy-2020.txt', 'Theonitsa Sergides'],
  ])('%s names its role holder, with the line as evidence, with or without the model', async (path, line) => {
    for (const withModel of [true, false]) {
      const evidence = await roleEvidence(path, withModel);
      expect(evidence.some((e) => e.includes(line)), evidence.join('\n')).toBe(true);
    }
  });
});

describe('findRoleHolder', () => {
  it.each([
    ['Safeguarding link governor Chris Speller', 'Safeguarding link governor'],
    ['Link governor for safeguarding (includes online safety) Philippa Burke', 'Link governor for safeguarding'],
    ['Signature (e-Safety Lead) Print Name Rebecca Fitton Date:', 'e-Safety Lead'],
    ['Headteacher: Mr J. Smith', 'Headteacher'],
    ['DSL: J Smith', 'DSL'],
  ])('reads "%s" as naming the holder of "%s"', (line, role) => {
    expect(findRoleHolder(line)?.role).toBe(role);
  });

  it.each([
    'Headteacher Approval Date',
    'Chair of Governors Signed Date',
    'The Designated Safeguarding Lead Will ensure that staff are trained.',
    'Head of School Name:',
    'Headteacher Deputy Headteacher',
    'Approved by the Headteacher Spring Term 2024',
    'Designated ICT person – School IT Support Team',
  ])('finds no person in "%s"', (line) => {
    expect(findRoleHolder(line)).toBeNull();
  });
});
