/**
 * The whole bad-input corpus through the real CLI, as a local authority would run it. Two identical runs and a
 * `--strict` run; the committed input folder is hashed before and after all three.
 */
import { access, readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BAD_INPUTS } from '../../../scripts/make-bad-inputs.ts';
import {
  BAD,
  analyse,
  csvText,
  hashTree,
  listTree,
  parseCsv,
  readCsv,
  readJson,
  REASON,
  stackLines,
  tempDir,
  warningsFor,
  type CliRun,
  type DatasetJson,
} from './harness.ts';

const READABLE = BAD_INPUTS.filter((b) => b.readable).map((b) => b.file);
const UNREADABLE = BAD_INPUTS.filter((b) => !b.readable);
const CONTRACT_POLICIES = ['policy_id', 'source_file', 'school', 'title', 'approved', 'last_reviewed', 'next_review', 'review_cycle_months'];

let parent: string;
let outA: string;
let outB: string;
let runA: CliRun;
let runB: CliRun;
let runStrict: CliRun;
let inputBefore: Map<string, string>;
let inputAfter: Map<string, string>;
let dataset: DatasetJson;
let policies: Record<string, string>[];
let errors: { header: string[]; records: Record<string, string>[] };

beforeAll(async () => {
  inputBefore = await hashTree(BAD);
  parent = await tempDir('bad');
  outA = join(parent, 'out-a');
  outB = join(parent, 'out-b');
  [runA, runB, runStrict] = await Promise.all([
    analyse(BAD, outA),
    analyse(BAD, outB),
    analyse(BAD, join(parent, 'out-strict'), '--strict'),
  ]);
  inputAfter = await hashTree(BAD);
  dataset = await readJson<DatasetJson>(join(outA, 'dataset.json'));
  policies = (await readCsv(join(outA, 'policies.csv'))).records;
  errors = await readCsv(join(outA, 'errors.csv'));
}, 300_000);

const console_ = () => `${runA.stdout}\n${runA.stderr}`;
const rowFor = (file: string) => policies.filter((r) => csvText(r['source_file'] ?? '') === file);

describe('a run over the bad-input corpus', () => {
  it('finishes with exit status 0 and prints no stack trace', () => {
    expect(runA.code, console_()).toBe(0);
    expect(stackLines(console_())).toEqual([]);
  });

  it('exits with status 1 under --strict, because some files failed', () => {
    expect(runStrict.code, runStrict.stderr).toBe(1);
    expect(stackLines(`${runStrict.stdout}\n${runStrict.stderr}`)).toEqual([]);
  });

  it('writes the contract files with their contract headers', async () => {
    for (const f of ['policies.csv', 'coverage.csv', 'findings.csv', 'errors.csv', 'dataset.json']) {
      await expect(access(join(outA, f)), f).resolves.toBeUndefined();
    }
    const header = parseCsv(await readFile(join(outA, 'policies.csv'), 'utf8'))[0] ?? [];
    expect(header.slice(0, CONTRACT_POLICIES.length)).toEqual(CONTRACT_POLICIES);
    expect(errors.header).toEqual(['source_file', 'error']);
  });

  it('keeps one record per line in every CSV (no raw line breaks inside a field)', async () => {
    for (const f of (await listTree(outA)).filter((p) => p.endsWith('.csv'))) {
      const text = (await readFile(join(outA, f), 'utf8')).replace(/^\uFEFF/, '');
      const rows = parseCsv(text);
      const lines = text.split(/\r?\n/).filter((l) => l !== '');
      expect(rows.length, f).toBe(lines.length);
      const width = rows[0]?.length ?? 0;
      for (const r of rows) expect(r.length, `${f}: ${r.join(',')}`).toBe(width);
    }
  });
});

describe('every readable file is processed', () => {
  it.each(READABLE)('%s has exactly one row in policies.csv and a policy page', async (file) => {
    const rows = rowFor(file);
    expect(rows, `policies.csv source_file values: ${policies.map((r) => r['source_file']).join(' | ')}`).toHaveLength(1);
    const id = rows[0]?.['policy_id'] ?? '';
    await expect(access(join(outA, 'policies', `${id}.json`))).resolves.toBeUndefined();
    expect(dataset.errors.map((e) => e.sourceFile)).not.toContain(file);
  });

  it('lists no unreadable file in policies.csv', () => {
    for (const b of UNREADABLE) expect(rowFor(b.file), b.file).toHaveLength(0);
    expect(policies).toHaveLength(READABLE.length);
  });

  it('decodes the Windows-1252 and UTF-16 files into the published text', async () => {
    const text = async (file: string) =>
      (await readJson<{ text: string | null }>(join(outA, 'policies', `${rowFor(file)[0]?.['policy_id']}.json`))).text ?? '';
    const cp1252 = await text('windows-1252.txt');
    expect(cp1252).toContain('up to £150 towards its repair');
    expect(cp1252).toContain('The “acceptable use” rules');
    expect(cp1252).not.toContain('\uFFFD');
    const utf16 = await text('utf-16le-bom.txt');
    expect(utf16).toContain('You should not use any school provided ICT equipment for personal purposes.');
    expect(utf16).not.toMatch(/[\u0000\uFEFF\uFFFD]/);
  });

  it('publishes none of the HTML file\'s script, style or handlers as policy text', async () => {
    const detail = await readFile(join(outA, 'policies', `${rowFor('hostile-markup.html')[0]?.['policy_id']}.json`), 'utf8');
    expect(detail).toContain('All equipment that constitutes the School');
    expect(detail).not.toMatch(/SCRIPT_MARKER|STYLE_MARKER|onmouseover|onerror|javascript:/);
  });
});

describe('odd but readable files carry a warning', () => {
  it('no-dates.txt: warns that no dates were found, and leaves the date columns empty', () => {
    expect(warningsFor(dataset, 'no-dates.txt').join(' | ')).toMatch(/\bdates?\b/i);
    const row = rowFor('no-dates.txt')[0];
    expect([row?.['approved'], row?.['last_reviewed'], row?.['next_review']]).toEqual(['', '', '']);
  });

  it('impossible-date.txt: warns about 31/02/2019 and never publishes it as a date', () => {
    expect(warningsFor(dataset, 'impossible-date.txt').join(' | ')).toMatch(/31\/02\/2019|impossible|invalid|not a (real|valid) date|does not exist/i);
    expect(['2019-02-31', '2019-03-03', '2019-03-02']).not.toContain(rowFor('impossible-date.txt')[0]?.['approved']);
  });

  it('future-date.txt: warns that the approval date is after --as-of', () => {
    expect(warningsFor(dataset, 'future-date.txt').join(' | ')).toMatch(/future|after|2031/i);
    expect(['2031-03-14', '']).toContain(rowFor('future-date.txt')[0]?.['approved']);
  });

  it('the duplicate pair: both are rows, and the copy is flagged as a duplicate of the other', () => {
    const a = warningsFor(dataset, 'westbrook-aup.txt');
    const b = warningsFor(dataset, 'westbrook-aup copy.txt');
    const flagged = [...a.filter((w) => w.includes('westbrook-aup copy.txt')), ...b.filter((w) => w.includes('westbrook-aup.txt'))];
    expect(flagged.join(' | '), `warnings: ${[...a, ...b].join(' | ')}`).toMatch(/duplicate|identical|same (file|bytes|text|content|document)/i);
  });
});

describe('every unreadable file is reported by name with a plain reason', () => {
  it.each(UNREADABLE.map((b) => [b.file, b.code ?? ''] as const))('%s → %s', (file, code) => {
    const rows = errors.records.filter((r) => csvText(r['source_file'] ?? '') === file);
    expect(rows, `errors.csv: ${JSON.stringify(errors.records)}`).toHaveLength(1);
    const reason = rows[0]?.['error'] ?? '';
    expect(reason).toMatch(REASON[code] ?? /./);
    expect(reason).not.toMatch(/\bat \w+ \(|\[object |undefined|TypeError|RangeError|ERR_/);
    expect(dataset.errors.find((e) => e.sourceFile === file)?.code).toBe(code);
    // The console summary names it, with the same reason.
    expect(console_()).toContain(file);
    expect(console_()).toContain(reason);
  });

  it('errors.csv lists failures only', () => {
    expect(errors.records.map((r) => csvText(r['source_file'] ?? '')).sort()).toEqual(UNREADABLE.map((b) => b.file).sort());
  });
});

describe('ids from odd file names', () => {
  it('are safe slugs and never collide', () => {
    const ids = policies.map((r) => r['policy_id'] ?? '');
    for (const id of ids) {
      expect(id).toMatch(/^[a-z0-9][a-z0-9-]*$/);
      expect(id).not.toContain('..');
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('give the slug-colliding pair distinct ids and say so', () => {
    const a = rowFor('Oakwood ICT Policy.txt')[0]?.['policy_id'];
    const b = rowFor('oakwood-ict-policy.txt')[0]?.['policy_id'];
    expect(a).toBeTruthy();
    expect(a).not.toBe(b);
    const said = [...warningsFor(dataset, 'Oakwood ICT Policy.txt'), ...warningsFor(dataset, 'oakwood-ict-policy.txt')];
    expect(said.join(' | ')).toMatch(/\bid\b/i);
  });

  it('keep every output inside the output folder, one level of policies/<id>.json and .csv at most', async () => {
    expect((await readdir(parent)).sort()).toEqual(['out-a', 'out-b', 'out-strict']);
    const ids = new Set(policies.map((r) => r['policy_id']));
    for (const rel of await listTree(outA)) {
      const parts = rel.split('/');
      expect(parts.length, rel).toBeLessThanOrEqual(2);
      if (parts[0] === 'policies') expect(ids.has(parts[1]?.replace(/\.(?:json|csv)$/, '')), rel).toBe(true);
    }
    expect((await readdir(join(outA, 'policies'))).length).toBe(ids.size * 2);
  });
});

describe('inputs and determinism', () => {
  it('never modifies, adds or removes an input file', () => {
    expect(inputBefore.size).toBe(BAD_INPUTS.length + 1); // + .gitattributes
    expect(inputAfter).toEqual(inputBefore);
  });

  it('gives byte-identical output folders for two runs with the same --as-of', async () => {
    expect(runB.code).toBe(runA.code);
    const a = await hashTree(outA);
    const b = await hashTree(outB);
    expect(a.size).toBeGreaterThan(READABLE.length);
    expect(b).toEqual(a);
  });
});
