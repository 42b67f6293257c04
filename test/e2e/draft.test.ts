/**
 * "Draft a harmonised policy" in a real browser against the built site: pick a group, choose a non-default
 * variant, edit one clause, decide a stance conflict (by keyboard), reload and still see it all, export Markdown
 * and Word (the .docx is parsed back with mammoth), save and restore the choices file, reject a bad file, pass
 * axe-core, make no request beyond the site, and explain itself without JavaScript.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import mammoth from 'mammoth';
import type { Download, Page } from 'playwright-core';
import { axe, external, SCREENSHOTS, startSite, visit, type Site, type Visit } from './site.ts';
import { ROOT } from './build-site.ts';

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

  it('explains itself and lists the schools without JavaScript', async () => {
    const nojs = await visit(site, 'draft/', { javaScript: false });
    expect(await nojs.page.locator('#draft-school-list table tbody tr').count()).toBe(5);
    expect(await nojs.page.locator('h2', { hasText: 'How it works' }).count()).toBe(1);
    expect(await nojs.page.locator('noscript').count()).toBe(1);
    await nojs.context.close();
  });
});
