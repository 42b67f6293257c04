/**
 * The hostile policy in every input format through the CLI: all five are read, and the payloads reach the
 * published text as text (the site test then checks in Chromium that none of them runs).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE_PAYLOADS } from '../../../scripts/make-bad-inputs.ts';
import { HOSTILE, analyse, csvText, parseCsv, readCsv, stackLines, tempDir, type CliRun } from './harness.ts';

let out: string;
let run: CliRun;
let ids: Map<string, string>;

beforeAll(async () => {
  out = join(await tempDir('hostile'), 'out');
  run = await analyse(HOSTILE, out, '--strict');
  const { records } = await readCsv(join(out, 'policies.csv'));
  ids = new Map(records.map((r) => [csvText(r['source_file'] ?? ''), r['policy_id'] ?? '']));
}, 300_000);

const collapse = (s: string) => s.replace(/\s+/g, ' ');

describe('hostile text through every format', () => {
  it('reads all five files (exit 0 under --strict)', () => {
    expect(run.code, `${run.stdout}\n${run.stderr}`).toBe(0);
    expect(stackLines(`${run.stdout}\n${run.stderr}`)).toEqual([]);
    expect([...ids.keys()].sort()).toEqual(['hostile-policy.docx', 'hostile-policy.html', 'hostile-policy.md', 'hostile-policy.pdf', 'hostile-policy.txt']);
  });

  it.each(['txt', 'html', 'docx', 'pdf'])('hostile-policy.%s: the published text keeps the payloads as text', async (ext) => {
    const detail = JSON.parse(await readFile(join(out, 'policies', `${ids.get(`hostile-policy.${ext}`)}.json`), 'utf8')) as { text: string | null };
    const text = collapse(detail.text ?? '');
    for (const payload of HOSTILE_PAYLOADS) {
      if (payload.startsWith('[click]') && ext === 'txt') continue; // may be read as a Markdown link; see the ingest test
      expect(text, payload).toContain(payload);
    }
  });

  it('keeps CSV cells one record per line and defuses formula-like cells', async () => {
    for (const f of ['policies.csv', 'coverage.csv', 'findings.csv']) {
      const rows = parseCsv(await readFile(join(out, f), 'utf8'));
      const width = rows[0]?.length ?? 0;
      for (const r of rows) {
        expect(r.length, f).toBe(width);
        for (const cell of r) expect(cell, `${f}: ${cell}`).not.toMatch(/^(?:[=+@]|-[^\d\s.])/);
      }
    }
  });
});
