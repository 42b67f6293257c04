/**
 * "Draft a harmonised policy" in a real browser against the built site: pick a group, choose a non-default
 * variant, edit one clause, decide a stance conflict (by keyboard), reload and still see it all, export Markdown
 * and Word (the .docx is parsed back with mammoth), save and restore the choices file, reject a bad file, pass
 * axe-core, make no request beyond the site, and explain itself without JavaScript. Then, from a clean slate:
 * decide every conflict, pick one out-of-date variant on purpose, export both formats and check that the Word
 * document read back holds every rule once under its own type, whole, consistent with the decisions and current,
 * with Appendix C naming the exact clause and words.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import mammoth from 'mammoth';
import type { Download, Page } from 'playwright-core';
import { axe, external, SCREENSHOTS, startSite, visit, type Site, type Visit } from './site.ts';
import { ROOT } from './build-site.ts';
import { loadContent } from '../../scripts/lib/content.ts';
import { draftRules } from '../../src/pipeline/harmonise/rules.ts';
import { contradictions, type DraftRules } from '../../src/pipeline/harmonise/checks.ts';
import { isFragment, standAlone, tidyItem, type Block } from '../../src/pipeline/harmonise/blocks.ts';
import { draftTextOf, placeClauses, typeIndex } from '../../src/pipeline/harmonise/placement.ts';
import { memberSchools } from '../../src/pipeline/harmonise/members.ts';
import type { Dataset, PolicyDetail } from '../../src/pipeline/dataset.ts';

const OWN_PASSWORDS = 'Use a long passphrase of three random words and a password manager.\nChange a password only when it may have been seen by someone else.';

let site: Site;
let v: Visit;

beforeAll(async () => {
  site = await startSite();
  v = await visit(site, 'draft/');
});

afterAll(async () => {
  await v?.context.close();
  await site?.close();
});

const status = (page: Page): Promise<string> => page.locator('#draft-status').innerText();

async function downloadOf(page: Page, button: string): Promise<{ download: Download; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
  const path = await download.path();
  return { download, bytes: readFileSync(path) };
}

/** The text of the variant the lead picked, as the draft should contain it (its first paragraph). */
async function variantText(page: Page, typeId: string, school: string): Promise<string> {
  const block = page.locator(`#type-${typeId} .variant`, { hasText: `used by ${school}` });
  const full = block.locator('details.variant-full p').first();
  // textContent, not innerText: the full wording sits in a closed <details>.
  const text = (await full.count()) > 0 ? await full.textContent() : await block.locator('.variant-excerpt').textContent();
  if (!text) throw new Error(`no wording for ${typeId} / ${school}`);
  return text;
}

describe('draft a harmonised policy (browser)', () => {
  let chosenPersonalUse = '';

  it('builds a draft for a whole group', async () => {
    const { page } = v;
    await page.waitForSelector('#draft-members-form');
    expect(await axe(page), 'before a draft is built').toEqual([]);
    // The no-JavaScript list gives way to the picker.
    expect(await page.locator('#draft-school-list').isHidden()).toBe(true);
    await page.selectOption('#draft-group', { label: 'All schools (5 schools)' });
    await page.click('#draft-group-apply');
    expect(await page.locator('input[name="member"]:checked').count()).toBe(5);
    await page.click('#draft-build');
    await page.waitForSelector('#draft-heading');
    expect(await status(page)).toMatch(/^Draft ready for Hanson School, .* 70 clause types, \d+ positions to decide\./);
    expect(await page.locator('#draft-outstanding').innerText()).toMatch(/core clause types? no member school covers: .*Multi-factor authentication/);
    // Every clause type is a fieldset with a legend; variants are labelled radio buttons.
    const types = page.locator('fieldset.draft-type');
    expect(await types.count()).toBeGreaterThan(50);
    expect(await page.locator('fieldset.draft-type:not(:has(> legend))').count()).toBe(0);
    expect(await page.locator('#type-use-personal-use fieldset.stance legend').innerText()).toBe("Decide the trust's position: Personal use of school equipment and internet");
    expect(await page.locator('#type-use-personal-use blockquote', { hasText: 'You should not use any school provided ICT equipment for personal purposes.' }).count()).toBe(1);
    expect(await page.locator('#type-sec-mfa .notice').innerText()).toMatch(/guidance expects every policy to/);
    expect(await page.locator('.variant-stale li').count()).toBeGreaterThan(5);
  });

  it('records a variant, an edited clause and a stance decision (by keyboard)', async () => {
    const { page } = v;
    const hanson = page.locator('#type-use-personal-use .variant', { hasText: 'used by Hanson School' }).locator('input[type="radio"]');
    expect(await hanson.isChecked()).toBe(false);
    await hanson.check();
    chosenPersonalUse = await variantText(page, 'use-personal-use', 'Hanson School');
    expect(await status(page)).toMatch(/Personal use of school equipment and internet: variant [A-E] chosen/);

    await page.check('#choice-sec-passwords-edit');
    const box = page.locator('#text-sec-passwords');
    expect(await box.isVisible()).toBe(true);
    expect((await box.inputValue()).length).toBeGreaterThan(20); // prefilled from the suggested variant
    await box.fill(OWN_PASSWORDS);

    await page.focus('#stance-D1-own-time');
    await page.keyboard.press('Space');
    expect(await page.locator('#stance-D1-own-time').isChecked()).toBe(true);
    expect(await status(page)).toMatch(/Decided: “Limited, in own time only”/);
    // Hanson's wording says own time, so it matches the decision: no warning.
    expect(await page.locator('#type-use-personal-use [data-mismatch] .notice').count()).toBe(0);
  });

  it('keeps the choices after a reload', async () => {
    const { page } = v;
    expect(page.url()).toMatch(/\?members=hanson-school%2Coakwood-primary%2C/);
    await page.reload({ waitUntil: 'networkidle' });
    await page.waitForSelector('#draft-heading');
    expect(await status(page)).toMatch(/Your earlier choices for these schools were restored\./);
    const hanson = page.locator('#type-use-personal-use .variant', { hasText: 'used by Hanson School' }).locator('input[type="radio"]');
    expect(await hanson.isChecked()).toBe(true);
    expect(await page.locator('#choice-sec-passwords-edit').isChecked()).toBe(true);
    expect(await page.locator('#text-sec-passwords').inputValue()).toBe(OWN_PASSWORDS);
    expect(await page.locator('#stance-D1-own-time').isChecked()).toBe(true);
  });

  it('exports Markdown with the chosen clauses in order', async () => {
    const { download, bytes } = await downloadOf(v.page, '#draft-export-md');
    expect(download.suggestedFilename()).toBe('staff-acceptable-use-policy.md');
    const md = bytes.toString('utf8');
    const at = (s: string): number => md.indexOf(s);
    expect(at('# Staff acceptable use policy')).toBe(0);
    expect(at(chosenPersonalUse.slice(0, 50))).toBeGreaterThan(at('## 2. Acceptable use of school systems'));
    expect(at('Use a long passphrase of three random words')).toBeGreaterThan(at(chosenPersonalUse.slice(0, 50)));
    expect(at('## Appendix A: Where each clause comes from')).toBeGreaterThan(at('Use a long passphrase'));
    expect(md).toMatch(/the trust's position is “Limited, in own time only”/);
  });

  it('exports a Word document that opens with the chosen clauses in order and the provenance appendix', async () => {
    const { download, bytes } = await downloadOf(v.page, '#draft-export-docx');
    expect(download.suggestedFilename()).toBe('staff-acceptable-use-policy.docx');
    writeFileSync(join(ROOT, 'test/output/draft.docx'), bytes);
    const { value: text } = await mammoth.extractRawText({ buffer: bytes });
    const at = (s: string): number => text.indexOf(s);
    expect(at('Staff acceptable use policy')).toBe(0);
    expect(text).toMatch(/draft harmonised policy for 5 schools: Hanson School, Oakwood Primary School/);
    const personal = at(chosenPersonalUse.slice(0, 50));
    const passwords = at('Use a long passphrase of three random words and a password manager.');
    expect(personal).toBeGreaterThan(at('2. Acceptable use of school systems'));
    expect(passwords).toBeGreaterThan(personal);
    expect(at('Change a password only when it may have been seen by someone else.')).toBeGreaterThan(passwords);
    const appendix = at('Appendix A: Where each clause comes from');
    expect(appendix).toBeGreaterThan(passwords);
    expect(text.slice(appendix)).toMatch(/Personal use of school equipment and internet: Wording used by Hanson School/);
    expect(text.slice(appendix)).toMatch(/Passwords?[^:\n]*: The trust's own wording, edited from variant [A-E]/);
    expect(at('Appendix B: Decisions taken')).toBeGreaterThan(appendix);
    expect(text).toMatch(/Personal use of school equipment and internet: the trust's position is “Limited, in own time only”/);
  });

  it('saves the choices to a file and restores them; a bad file gets a clear message', async () => {
    const { page } = v;
    const { download, bytes } = await downloadOf(page, '#draft-save');
    expect(download.suggestedFilename()).toBe('draft-choices-5-schools.json');
    const saved = join(ROOT, 'test/output/draft-choices.json');
    writeFileSync(saved, bytes);
    await page.click('#draft-clear');
    expect(await status(page)).toMatch(/again removes every choice/);
    expect(await page.locator('#choice-sec-passwords-edit').isChecked()).toBe(true);
    await page.click('#draft-clear');
    expect(await page.locator('#choice-sec-passwords-edit').isChecked()).toBe(false);
    await page.setInputFiles('#draft-restore', saved);
    await page.waitForFunction(() => /Choices restored/.test(document.getElementById('draft-status')?.textContent ?? ''));
    expect(await page.locator('#text-sec-passwords').inputValue()).toBe(OWN_PASSWORDS);
    expect(await page.locator('#stance-D1-own-time').isChecked()).toBe(true);

    await page.setInputFiles('#draft-restore', { name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"policy-atlas-draft-choices","version":1,"members":[],"title":null,"types":{},"stances":{}}') });
    await page.waitForFunction(() => /could not be restored/.test(document.getElementById('draft-status')?.textContent ?? ''));
    expect(await status(page)).toMatch(/^“notes\.json” could not be restored\. The saved draft is damaged or from an incompatible version at "members"/);
    // The draft is untouched by the bad file.
    expect(await page.locator('#text-sec-passwords').inputValue()).toBe(OWN_PASSWORDS);
  });

  it('passes axe-core, stays on the site, logs no errors, and leaves a screenshot', async () => {
    const { page } = v;
    await page.locator('#type-use-personal-use details.variant-full').first().evaluate((d) => ((d as HTMLDetailsElement).open = true));
    expect(await axe(page)).toEqual([]);
    expect(external(v.requests)).toEqual([]);
    expect(v.consoleErrors).toEqual([]);
    // The whole page runs to dozens of screens; the shot shows a clause type with its variants and a decision.
    await page.locator('#type-use-personal-use').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'draft.png') });
  });

  it('with every conflict decided, exports a draft whose Word document reads back with the six properties', async () => {
    const { page } = v;
    await page.click('#draft-clear');
    await page.click('#draft-clear');
    await page.waitForFunction(() => /Choices cleared/.test(document.getElementById('draft-status')?.textContent ?? ''));
    // Decide every conflict: the first position some member school holds.
    const decisions: Record<string, string> = {};
    const conflicts = await page.$$eval('fieldset.stance', (sets) =>
      sets.map((fs) => {
        const held = [...fs.querySelectorAll<HTMLInputElement>('input[type="radio"]')].find((i) => i.value !== '' && !/no member school says this/.test(i.labels?.[0]?.textContent ?? ''));
        return { dim: (fs as HTMLElement).dataset.dimension ?? '', id: held?.id ?? '', value: held?.value ?? '' };
      }),
    );
    expect(conflicts.length).toBeGreaterThan(5);
    for (const c of conflicts) {
      await page.check(`#${c.id}`);
      decisions[c.dim] = c.value;
    }
    expect(await page.locator('#draft-outstanding').innerText()).not.toMatch(/positions? to decide/);
    // Variants that contradict a decision are marked; none of them is the selected suggestion.
    expect(await page.locator('.variant-contradicts .notice').count()).toBeGreaterThan(0);
    expect(await page.locator('.variant:has(.variant-contradicts .notice) input[type="radio"]:checked').count()).toBe(0);
    expect(await page.locator('.variant:has(.variant-stale) [data-suggested-tag]:not([hidden])').count()).toBe(0);
    // One out-of-date variant chosen on purpose, in a type with no stance question: Appendix C must name it.
    const staleType = await page.$$eval('fieldset.draft-type', (sets) => {
      const fs = sets.find((f) => !f.querySelector('fieldset.stance') && f.querySelector('.variant .variant-stale'));
      const input = fs?.querySelector<HTMLInputElement>('.variant:has(.variant-stale) input[type="radio"]');
      return { type: (fs as HTMLElement | undefined)?.dataset.type ?? '', id: input?.id ?? '' };
    });
    expect(staleType.id).not.toBe('');
    await page.check(`#${staleType.id}`);

    const md = (await downloadOf(page, '#draft-export-md')).bytes.toString('utf8');
    const { bytes } = await downloadOf(page, '#draft-export-docx');
    writeFileSync(join(ROOT, 'test/output/draft-decided.docx'), bytes);
    const { value: html } = await mammoth.convertToHtml({ buffer: bytes });
    const read = await page.evaluate(readDraft, html);
    const checks = await checksFor(site.dir);
    const clauses = read.clauses;
    expect(clauses.length).toBeGreaterThan(40);
    expect(read.contents.length).toBeGreaterThan(clauses.length);
    expect(md).toContain('## Contents');
    expect(md).toContain('## Appendix D: What changes for each school');
    expect(read.sheets).toHaveLength(5);

    let matched = 0;
    for (const c of clauses) {
      const typeId = checks.typeOfTitle.get(c.title) ?? '';
      expect(typeId, c.title).not.toBe('');
      const blocks: Block[] = c.blocks.map((b) => ({ kind: b.item ? 'item' : b.leadIn ? 'lead-in' : 'para', depth: b.depth, text: b.text }));
      for (const b of c.blocks) {
        // 1. No section holds a clause whose best type is another section's (lead-ins are context, not rules).
        const best = b.leadIn ? undefined : checks.bestTypes.get(b.text);
        if (best) {
          matched++;
          expect([...best], `${c.number} ${c.title}: ${b.text}`).toContain(typeId);
        }
        // 2. No "See clause" stubs.
        expect(b.text, c.number).not.toMatch(/^See clauses? \d/);
        // 3. No list-item fragment without its lead-in.
        if (b.item && isFragment(b.text)) expect(b.parent, `${c.number}: ${b.text}`).toMatch(/[:–]\s*$/);
      }
      // 4. No clause contradicts a decision.
      expect(contradictions(checks.rules.stances(blocks), decisions), `${c.number} ${c.title}`).toEqual([]);
      // 5. No default carries an out-of-date reference (only the variant picked on purpose may).
      if (typeId !== staleType.type) expect(blocks.flatMap((b) => checks.rules.outdated(b.text)).map((m) => m.words), `${c.number} ${c.title}`).toEqual([]);
    }
    expect(matched).toBeGreaterThan(100);
    // 6. Every Appendix C warning's words occur in the clause it names.
    const warnings = read.appendixC.filter((w) => /: out of date/.test(w));
    expect(warnings.length).toBeGreaterThan(0);
    for (const w of warnings) {
      const [, number, words] = /^Clause (\d+\.\d+) .*? says “(.+?)”: out of date/.exec(w) ?? [];
      const clause = clauses.find((c) => c.number === number);
      expect(checks.typeOfTitle.get(clause?.title ?? ''), w).toBe(staleType.type);
      expect(clause?.blocks.map((b) => b.text).join('\n'), w).toContain(words ?? '?');
      expect(clause?.notes.some((n) => n.includes(words ?? '?')), w).toBe(true);
    }
  });

  it('explains itself and lists the schools without JavaScript', async () => {
    const nojs = await visit(site, 'draft/', { javaScript: false });
    expect(await nojs.page.locator('#draft-school-list table tbody tr').count()).toBe(5);
    expect(await nojs.page.locator('h2', { hasText: 'How it works' }).count()).toBe(1);
    expect(await nojs.page.locator('noscript').count()).toBe(1);
    await nojs.context.close();
  });
});

interface ReadBlock {
  text: string;
  item: boolean;
  leadIn: boolean;
  depth: number;
  /** For a list item: the paragraph or item it reads under. */
  parent: string | null;
}
interface ReadClause {
  number: string;
  title: string;
  blocks: ReadBlock[];
  notes: string[];
}

/** Runs in the page: the Word document's HTML (from mammoth) read back into clauses, contents and appendices. */
function readDraft(html: string): { clauses: ReadClause[]; contents: string[]; appendixC: string[]; sheets: string[] } {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const clauses: ReadClause[] = [];
  const contents: string[] = [];
  const appendixC: string[] = [];
  const sheets: string[] = [];
  let where: 'front' | 'contents' | 'body' | 'appendix' | 'c' | 'd' = 'front';
  let current: ReadClause | null = null;
  // An element's own words, without the lists nested inside it.
  const text = (e: Element): string =>
    [...e.childNodes]
      .filter((n) => !(n instanceof Element && (n.tagName === 'UL' || n.tagName === 'OL')))
      .map((n) => n.textContent ?? '')
      .join('')
      .replace(/\s+/g, ' ')
      .trim();
  const walkList = (ul: Element, depth: number, parent: string | null, into: ReadClause): void => {
    for (const li of [...ul.children].filter((x) => x.tagName === 'LI')) {
      const t = text(li);
      const nested = [...li.children].find((x) => x.tagName === 'UL' || x.tagName === 'OL');
      into.blocks.push({ text: t, item: true, leadIn: !!nested && /[:–]\s*$/.test(t), depth, parent });
      if (nested) walkList(nested, depth + 1, t, into);
    }
  };
  for (const el of [...doc.body.children]) {
    const t = text(el);
    if (el.tagName === 'H1') {
      current = null;
      where = t === 'Contents' ? 'contents' : /^Appendix C/.test(t) ? 'c' : /^Appendix D/.test(t) ? 'd' : /^Appendix/.test(t) ? 'appendix' : /^\d+\. /.test(t) ? 'body' : where;
      continue;
    }
    if (where === 'contents' && el.tagName === 'P') contents.push(t);
    if (where === 'c' && (el.tagName === 'UL' || el.tagName === 'OL')) appendixC.push(...[...el.querySelectorAll('li')].map((li) => li.textContent?.trim() ?? ''));
    if (where === 'd' && el.tagName === 'H2') sheets.push(t);
    if (where !== 'body') continue;
    if (el.tagName === 'H2') {
      const m = /^(\d+\.\d+) (.*)$/.exec(t);
      current = { number: m?.[1] ?? '', title: m?.[2] ?? t, blocks: [], notes: [] };
      clauses.push(current);
      continue;
    }
    if (!current) continue;
    if (el.tagName === 'P') {
      if (/^Note for the trust:/.test(t)) current.notes.push(t);
      else current.blocks.push({ text: t, item: false, leadIn: false, depth: 0, parent: null });
    } else if (el.tagName === 'UL' || el.tagName === 'OL') {
      const prev = current.blocks.at(-1);
      // A paragraph directly above a list is its lead-in when it ends with a colon.
      const lead = prev && !prev.item && /[:–]\s*$/.test(prev.text) ? prev : null;
      if (lead) lead.leadIn = true;
      walkList(el, 1, lead?.text ?? null, current);
    }
  }
  return { clauses, contents, appendixC, sheets };
}

/** What the checks need from the published data and content/: each source rule's best types, by its draft text. */
async function checksFor(siteDir: string): Promise<{ rules: DraftRules; bestTypes: Map<string, Set<string>>; typeOfTitle: Map<string, string> }> {
  const content = await loadContent(join(ROOT, 'content'), join(ROOT, 'content/schools.csv'));
  const rules = draftRules(content.bundle.references, content.bundle.stances);
  const dataset = JSON.parse(readFileSync(join(siteDir, 'data/dataset.json'), 'utf8')) as Dataset;
  const index = typeIndex(dataset.taxonomy.types);
  const bestTypes = new Map<string, Set<string>>();
  for (const school of memberSchools(dataset)) {
    for (const id of school.policyIds) {
      const detail = JSON.parse(readFileSync(join(siteDir, 'data/policies', `${id}.json`), 'utf8')) as PolicyDetail;
      for (const p of placeClauses(detail, index)) {
        if (!p.typeId || p.leadInOnly) continue;
        const raw = draftTextOf(p.clause, detail.summary.school ?? school.name);
        for (const t of p.clause.kind === 'list-item' ? [tidyItem(raw), standAlone(raw)] : [raw]) bestTypes.set(t, new Set([...(bestTypes.get(t) ?? []), p.typeId]));
      }
    }
  }
  return { rules, bestTypes, typeOfTitle: new Map(dataset.taxonomy.types.map((t) => [t.title, t.id])) };
}
