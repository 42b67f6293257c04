import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from '../../../src/pipeline/output/csv.ts';

describe('CSV for Excel', () => {
  it('starts with a byte-order mark and ends records with CRLF', () => {
    const csv = toCsv(['a', 'b'], [['1', 'x']]);
    expect(csv).toBe('\uFEFFa,b\r\n1,x\r\n');
  });
  it('keeps one record per line', () => {
    expect(csvField('line one\nline two\r\nthree')).toBe('line one line two three');
  });
  it('quotes commas and doubles quotes', () => {
    expect(csvField('He said "no", twice')).toBe('"He said ""no"", twice"');
  });
  it('stops Excel running a cell as a formula', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('-1.5')).toBe('-1.5');
  });
  it('prints numbers the same way everywhere', () => {
    expect(csvField(0.5)).toBe('0.500');
    expect(csvField(24)).toBe('24');
    expect(csvField(null)).toBe('');
  });
});
