import { describe, expect, it } from 'vitest';
import { guidanceFileSchema } from '../../../src/pipeline/taxonomy/schema.ts';
import { readYaml } from './seed-helpers.ts';

const guidance = guidanceFileSchema.parse(readYaml('content/taxonomy/guidance.yaml'));
const typeIds = (readYaml('content/taxonomy/types.yaml') as { types: { id: string }[] }).types.map((t) => t.id);
const sentences = (s: string) => s.split(/(?<=[.?!])\s+(?=[A-Z])/u).length;

describe('content/taxonomy/guidance.yaml', () => {
  it('has an entry for each of the 70 taxonomy types and no others', () => {
    expect(typeIds).toHaveLength(70);
    expect(Object.keys(guidance.types).sort()).toEqual([...typeIds].sort());
  });

  it('keeps each text to 1–3 sentences, asks a question, and names its sources', () => {
    for (const [id, entry] of Object.entries(guidance.types)) {
      expect(sentences(entry.why_it_matters), id).toBeLessThanOrEqual(3);
      expect(sentences(entry.what_to_ask), id).toBeLessThanOrEqual(2);
      expect(entry.what_to_ask.trim().endsWith('?'), id).toBe(true);
      expect(entry.sources?.length ?? 0, id).toBeGreaterThan(0);
    }
  });

  it('uses UK terms and the named current guidance', () => {
    const all = JSON.stringify(guidance);
    for (const name of ['KCSIE 2025', 'DfE filtering and monitoring standards', 'DfE cyber security standards', 'UK GDPR', 'ICO monitoring workers guidance 2023', "Teachers' Standards", 'DfE Generative AI in education', 'UKCIS sharing nudes and semi-nudes', 'Prevent duty guidance (2023)']) {
      expect(all, name).toContain(name);
    }
    expect(all).not.toMatch(/\b(?:principal's office|district|superintendent|faculty)\b/iu);
    expect(guidance.types['safe-generative-ai']?.what_to_ask).toMatch(/personal data/u);
  });
});
