import { describe, expect, it } from 'vitest';
import { assignIds, slugify } from '../../../src/pipeline/ids.ts';

describe('slugify', () => {
  it('keeps ids to lower-case letters, digits and dashes', () => {
    expect(slugify('Oakwood Primary – ICT Policy (2012)')).toBe('oakwood-primary-ict-policy-2012');
    expect(slugify('École Saint-Étienne')).toBe('ecole-saint-etienne');
  });
  it('cannot produce a path that leaves the output folder', () => {
    for (const raw of ['../../etc/passwd', '-rf', '..', '/abs/path', 'a\\b', '.hidden']) {
      const slug = slugify(raw);
      expect(slug).toMatch(/^[a-z0-9][a-z0-9-]*$/);
    }
    expect(slugify('...')).toBe('untitled');
  });
});

describe('assignIds', () => {
  it('names a school folder and files directly under the input folder', () => {
    const { ids } = assignIds(['000_f295fe4824b47e99.txt', 'oakwood-primary/ict-use-policy-2012.txt']);
    expect(ids).toEqual([
      { sourceFile: '000_f295fe4824b47e99.txt', policyId: '000-f295fe4824b47e99', schoolId: '000-f295fe4824b47e99' },
      { sourceFile: 'oakwood-primary/ict-use-policy-2012.txt', policyId: 'oakwood-primary--ict-use-policy-2012', schoolId: 'oakwood-primary' },
    ]);
  });
  it('keeps the same document in two formats apart by extension', () => {
    const { ids, warnings } = assignIds(['s/policy.docx', 's/policy.pdf']);
    expect(ids.map((i) => i.policyId)).toEqual(['s--policy-docx', 's--policy-pdf']);
    expect(warnings).toEqual([]);
  });
  it('never lets two files share an id, and says so', () => {
    const { ids, warnings } = assignIds(['My Policy.txt', 'my-policy.txt', 'my_policy.txt']);
    expect(new Set(ids.map((i) => i.policyId)).size).toBe(3);
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings[0]?.message).toContain('was taken by another file');
  });
});
