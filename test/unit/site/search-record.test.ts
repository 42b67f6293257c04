import { beforeAll, describe, expect, it } from 'vitest';
import type { PolicyDetail } from '../../../src/pipeline/dataset.ts';
import { seedCorpus } from '../harmonise/corpus.ts';
import { policySearchHtml } from '../../../src/site/search-record.ts';

describe('policySearchHtml (what the search index holds for a policy)', () => {
  let oakwood: PolicyDetail | undefined;
  beforeAll(async () => {
    const { details } = await seedCorpus();
    oakwood = details.find((d) => d.summary.id.startsWith('oakwood'));
  });

  it('holds the heading, outdated references and stances with their quotes, in sections the page also has', () => {
    expect(oakwood).toBeDefined();
    if (!oakwood) return;
    const html = policySearchHtml(oakwood, false, 'Oakwood: Staff AUP');
    expect(html).toContain('<h1>Oakwood: Staff AUP</h1>');
    expect(html).toContain('data-pagefind-filter="type">Policy<');
    expect(html).toContain('<h2 id="outdated">Out-of-date references</h2>');
    expect(html).toMatch(/<p>MySpace[^<]*: “[^<]*MySpace/i);
    expect(oakwood.stances.length).toBeGreaterThan(0);
    expect(html).toContain('<h2 id="stances">');
    expect(html).not.toContain('id="text"');
  });

  it('adds the full text only when asked, escaped', () => {
    if (!oakwood) return;
    const withText = policySearchHtml({ ...oakwood, text: `${oakwood.text ?? ''}\n<script>alert(1)</script>` }, true, 'x');
    expect(withText).toContain('<h2 id="text">Full text</h2>');
    expect(withText).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(withText).not.toContain('<script>');
  });
});
