/**
 * Shared by the robustness tests: run the real CLI as a subprocess, read what it wrote, and fingerprint folders.
 * Not a test file itself (vitest only picks up *.test.ts).
 */
import { spawn, spawnSync } from 'node:child_process';
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

/** Every file under `root` that is not hidden (the bookkeeping files start with a dot), by path, as text. */
export async function visibleFiles(root: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const rel of await listTree(root)) if (!rel.split('/').some((part) => part.startsWith('.'))) files.set(rel, await readFile(join(root, rel), 'utf8'));
  return files;
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

export interface CliProcess {
  /** Settles when the whole process group has ended. */
  ended: Promise<CliRun & { signal: NodeJS.Signals | null }>;
  /** SIGKILL to the CLI and everything it started (tsx runs the script in a child process). */
  kill(): void;
  /** What it has printed on stdout so far. */
  printed(): string;
}

/** The CLI in a process group of its own, so a test can kill it the way a CI timeout or the OOM killer would. */
export function startCli(args: readonly string[], env: Record<string, string> = {}): CliProcess {
  const child = spawn(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/analyse.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const kill = () => {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  const timer = setTimeout(kill, 240_000);
  const ended = new Promise<CliRun & { signal: NodeJS.Signals | null }>((ok, fail) => {
    child.on('error', fail);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      ok({ code, signal, stdout, stderr });
    });
  });
  return { ended, kill, printed: () => stdout };
}

/** Names in `dir` that a run leaves only while running or when killed (staging, previous output, lock). */
export async function leftoversBeside(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((n) => n.includes('.policy-atlas-')).sort();
}

/**
 * Mounts a tmpfs of `size` (e.g. "3m") on `dir`; false where the test may not mount (not root, no CAP_SYS_ADMIN),
 * and the test then injects the same fault with fs-fault.mjs.
 */
export function mountTmpfs(dir: string, size: string): boolean {
  return spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'ignore' }).status === 0;
}

export function remount(dir: string, mode: 'ro' | 'rw'): boolean {
  return spawnSync('mount', ['-o', `remount,${mode}`, dir], { stdio: 'ignore' }).status === 0;
}

export function unmount(dir: string): void {
  spawnSync('umount', [dir], { stdio: 'ignore' });
}

/** Environment that makes the CLI's writes under `dir` fail with `code` after `afterBytes` bytes (see fs-fault.mjs). */
export function injectedFault(dir: string, code: string, afterBytes = 0): Record<string, string> {
  return {
    NODE_OPTIONS: `${process.env['NODE_OPTIONS'] ?? ''} --import ${join(ROOT, 'test/unit/robustness/fs-fault.mjs')}`.trim(),
    PA_FAULT_UNDER: dir,
    PA_FAULT_CODE: code,
    PA_FAULT_AFTER_BYTES: String(afterBytes),
  };
}

/** Runs the CLI to the end with extra environment variables. */
export async function runCliWith(args: readonly string[], env: Record<string, string>): Promise<CliRun> {
  const { code, stdout, stderr } = await startCli(args, env).ended;
  return { code, stdout, stderr };
}
