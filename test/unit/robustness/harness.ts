/**
 * Shared by the robustness tests: run the real CLI as a subprocess, read what it wrote, and fingerprint folders.
 * Not a test file itself (vitest only picks up *.test.ts).
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const BAD = join(ROOT, 'test/fixtures/bad');
export const HOSTILE = join(ROOT, 'test/fixtures/hostile');
export const AS_OF = '2026-11-22';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * `tsx scripts/analyse.ts …` with the Node running the tests (the pinned one), from the project root, as a
 * user would run it. The CLI is tsx's own entry point, so this is `npx tsx` without npx's start-up cost.
 */
export function runCli(args: readonly string[], timeoutMs = 240_000): Promise<CliRun> {
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/analyse.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', fail);
    child.on('close', (code) => {
      clearTimeout(timer);
      ok({ code, stdout, stderr });
    });
  });
}

/** The usual invocation: `--input DIR --out OUT --as-of 2026-11-22`, plus any extra flags. */
export function analyse(input: string, out: string, ...extra: string[]): Promise<CliRun> {
  return runCli(['--input', input, '--out', out, '--as-of', AS_OF, ...extra]);
}

export function tempDir(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `pa-robust-${prefix}-`));
}

/** Lines that look like a JavaScript stack frame ("    at fn (file:line)"). */
export function stackLines(text: string): string[] {
  return text.split(/\r?\n/).filter((l) => /^\s{2,}at\s/.test(l));
}

/** Every file under `root`, as sorted forward-slash relative paths. */
export async function listTree(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(root.length + 1).split('\\').join('/'))
    .sort();
}

/** Relative path → sha256 of every file under `root`. */
export async function hashTree(root: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const rel of await listTree(root)) {
    out.set(rel, createHash('sha256').update(await readFile(join(root, rel))).digest('hex'));
  }
  return out;
}

/** RFC 4180 CSV (quotes, doubled quotes, CRLF or LF), tolerating a leading byte-order mark. */
export function parseCsv(text: string): string[][] {
  const s = text.replace(/^\uFEFF/, '');
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && s[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** A CSV file as its header and records keyed by column name. */
export async function readCsv(path: string): Promise<{ header: string[]; records: Record<string, string>[] }> {
  const [header = [], ...rows] = parseCsv(await readFile(path, 'utf8'));
  return { header, records: rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? '']))) };
}

/**
 * The value a CSV cell holds for `name`. The project's CSVs are Excel-safe: a cell Excel would run as a formula
 * (`=`, `+`, `@`, or `-` before a letter) is written with a leading `'`, so "-rf policy.txt" comes back as
 * "'-rf policy.txt". This undoes exactly that.
 */
export function csvText(cell: string): string {
  return /^'(?:[=+@\t\r]|-[^\d\s.])/.test(cell) ? cell.slice(1) : cell;
}

export interface DatasetJson {
  policies: { id: string; sourceFile: string; format: string; warnings: string[]; approved: string | null }[];
  errors: { sourceFile: string; error: string; code: string }[];
  warnings: { sourceFile: string; message: string }[];
}

export async function readJson<T>(path: string): Promise<T> {
  return JSON.parse(await readFile(path, 'utf8')) as T;
}

/** Every warning the run attached to one source file: the dataset's list and the policy's own. */
export function warningsFor(dataset: DatasetJson, sourceFile: string): string[] {
  return [
    ...dataset.warnings.filter((w) => w.sourceFile === sourceFile).map((w) => w.message),
    ...dataset.policies.filter((p) => p.sourceFile === sourceFile).flatMap((p) => p.warnings),
  ];
}

/** What a plain reason for each failure must mention, so a governor knows what to do next. */
export const REASON: Record<string, RegExp> = {
  'needs-ocr': /\bOCR\b/,
  encrypted: /password/i,
  'too-large': /\b(size|too (large|big)|\d+(\.\d+)? ?[KMG]B)\b/i,
  unsupported: /\bsave\b.*(\.docx|\bPDF\b)/i,
  empty: /\b(empty|no text)\b/i,
  corrupt: /\b(damaged|corrupt|truncated|not a (valid|complete|proper)|cannot be opened|could not be (opened|read))\b/i,
};
