/**
 * The learned clause model as the CLI uses it: reproducible from content/, explainable, citing the sentence that
 * carries a label, and never labelling structure (titles, contents pages, version tables) as a rule.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { trainFromContent, MODEL_PATH } from '../../../scripts/train.ts';
import { loadContentModel, loadContentTaxonomy } from '../../../scripts/dev-score.ts';
import { ingest } from '../../../src/pipeline/ingest/index.ts';
import { structure } from '../../../src/pipeline/structure/index.ts';
import { classifyClauses, computeCoverage } from '../../../src/pipeline/classify/index.ts';
import { loadClauseModel } from '../../../src/pipeline/classify/model.ts';
import type { PolicyDocument } from '../../../src/pipeline/types.ts';

const taxonomy = loadContentTaxonomy();
const model = loadContentModel();

async function read(path: string): Promise<PolicyDocument> {
  return structure(await ingest(new Uint8Array(readFileSync(path)), path));
}

describe('the committed clause model', () => {
  it('is what `npm run train` gives from content/, byte for byte', () => {
    expect(trainFromContent().text).toBe(readFileSync(MODEL_PATH, 'utf8'));
  });

  it('validates, and a broken file is refused with its name', () => {
    expect(model).not.toBeNull();
    expect(() => loadClauseModel({ format: 'policy-atlas-clause-model/1', types: {} }, 'content/model/broken.json')).toThrow(/broken\.json/);
  });

  it('gives every label its reasons: the cues that fired and the words that weighed most', async () => {
    const doc = await read('test/fixtures/dev/intack-primary-staff-aua.txt');
    const labels = classifyClauses(doc.clauses, taxonomy, { model }).flatMap((c) => c.labels);
    expect(labels.length).toBeGreaterThan(10);
    for (const label of labels) expect(label.cues.length, label.typeId).toBeGreaterThan(0);
    expect(labels.some((l) => l.cues.some((c) => c.startsWith('model: ')))).toBe(true);
  });
});

describe('evidence is the sentence that carries the label', () => {
  it('quotes one sentence of a long paragraph, with its offsets', async () => {
    const doc = await read('test/fixtures/seeds/003_ba2811e87db779cd.txt');
    const cells = computeCoverage(classifyClauses(doc.clauses, taxonomy, { model }), doc.clauses, taxonomy);
    const quoted = cells.flatMap((c) => c.evidence);
    expect(quoted.length).toBeGreaterThan(50);
    for (const e of quoted) expect(doc.text.slice(e.start, e.end)).toBe(e.quote);
    // Some evidence is a sentence inside a longer clause, not the clause from its start.
    const inside = quoted.filter((e) => {
      const clause = doc.clauses.find((c) => c.id === e.clauseId);
      return clause !== undefined && (e.start > clause.start || e.end < clause.end);
    });
    expect(inside.length).toBeGreaterThan(0);
  });
});

describe('structure is not a rule', () => {
  it('never takes a contents page, a title or a version table as evidence', async () => {
    for (const file of ['coop-florence-macwilliams-online-safety-2024', 'coop-walkden-online-safety-policy', 'holly-park-school-online-safety-policy', 'gloucester-nursery-esafety-ict-aup-2015', 'warrington-schools-aup-sandy-lane']) {
      const doc = await read(`test/fixtures/dev/${file}.txt`);
      const cells = computeCoverage(classifyClauses(doc.clauses, taxonomy, { model }), doc.clauses, taxonomy);
      for (const e of cells.flatMap((c) => c.evidence.map((x) => ({ type: c.typeId, quote: x.quote })))) {
        // A contents entry ends in a page number; a run of them, or a leader, is a contents page.
        expect(e.quote, `${file} ${e.type}`).not.toMatch(/(?:\bpage \d+.*){2}|^(?:…|\.){2,}|(?:\p{L} \d{1,2}\n\d{1,2}\.\s.*){2}/su);
        expect(e.quote, `${file} ${e.type}`).not.toMatch(/^(?:Version|Reference|Protective Marking|Status|Prepared By):?\s*$/m);
      }
    }
  });
});

describe('a reviewer teaches the model', () => {
  it('turns confirmed and added labels into training sentences, and leaves rejections out', async () => {
    const { reviewedSentences } = await import('../../../scripts/lib/training-data.ts');
    const doc = reviewedSentences([
      { policy: 'p', clause: 'c0001', quote: 'Lock your screen whenever you leave your desk.', type: 'sec-screen-lock', action: 'confirm' },
      { policy: 'p', clause: 'c0001', quote: 'Lock your screen whenever you leave your desk.', type: 'dev-device-security', action: 'add' },
      { policy: 'p', clause: 'c0002', quote: 'Staff may use the internet at lunchtime.', type: 'use-personal-use', action: 'reject' },
    ]);
    expect(doc.sentences).toEqual([
      { u: 0, headings: [], leadIn: null, text: 'Lock your screen whenever you leave your desk.', types: ['dev-device-security', 'sec-screen-lock'] },
    ]);
  });
});

describe('advice and a summary of the law are not the rule', () => {
  it('holds "consideration should be given to two factor authentication" and "it is an offence to…" as near misses', async () => {
    const doc = await read('test/fixtures/extra/decoy-online-safety-policy-2016.pdf');
    const cells = computeCoverage(classifyClauses(doc.clauses, taxonomy, { model }), doc.clauses, taxonomy);
    const mfa = cells.find((c) => c.typeId === 'sec-mfa');
    const nudes = cells.find((c) => c.typeId === 'safe-nudes-semi-nudes');
    expect(mfa?.status).toBe('absent');
    expect(mfa?.candidate?.quote).toMatch(/two factor authentication/i);
    expect(nudes?.status).toBe('absent');
    expect(nudes?.candidate?.quote).toMatch(/It is an offence to take/);
  });

  it('still counts the rule itself and a law that comes with a duty', async () => {
    const { notTheRule } = await import('../../../src/pipeline/classify/not-a-rule.ts');
    expect(notTheRule('Staff must use two-factor authentication on every account that holds pupil data.', 'sec-mfa')).toBeNull();
    expect(notTheRule('Schools may wish to consider two-factor authentication for staff accounts.', 'sec-mfa')).toBe('advice');
    expect(notTheRule('Two step verification?', 'sec-mfa')).toBe('advice');
    expect(notTheRule('It is an offence to possess indecent images of children; any such image must be reported to the DSL at once.', 'safe-nudes-semi-nudes')).toBeNull();
    expect(notTheRule('The Computer Misuse Act makes it an offence to access a computer without permission.', 'gov-legal-framework')).toBeNull();
  });

  it('does not take a document naming itself for a link to other policies', async () => {
    const { notTheRule } = await import('../../../src/pipeline/classify/not-a-rule.ts');
    const related = 'gov-related-policies';
    // Its title and cover lines, and "This … Policy" further down.
    expect(notTheRule('Acceptable Use Policy (AUP): Staff agreement form', related, 0)).toBe('itself');
    expect(notTheRule('This Acceptable Use Policy (AUP) outlines the expectations for the responsible use of technology.', related, 9)).toBe('itself');
    // A link to another document counts wherever it is, and so does a list of policies under a linking lead-in.
    expect(notTheRule('This policy should be read alongside the Safeguarding Policy.', related, 1)).toBeNull();
    expect(notTheRule('The following AUP is supplemented by the Employee Code of Conduct.', related, 0)).toBeNull();
    expect(notTheRule('Child Protection; Anti-Bullying; Behaviour', related, 2, 'This policy is to be read in conjunction with:')).toBeNull();
    expect(notTheRule('Staff must also follow the Data Protection Policy.', related, 30)).toBeNull();
    // Other types are not affected.
    expect(notTheRule('This Acceptable Use Policy applies to all staff.', 'gov-purpose-scope', 0)).toBeNull();
  });
});
