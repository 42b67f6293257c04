import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dateOrderFor } from '../../../src/pipeline/dates/index.ts';

const FIXTURES = join(import.meta.dirname, '../../fixtures');
const read = (p: string) => readFileSync(join(FIXTURES, p), 'utf8');

describe('which way round a document writes numeric dates', () => {
  it('takes the school’s nation first', () => {
    expect(dateOrderFor('Approved 04/12/2024', 'United States')).toMatchObject({ order: 'month-first', basis: 'nation' });
    expect(dateOrderFor('Approved 04/12/2024', 'Wales')).toMatchObject({ order: 'day-first', basis: 'nation' });
  });

  it('reads the US district agreement (extra fixture) as month first', () => {
    expect(dateOrderFor(read('extra/minuteman-internet-social-media-agreement-2015.md'))).toMatchObject({ order: 'month-first', basis: 'document' });
  });

  it('reads every seed as day first', () => {
    for (const f of ['000_f295fe4824b47e99.txt', '001_e467dfff412ec3fa.txt', '002_0133e99881feddac.txt', '003_ba2811e87db779cd.txt', '004_e10d6709eb2a89d0.txt']) {
      expect(dateOrderFor(read(`seeds/${f}`)).order, f).toBe('day-first');
    }
  });

  it('lets a date that only reads one way decide', () => {
    expect(dateOrderFor('Board vote 9/23/2019; next 04/05/2020')).toMatchObject({ order: 'month-first', basis: 'document' });
    expect(dateOrderFor('Signed 23/9/2019; next 04/05/2020')).toMatchObject({ order: 'day-first', basis: 'document' });
  });

  it('uses the words only one side uses', () => {
    const us = 'The School District superintendent and the Board of Education expect appropriate behavior.';
    expect(dateOrderFor(us)).toMatchObject({ order: 'month-first', basis: 'document' });
    const uk = 'The governing body and the headteacher expect appropriate behaviour.';
    expect(dateOrderFor(uk)).toMatchObject({ order: 'day-first', basis: 'document' });
  });

  it('falls back to day first, saying nothing decided it', () => {
    expect(dateOrderFor('Use the computers well. 04/05/2020')).toMatchObject({ order: 'day-first', basis: 'default' });
  });
});
