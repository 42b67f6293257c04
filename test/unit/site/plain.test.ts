/**
 * Issue 17 item 3: no internal code reaches a reader. Every clause type's description, as the site shows it, is
 * free of stance ids ("Stance D9"), research-brief sections ("§3"), design terms ("staleness hotspot") and slashes
 * for "or", while keeping what the description says.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { plainDescription } from '../../../src/site/plain.ts';

const types = (parse(readFileSync('content/taxonomy/types.yaml', 'utf8')) as { types: { id: string; description: string }[] }).types;
const INTERNAL = /\bD\d{1,2}\b|§|\bhotspot\b|\bStance\b|\bFeeds metadata\b|\bvs\.|\(\s*\)|^\s*$/;

describe('clause-type descriptions in plain English', () => {
  it('the taxonomy has maintainers’ notes to remove (the test would catch them)', () => {
    expect(types.some((t) => INTERNAL.test(t.description))).toBe(true);
  });

  it('no description, as shown, names an internal code or leaves a dangling fragment', () => {
    for (const t of types) {
      const shown = plainDescription(t.description);
      expect(shown, t.id).not.toMatch(INTERNAL);
      expect(shown, t.id).toMatch(/[.)]$/);
    }
  });

  it('keeps the description itself and reads word/word as words', () => {
    const passwords = types.find((t) => t.id === 'sec-passwords');
    expect(plainDescription(passwords?.description ?? '')).toBe('How to choose or store passwords; expiry rules; password managers.');
    const personal = types.find((t) => t.id === 'use-personal-use');
    expect(plainDescription(personal?.description ?? '')).toBe('Whether or when personal use is allowed.');
    expect(plainDescription('Encrypted email/portals, S2S/CTF, personal hotspots/4G/5G.')).toBe('Encrypted email or portals, S2S/CTF, personal hotspots/4G/5G.');
  });
});
