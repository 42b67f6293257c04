import { describe, expect, it } from 'vitest';
import { extractMetadata } from '../../../src/pipeline/metadata/index.ts';
import type { MetaValue, PolicyMetadata } from '../../../src/pipeline/types.ts';
import { loadFixtures, type GoldMetadata } from './load-fixtures.ts';

const fixtures = loadFixtures();
const SCORED = [
  ['approved', 'approved'],
  ['last_reviewed', 'lastReviewed'],
  ['next_review', 'nextReview'],
  ['review_cycle_months', 'reviewCycleMonths'],
] as const;

function value(v: MetaValue<unknown> | null): unknown {
  return v === null ? null : v.value;
}

function evidenceOk(text: string, meta: PolicyMetadata): string[] {
  const bad: string[] = [];
  for (const [k, v] of Object.entries(meta)) {
    const ev = (v as MetaValue<unknown> | null)?.evidence;
    if (ev && text.slice(ev.start, ev.end) !== ev.quote) bad.push(k);
  }
  return bad;
}

describe('metadata matches the gold labels of every fixture', () => {
  it('finds all ten fixtures', () => {
    expect(fixtures.map((f) => f.file)).toHaveLength(10);
  });

  for (const f of fixtures) {
    describe(`${f.set}/${f.file}`, () => {
      const meta = extractMetadata(f.doc, { fileName: f.file, asOf: '2025-06-01' });

      for (const [goldKey, ourKey] of SCORED) {
        it(`${goldKey} is ${JSON.stringify(f.gold[goldKey])}`, () => {
          expect(value(meta[ourKey]), `${f.file} ${goldKey}`).toStrictEqual(f.gold[goldKey]);
        });
      }

      it(`title is ${JSON.stringify(f.gold.title)}`, () => {
        expect(value(meta.title), `${f.file} title`).toBe(f.gold.title);
      });

      it(`school is ${JSON.stringify(f.gold.school)} (when stated in the text)`, () => {
        // The gold leaves a school null when the text never names it; we may still offer a guess from an e-mail
        // address or web address, marked by its source.
        const stated = meta.school?.source === 'text' || meta.school?.source === 'front-matter' ? meta.school.value : null;
        expect(stated, `${f.file} school`).toBe(f.gold.school);
      });

      it('quotes every value exactly as it appears in the text', () => {
        expect(evidenceOk(f.doc.text, meta)).toEqual([]);
      });
    });
  }
});

describe('fallbacks and provenance in the seeds', () => {
  const byFile = new Map(fixtures.map((f) => [f.file, f]));
  const meta = (file: string) => {
    const f = byFile.get(file)!;
    return extractMetadata(f.doc, { fileName: file, asOf: '2025-06-01' });
  };

  it('guesses West Coventry Academy from the help-desk address when no school is named (S4)', () => {
    const m = meta('004_e10d6709eb2a89d0.txt');
    expect(m.school).toMatchObject({ value: 'West Coventry Academy', source: 'email-domain' });
    expect(m.school?.evidence?.quote).toBe('wcaicthelpdesk@westcoventryacademy.org');
    expect(m.warnings.join('\n')).toMatch(/guessed "West Coventry Academy"/);
  });

  it('does not read the model policy it is based on as Oakwood’s own date (S0)', () => {
    const m = meta('000_f295fe4824b47e99.txt');
    expect(m.approved?.evidence?.quote).toBe('Ratified: 19 October 2012');
    for (const v of [m.approved, m.lastReviewed, m.nextReview]) expect(v?.value ?? '').not.toMatch(/^2011/);
  });

  it('derives a cycle from the approval and review dates when none is stated (S2)', () => {
    const m = meta('002_0133e99881feddac.txt');
    expect(m.reviewCycleMonths).toEqual({ value: 12, evidence: null, source: 'derived' });
  });

  it('reads the approving body and audiences from labels and scope statements', () => {
    expect(meta('001_e467dfff412ec3fa.txt').approvingBody?.value).toBe('Governing Body');
    expect(meta('004_e10d6709eb2a89d0.txt').audiences?.value).toEqual(['staff', 'governors', 'volunteers', 'contractors', 'visitors']);
    expect(meta('003_ba2811e87db779cd.txt').audiences?.value).toEqual(expect.arrayContaining(['pupils', 'parents', 'staff']));
  });

  it('takes the adoption date from Markdown front matter', () => {
    const m = meta('minuteman-internet-social-media-agreement-2015.md');
    expect(m.approved).toMatchObject({ value: '2015-05-19', source: 'front-matter' });
  });
});

describe('per-field accuracy on the gold (scorer rules)', () => {
  for (const set of ['seeds', 'extra'] as const) {
    it(`is at least 0.90 on ${set}`, () => {
      let ok = 0;
      let n = 0;
      for (const f of fixtures.filter((x) => x.set === set)) {
        const m = extractMetadata(f.doc, { fileName: f.file });
        for (const [g, o] of SCORED) {
          const want = f.gold[g as keyof GoldMetadata] == null ? '' : String(f.gold[g as keyof GoldMetadata]);
          const got = m[o] ? String(m[o]!.value) : '';
          if (want === '' && got === '') continue;
          n++;
          if (want === got) ok++;
        }
      }
      expect(ok / n).toBeGreaterThanOrEqual(0.9);
    });
  }
});
