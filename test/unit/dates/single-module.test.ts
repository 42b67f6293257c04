/**
 * Dates are read in one place, src/pipeline/dates/. Anything else that spells out month names in a regular
 * expression, matches numeric date shapes, or hands strings to the JavaScript Date parser is a second date parser
 * with its own rules, which is how four slightly different ones came about.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');
const SRC = join(ROOT, 'src');
const HOME = join(SRC, 'pipeline', 'dates');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) return p === HOME ? [] : files(p);
    return /\.(?:ts|mts|tsx|astro|js|mjs)$/.test(n) ? [p] : [];
  });
}

const RULES: ReadonlyArray<readonly [string, RegExp]> = [
  ['Date.parse', /\bDate\.parse\s*\(/],
  ['new Date(<string>)', /\bnew\s+Date\s*\(\s*(?:['"`]|[a-z]\w*\s*\))/i],
  // Month names in an alternation: jan|feb, January|February, (?:jan(?:uary)?|feb…
  ['month-name regex', /\bjan[a-z()?:]*\s*\|\s*\(?(?:\?:)?feb/i],
  ['month-name regex', /\b(?:sep|sept|oct|nov)[a-z()?:]*\s*\|\s*\(?(?:\?:)?(?:oct|nov|dec)/i],
  // Numeric date shapes such as \d{1,2}[/.-]\d{1,2} or (\d{4})-(\d{2})-(\d{2}) used to pull a date apart.
  ['numeric date regex', /\\d\{1,2\}\)?\s*(?:\(\?<\w+>)?\[[^\]]*\/[^\]]*\]/],
  ['partial-date regex', /\(\\d\{4\}\)\s*(?:\(\?:)?-\(\\d\{2\}\)/],
];

describe('no date parsing outside src/pipeline/dates', () => {
  it('finds the module it guards', () => {
    expect(readdirSync(HOME)).toEqual(expect.arrayContaining(['index.ts', 'scan.ts', 'partial.ts', 'order.ts']));
  });

  it('the rules catch the forms they are for', () => {
    const src = readFileSync(join(HOME, 'scan.ts'), 'utf8') + readFileSync(join(HOME, 'partial.ts'), 'utf8');
    for (const [name, re] of RULES.filter(([n]) => n !== 'Date.parse' && n !== 'new Date(<string>)')) expect(re.test(src), name).toBe(true);
    expect(RULES[0]![1].test('const t = Date.parse(s);')).toBe(true);
    expect(RULES[1]![1].test('new Date(value)')).toBe(true);
    expect(RULES[1]![1].test('new Date(Date.UTC(y, m, 0))')).toBe(false);
  });

  it('no other source file parses dates', () => {
    const offences: string[] = [];
    for (const f of files(SRC)) {
      const lines = readFileSync(f, 'utf8').split('\n');
      lines.forEach((line, i) => {
        if (/^\s*(?:\/\/|\*|\/\*)/.test(line)) return;
        for (const [name, re] of RULES) if (re.test(line)) offences.push(`${relative(ROOT, f)}:${i + 1} ${name}: ${line.trim().slice(0, 100)}`);
      });
    }
    expect(offences).toEqual([]);
  });
});
