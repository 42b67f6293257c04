import { describe, expect, it } from 'vitest';
import mammoth from 'mammoth';
import { allTypes, buildHarmonisation, type HarmonisationModel, type TypeEntry } from '../../../src/pipeline/harmonise/model.ts';
import { emptyChoices, type DraftChoices } from '../../../src/pipeline/harmonise/choices.ts';
import { contradictions } from '../../../src/pipeline/harmonise/checks.ts';
import { isFragment } from '../../../src/pipeline/harmonise/blocks.ts';
import { buildDraftDocument, formatPartialDate, listNames, paragraphsOf } from '../../../src/pipeline/harmonise/document.ts';
import { draftToMarkdown, escapeMarkdown } from '../../../src/pipeline/harmonise/markdown.ts';
import { draftToDocx } from '../../../src/pipeline/harmonise/docx.ts';
import { membersFor, seedCorpus, testRules } from './corpus.ts';

const ALL = ['hanson-school', 'oakwood-primary', 'our-lady-of-peace', 'west-coventry-academy', 'westbrook-primary'];
const OWN_PASSWORDS = 'Use a long passphrase made of three random words.\nChange it only if you think someone else may know it.';
const OWN_MFA = 'Staff must use multi-factor authentication for school email and the management information system.';

async function setUp(): Promise<{ model: HarmonisationModel; choices: DraftChoices; hanson: string }> {
  const { dataset } = await seedCorpus();
  const { members } = await membersFor();
  const model = buildHarmonisation({ dataset, members, rules: await testRules() });
  const type = (id: string): TypeEntry => allTypes(model).find((t) => t.typeId === id) as TypeEntry;
  const choices = emptyChoices(ALL);
  choices.title = 'Solent Learning Trust staff acceptable use policy';
  const hanson = type('use-personal-use').variants.find((v) => v.sourceSchoolId === 'hanson-school');
  choices.types['use-personal-use'] = { action: 'variant', variant: hanson?.key ?? null, text: null };
  choices.stances.D1 = 'own-time';
  choices.types['sec-passwords'] = { action: 'edit', variant: type('sec-passwords').defaultVariant, text: OWN_PASSWORDS };
  choices.types['soc-employer-identification'] = { action: 'exclude', variant: null, text: null };
  choices.types['sec-mfa'] = { action: 'edit', variant: null, text: OWN_MFA };
  // Another type where the lead prefers a wording other than the suggestion.
  const other = allTypes(model).find((t) => t.typeId !== 'use-personal-use' && t.variants.length >= 2 && t.stances.length === 0);
  const alt = other?.variants.find((v) => v.key !== other.defaultVariant);
  if (other && alt) choices.types[other.typeId] = { action: 'variant', variant: alt.key, text: null };
  return { model, choices, hanson: hanson?.blocks[0]?.text ?? '' };
}

describe('the draft document', () => {
  it('numbers sections by category and clauses within them, with a contents list and the lead’s choices in place', async () => {
    const { model, choices, hanson } = await setUp();
    const doc = buildDraftDocument(model, choices);
    expect(doc.title).toBe('Solent Learning Trust staff acceptable use policy');
    expect(doc.preamble[0]).toBe(
      'This is a draft harmonised policy for 5 schools: Hanson School, Oakwood Primary School, Our Lady of Peace Catholic Primary and Nursery School, West Coventry Academy and Westbrook Primary School.',
    );
    expect(doc.preamble[1]).toMatch(/as analysed on 22 November 2026/);
    expect(doc.sections.map((s) => s.number)).toEqual(doc.sections.map((_, i) => i + 1));
    for (const s of doc.sections) expect(s.clauses.map((c) => c.number)).toEqual(s.clauses.map((_, i) => `${s.number}.${i + 1}`));
    expect(doc.contents.filter((c) => c.level === 2).map((c) => c.number)).toEqual(doc.sections.flatMap((s) => s.clauses.map((c) => c.number)));
    expect(doc.contents.slice(-4).map((c) => c.number)).toEqual(['Appendix A', 'Appendix B', 'Appendix C', 'Appendix D']);
    const clauses = doc.sections.flatMap((s) => s.clauses);
    const find = (id: string) => clauses.find((c) => c.typeId === id);
    expect(find('use-personal-use')?.blocks[0]?.text).toBe(hanson);
    expect(find('sec-passwords')?.blocks.map((b) => b.text)).toEqual(paragraphsOf(OWN_PASSWORDS));
    expect(find('sec-mfa')?.blocks.map((b) => b.text)).toEqual([OWN_MFA]);
    expect(find('soc-employer-identification')).toBeUndefined();
    expect(find('safe-nudes-semi-nudes')).toBeUndefined();
    // One rule, one place: no pointers to other clauses, and no long rule printed twice.
    expect(clauses.flatMap((c) => c.blocks).filter((b) => /^See clauses? \d/.test(b.text))).toEqual([]);
    const rules = clauses.flatMap((c) => c.blocks.filter((b, i) => !(/:\s*$/.test(b.text) && c.blocks[i + 1]?.kind === 'item')).map((b) => b.text)).filter((t) => t.length > 60);
    expect(rules.length).toBe(new Set(rules).size);
  });

  it('keeps every list item under its lead-in, or makes it a sentence of its own', async () => {
    const { model, choices } = await setUp();
    const doc = buildDraftDocument(model, choices);
    let items = 0;
    for (const c of doc.sections.flatMap((s) => s.clauses)) {
      c.blocks.forEach((b, i) => {
        if (b.kind !== 'item') return;
        items++;
        if (!isFragment(b.text)) return;
        // A fragment reads under the nearest block above it at a shallower level, which ends with a colon.
        const parent = c.blocks.slice(0, i).reverse().find((p) => p.kind !== 'item' || p.depth < b.depth);
        expect(parent?.text, `${c.number}: ${b.text}`).toMatch(/[:–]\s*$/);
      });
    }
    expect(items).toBeGreaterThan(40);
  });

  it('gives every clause’s source, lists the decisions, and what to check on the final words', async () => {
    const { model, choices } = await setUp();
    const doc = buildDraftDocument(model, choices);
    const personal = doc.sources.find((s) => s.title === 'Personal use of school equipment and internet');
    expect(personal?.source).toMatch(/^Wording used by Hanson School \(variant [A-E]\); text taken from Hanson School, “Acceptable use of ICT, mobile devices and social networking sites” \(May 2018\)/);
    expect(doc.sources).toHaveLength(doc.sections.flatMap((s) => s.clauses).length);
    const kinds = doc.decisions.map((d) => d.kind);
    expect(kinds).toEqual(expect.arrayContaining(['stance', 'variant', 'edited', 'excluded', 'added']));
    expect(doc.decisions.find((d) => d.kind === 'stance' && d.text.startsWith('Personal use of school'))?.text).toMatch(/^Personal use of school equipment and internet: the trust's position is “Limited, in own time only”\. Member schools said: “Only with permission” \(Our Lady/);
    expect(doc.decisions.filter((d) => d.kind === 'stance' && /not decided yet/.test(d.text)).length).toBeGreaterThan(5);
    expect(doc.decisions.find((d) => d.kind === 'added')?.text).toMatch(/Multi-factor authentication: added\. No member school had this core clause\./);
    expect(doc.cautions).toContain('“Responding to nudes/semi-nudes and other youth-produced sexual imagery” is expected by guidance (core) but no member school covers it and the draft has no clause for it.');
    // The suggestions are current: no out-of-date warning at all until the lead picks an out-of-date variant.
    expect(doc.cautions.filter((c) => /out of date/.test(c))).toEqual([]);
    const stale = allTypes(model).flatMap((t) => t.variants.filter((v) => v.stale.length > 0).map((v) => ({ t, v })))[0];
    expect(stale).toBeDefined();
    choices.types[stale?.t.typeId ?? ''] = { action: 'variant', variant: stale?.v.key ?? null, text: null };
    const after = buildDraftDocument(model, choices);
    const warnings = after.cautions.filter((c) => /out of date/.test(c));
    expect(warnings.length).toBeGreaterThan(0);
    for (const w of warnings) {
      const [, number, words] = /^Clause (\d+\.\d+) .*? says “(.+?)”: out of date/.exec(w) ?? [];
      const clause = after.sections.flatMap((s) => s.clauses).find((c) => c.number === number);
      expect(clause?.blocks.map((b) => b.text).join('\n'), w).toContain(words);
      expect(clause?.notes.some((n) => n.includes(words ?? '?')), w).toBe(true);
    }
  });

  it('with every conflict decided, no clause contradicts a decision or names something out of date', async () => {
    const { model } = await setUp();
    const choices = emptyChoices(ALL);
    for (const t of allTypes(model)) for (const q of t.stances) if (q.conflict) choices.stances[q.dimensionId] = q.options.find((o) => o.holders.length > 0)?.value ?? '';
    expect(Object.keys(choices.stances).length).toBeGreaterThan(5);
    const doc = buildDraftDocument(model, choices);
    for (const c of doc.sections.flatMap((s) => s.clauses)) {
      expect(contradictions(model.rules.stances(c.blocks), choices.stances), c.number).toEqual([]);
      expect(c.blocks.flatMap((b) => model.rules.outdated(b.text)), c.number).toEqual([]);
      expect(c.notes, c.number).toEqual([]);
    }
    // The trust's decisions are new positions for some schools, and the sheets say so.
    expect(doc.changes).toHaveLength(5);
    expect(doc.changes.some((s) => s.positions.length > 0)).toBe(true);
    const oakwood = doc.changes.find((s) => s.schoolId === 'oakwood-primary');
    expect(oakwood?.gains.length).toBeGreaterThan(5);
    expect(oakwood?.reworded.length).toBeGreaterThan(0);
  });

  it('writes Markdown with the clauses in order and escapes policy text', async () => {
    const { model, choices } = await setUp();
    const md = draftToMarkdown(buildDraftDocument(model, choices));
    expect(md.startsWith('# Solent Learning Trust staff acceptable use policy\n')).toBe(true);
    const at = (s: string): number => md.indexOf(s);
    expect(at('## 1. Governance, scope & lifecycle')).toBeGreaterThan(0);
    expect(at('Use a long passphrase made of three random words.')).toBeGreaterThan(at('## 2. Acceptable use of school systems'));
    expect(at(OWN_MFA)).toBeGreaterThan(at('Use a long passphrase'));
    expect(at('## Appendix A: Where each clause comes from')).toBeGreaterThan(at(OWN_MFA));
    expect(at('## Appendix B: Decisions taken')).toBeGreaterThan(at('## Appendix A'));
    expect(escapeMarkdown('# Not a heading <b>*bold*</b> [link](x)')).toBe('\\# Not a heading \\<b\\>\\*bold\\*\\</b\\> \\[link\\](x)');
    expect(escapeMarkdown('1. not a list')).toBe('1\\. not a list');
  });

  it('writes a Word document that opens with the chosen clauses in order and the provenance appendix', async () => {
    const { model, choices, hanson } = await setUp();
    const doc = buildDraftDocument(model, choices);
    const bytes = await draftToDocx(doc);
    expect(bytes[0]).toBe(0x50); // PK: a zip container
    const { value: text } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    const at = (s: string): number => text.indexOf(s);
    expect(at('Solent Learning Trust staff acceptable use policy')).toBe(0);
    const headings = doc.sections.flatMap((s) => s.clauses.map((c) => `${c.number} ${c.title}`));
    const positions = headings.map(at);
    expect(positions.every((p) => p > 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(at(hanson.slice(0, 60))).toBeGreaterThan(0);
    expect(at('Use a long passphrase made of three random words.')).toBeLessThan(at('Change it only if you think someone else may know it.'));
    expect(at('Appendix A: Where each clause comes from')).toBeGreaterThan(at(OWN_MFA));
    expect(text).toMatch(/Personal use of school equipment and internet: Wording used by Hanson School/);
    expect(at('Appendix B: Decisions taken')).toBeGreaterThan(at('Appendix A'));
    expect(text).toContain('the trust\'s position is “Limited, in own time only”');
    expect(at('Appendix C: Check before adopting')).toBeGreaterThan(at('Appendix B'));
  });

  it('keeps untrusted text literal in both formats, even with markup and control characters', async () => {
    const { model, choices } = await setUp();
    choices.types['sec-mfa'] = { action: 'edit', variant: null, text: 'Use MFA <script>alert(1)</script> on *every* account\u0007 [now](javascript:x).' };
    const doc = buildDraftDocument(model, choices);
    const md = draftToMarkdown(doc);
    expect(md).toContain('Use MFA \\<script\\>alert(1)\\</script\\> on \\*every\\* account\u0007 \\[now\\](javascript:x).');
    const { value: text } = await mammoth.extractRawText({ buffer: Buffer.from(await draftToDocx(doc)) });
    expect(text).toContain('Use MFA <script>alert(1)</script> on *every* account [now](javascript:x).');
  });

  it('formats dates and names in plain English', () => {
    expect([formatPartialDate('2018'), formatPartialDate('2018-05'), formatPartialDate('2024-11-25'), formatPartialDate(null)]).toEqual(['2018', 'May 2018', '25 November 2024', 'undated']);
    expect([listNames([]), listNames(['A']), listNames(['A', 'B']), listNames(['A', 'B', 'C'])]).toEqual(['', 'A', 'A and B', 'A, B and C']);
  });
});
