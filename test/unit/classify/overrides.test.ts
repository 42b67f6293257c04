import { beforeAll, describe, expect, it } from 'vitest';
import { applyLabelOverrides, computeCoverage, labelOverrideSchema, type LabelOverride } from '../../../src/pipeline/classify/index.ts';
import { writeCoverage, loadContentTaxonomy, type DocResult } from '../../../scripts/dev-score.ts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const taxonomy = loadContentTaxonomy();
let westbrook: DocResult;

beforeAll(async () => {
  const { results } = await writeCoverage('seeds', mkdtempSync(join(tmpdir(), 'pa-ovr-')), taxonomy);
  const found = results.find((r) => r.file.startsWith('001_'));
  if (!found) throw new Error('seed 001 missing');
  westbrook = found;
});

const clauseWith = (snippet: string) => {
  const c = westbrook.doc.clauses.find((x) => x.text.includes(snippet));
  if (!c) throw new Error(`no clause with "${snippet}"`);
  return c;
};

describe('label overrides on a real seed policy', () => {
  it('validates entries from content/overrides.yaml', () => {
    const ok = labelOverrideSchema.safeParse({ policy: 'westbrook', clause: 'c0042', quote: 'no personal equipment', type: 'dev-byod-network', action: 'confirm' });
    expect(ok.success).toBe(true);
    expect(labelOverrideSchema.safeParse({ policy: 'x', clause: '42', quote: 'abc', type: 't', action: 'confirm' }).success).toBe(false);
    expect(labelOverrideSchema.safeParse({ policy: 'x', clause: 'c0001', quote: 'abc', type: 't', action: 'delete' }).success).toBe(false);
  });

  it('confirms, adds and rejects labels, and coverage marks reviewer cells verified', () => {
    const byod = clauseWith('No personal equipment should be connected');
    const phones = clauseWith('Personal mobile numbers should not be given');
    const entries: LabelOverride[] = [
      { policy: 'westbrook', clause: byod.id, quote: 'no personal equipment should be connected', type: 'dev-byod-network', action: 'confirm', note: 'stance D5: banned' },
      { policy: 'westbrook', clause: phones.id, quote: 'Personal mobile numbers', type: 'dev-wearables-smart-tech', action: 'add' },
      { policy: 'westbrook', clause: byod.id, quote: 'No personal equipment', type: 'sec-software-malware', action: 'reject' },
      { policy: 'another-school', clause: byod.id, quote: 'anything', type: 'sec-mfa', action: 'add' },
    ];
    const before = westbrook.classified.find((c) => c.clauseId === byod.id);
    expect(before?.labels.map((l) => l.typeId)).toContain('sec-software-malware');

    const { classified, unmatched } = applyLabelOverrides('westbrook', westbrook.doc.clauses, westbrook.classified, entries, taxonomy);
    expect(unmatched).toEqual([]);
    const after = classified.find((c) => c.clauseId === byod.id);
    expect(after?.labels[0]).toMatchObject({ typeId: 'dev-byod-network', confidence: 1, source: 'reviewer' });
    expect(after?.labels[0]?.cues[0]).toBe('reviewer confirm: stance D5: banned');
    expect(after?.labels.map((l) => l.typeId)).not.toContain('sec-software-malware');
    // The input is not mutated.
    expect(before?.labels.map((l) => l.typeId)).toContain('sec-software-malware');

    const cells = computeCoverage(classified, westbrook.doc.clauses, taxonomy);
    expect(cells.find((c) => c.typeId === 'dev-wearables-smart-tech')).toMatchObject({ status: 'present', verified: true, confidence: 1 });
    expect(cells.find((c) => c.typeId === 'dev-byod-network')?.verified).toBe(true);
    expect(cells.find((c) => c.typeId === 'sec-passwords')?.verified).toBe(false);
  });

  it('returns overrides whose clause is gone or no longer says the quote', () => {
    const byod = clauseWith('No personal equipment should be connected');
    const entries: LabelOverride[] = [
      { policy: 'westbrook', clause: 'c9999', quote: 'No personal equipment', type: 'dev-byod-network', action: 'confirm' },
      { policy: 'westbrook', clause: byod.id, quote: 'personal equipment may be connected', type: 'dev-byod-network', action: 'confirm' },
      { policy: 'westbrook', clause: byod.id, quote: 'No personal equipment', type: 'dev-byod-netwrk', action: 'add' },
    ];
    const { classified, unmatched } = applyLabelOverrides('westbrook', westbrook.doc.clauses, westbrook.classified, entries, taxonomy);
    expect(unmatched.map((u) => u.reason)).toEqual([
      'clause c9999 is not in policy westbrook',
      `clause ${byod.id} no longer contains the quote "personal equipment may be connected"`,
      'unknown clause type "dev-byod-netwrk"',
    ]);
    expect(classified).toEqual(westbrook.classified);
  });
});
