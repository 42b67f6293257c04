import { describe, expect, it } from 'vitest';
import { ingest } from '../../../src/pipeline/ingest/index.ts';
import { stripInlineMarkup } from '../../../src/pipeline/ingest/inline-markup.ts';
import { structure } from '../../../src/pipeline/structure/index.ts';
import { bytesOf, load } from './fixtures.ts';

const encode = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('HTML reader', () => {
  it('drops scripts, styles, comments, templates and attributes; decodes entities', async () => {
    const result = await ingest(bytesOf('formats/hanson.html'), 'hanson.HTM');
    expect(result.text).not.toMatch(/policyAtlasShouldNotSeeThis|not text|enable JavaScript|Template content|class=|<|>/);
    expect(result.text).toContain('Hanson Policy for School Staff');
  });

  it('keeps heading levels, list nesting, cells and line breaks', async () => {
    const html = `<html><head><title>T</title></head><body>
      <h1>Acceptable&nbsp;use</h1><h3>Email &amp; internet</h3>
      <ul><li>Staff <b>must not</b> share passwords
        <ul><li>including with <u>pupils</u></li></ul></li><li>Second</li></ul>
      <table><tr><td>Signed</td><td>Date</td></tr></table>
      <p>Line one<br>line two &pound;5 &#8211; &ldquo;ok&rdquo;</p></body></html>`;
    const result = await ingest(encode(html), 'x.html');
    expect(result.blocks.map((b) => [b.role, b.level, b.text])).toEqual([
      ['heading', 1, 'Acceptable use'],
      ['heading', 3, 'Email & internet'],
      ['list-item', 0, 'Staff must not share passwords'],
      ['list-item', 1, 'including with pupils'],
      ['list-item', 0, 'Second'],
      ['table-cell', 0, 'Signed'],
      ['table-cell', 0, 'Date'],
      ['paragraph', 0, 'Line one\nline two £5 – “ok”'],
    ]);
    expect(result.blocks[2]?.emphasis).toEqual(['must not']);
    expect(result.blocks[3]?.emphasis).toEqual(['pupils']);
    for (const b of result.blocks) expect(result.text.slice(b.start, b.end)).toBe(b.text);
  });
});

describe('Markdown reader', () => {
  it('parses YAML front matter into frontMatter and leaves it out of the text', async () => {
    const doc = await load('extra/minuteman-internet-social-media-agreement-2015.md');
    expect(doc.frontMatter?.['title']).toBe('MINUTEMAN AGREEMENT FOR INTERNET USE AND SOCIAL MEDIA');
    expect(doc.frontMatter?.['code']).toBe('IJND1');
    expect(doc.text).not.toContain('date-adoption');
    expect(doc.text.startsWith('(This agreement accompanyies policy IJND)')).toBe(true);
    expect(doc.clauses[0]?.emphasis).toEqual(['this agreement accompanyies policy ijnd']);
    expect(doc.hasAcknowledgementForm).toBe(true);
  });

  it('reads # headings and keeps going when front matter is broken', async () => {
    const result = await ingest(encode('---\ntitle: [unclosed\n---\n# Rules\n\nStaff **must** log off.\n'), 'x.md');
    expect(result.frontMatter).toBeUndefined();
    expect(result.warnings.join(' ')).toMatch(/front matter/);
    expect(result.blocks.map((b) => [b.role, b.text])).toEqual([
      ['heading', 'Rules'],
      ['unknown', 'Staff must log off.'],
    ]);
  });
});

describe('inline markup', () => {
  it('removes bold, italic, links and escapes; records only bold as emphasis', () => {
    const s = stripInlineMarkup('You **must not** use *personal* [email](http://x) or __USB__ \\*sticks\\* ***ever***');
    expect(s.text).toBe('You must not use personal email or USB *sticks* ever');
    expect(s.emphasis.map((e) => s.text.slice(e.start, e.end))).toEqual(['must not', 'USB', 'ever']);
  });

  it('leaves signature rules and bullets alone', () => {
    expect(stripInlineMarkup('Signed ______ Date ______').text).toBe('Signed ______ Date ______');
    expect(stripInlineMarkup('* item with 2 * 3').text).toBe('* item with 2 * 3');
  });
});

describe('reStructuredText', () => {
  it('turns over/underlined titles into headings and drops directives', async () => {
    const doc = await load('extra/lexden-montessori-staff-internet-access-2010.txt');
    expect(doc.text).not.toMatch(/===|---|\.\. include::/);
    expect(doc.headings.slice(0, 3).map((h) => [h.level, h.text])).toEqual([
      [1, 'Internet access'],
      [2, 'Policy'],
      [2, 'Management’s right to access information'],
    ]);
    const forbidden = doc.clauses.find((c) => c.text === 'Downloading software used for hacking or cracking passwords');
    expect(forbidden?.headingPath).toEqual(['Internet access', 'Internet', 'Forbidden']);
    expect(forbidden?.label).toBe('3');
  });
});

describe('large plain text', () => {
  it('ingests and structures a multi-megabyte file (linear time)', async () => {
    const paragraph = 'Staff must lock their screens when they leave a computer. Passwords must not be shared with anyone.';
    const lines: string[] = [];
    for (let i = 0; i < 40_000; i++) lines.push(i % 10 === 0 ? `${i / 10 + 1}. Section title` : `- ${paragraph}`);
    const doc = structure(await ingest(encode(lines.join('\n')), 'big.txt'));
    expect(doc.text.length).toBeGreaterThan(3_000_000);
    expect(doc.clauses.length).toBeGreaterThan(30_000);
  });
});
