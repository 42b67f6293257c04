import { diffArrays } from 'diff';
import { describe, expect, it } from 'vitest';
import { load, normalise } from './fixtures.ts';

/** The generated fixtures: one seed policy each, written as .txt, .md, .html, .docx and .pdf. */
const POLICIES = ['westbrook', 'hanson', 'ict-user-policy'];
const FORMATS = ['md', 'html', 'docx', 'pdf'];

/** Share of the reference clause texts found, in order, in the other list. */
function inOrderShare(reference: string[], other: string[]): number {
  const common = diffArrays(reference, other)
    .filter((part) => !part.added && !part.removed)
    .reduce((n, part) => n + part.count, 0);
  return common / reference.length;
}

describe('the same policy in every format yields the same clauses', () => {
  for (const policy of POLICIES) {
    for (const format of FORMATS) {
      it(`${policy}.${format} matches ${policy}.txt`, async () => {
        const txt = await load(`formats/${policy}.txt`);
        const other = await load(`formats/${policy}.${format}`);
        expect(other.format).toBe(format);
        const reference = txt.clauses.map((c) => normalise(c.text));
        const texts = other.clauses.map((c) => normalise(c.text));
        expect(reference.length).toBeGreaterThan(80);
        expect(inOrderShare(reference, texts)).toBeGreaterThanOrEqual(0.95);
        expect(Math.abs(texts.length - reference.length)).toBeLessThanOrEqual(Math.ceil(reference.length * 0.05));
        // Labels survive where the format keeps them as text.
        const labels = (d: typeof txt): string[] => d.clauses.map((c) => c.label ?? '').filter((l) => l !== '');
        expect(labels(other)).toEqual(labels(txt));
        expect(other.headings.map((h) => normalise(h.text))).toEqual(txt.headings.map((h) => normalise(h.text)));
        expect(other.hasAcknowledgementForm).toBe(txt.hasAcknowledgementForm);
      });
    }
  }

  it('keeps Word and HTML emphasis out of the text but in `emphasis`', async () => {
    for (const format of ['txt', 'md', 'html', 'docx']) {
      const doc = await load(`formats/hanson.${format}`);
      const clause = doc.clauses.find((c) => c.text.startsWith('must sign and agree to the terms of the loan agreement'));
      expect(clause, format).toBeDefined();
      expect(clause?.text).not.toContain('*');
      expect(clause?.emphasis).toEqual(['must']);
    }
  });

  it('reads the PDF page furniture it wrote as furniture, not clauses', async () => {
    const doc = await load('formats/westbrook.pdf');
    expect(doc.pages).toBeGreaterThan(3);
    const furniture = doc.excluded.filter((x) => x.kind === 'running-header' || x.kind === 'page-number');
    expect(furniture.length).toBeGreaterThanOrEqual(doc.pages ?? 0);
    expect(doc.clauses.some((c) => /Page \d+ of \d+|Acceptable Use Policy$/.test(c.text))).toBe(false);
  });
});
