import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, readlink, rename, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutputWriter, writeOutputs } from '../../../scripts/lib/write.ts';
import { OutputError, describeWriteError } from '../../../scripts/lib/output-error.ts';

describe('writeOutputs', () => {
  it('replaces its own files, removes ones it no longer writes, and leaves the user\'s alone', async () => {
    const out = await mkdtemp(join(tmpdir(), 'pa-out-'));
    await writeFile(join(out, 'my-notes.txt'), 'mine');
    await writeOutputs(out, new Map([['a.csv', 'one'], ['policies/x.json', '{}']]));
    await writeOutputs(out, new Map([['a.csv', 'two']]));
    expect(await readFile(join(out, 'a.csv'), 'utf8')).toBe('two');
    expect(await readFile(join(out, 'my-notes.txt'), 'utf8')).toBe('mine');
    expect(await readdir(join(out, 'policies'))).toEqual([]);
    expect((await readdir(out)).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });
  it('refuses a name that would escape the folder', async () => {
    const out = await mkdtemp(join(tmpdir(), 'pa-out-'));
    await expect(writeOutputs(out, new Map([['../escape.txt', 'x']]))).rejects.toThrow(/outside the output folder/);
  });
});

describe('OutputWriter', () => {
  it('streams a file into place on finish, and skips rewriting a file whose content is unchanged', async () => {
    const out = await mkdtemp(join(tmpdir(), 'pa-out-'));
    const first = await OutputWriter.open(out);
    const csv = await first.stream('big.csv');
    await csv.write('a,b\r\n');
    await csv.write('1,2\r\n');
    await first.file('policies/p.json', '{"v":1}');
    await first.finish();
    expect(await readFile(join(out, 'big.csv'), 'utf8')).toBe('a,b\r\n1,2\r\n');
    const before = (await stat(join(out, 'policies/p.json'))).mtimeMs;
    await new Promise((r) => setTimeout(r, 20));
    const second = await OutputWriter.open(out);
    await second.file('policies/p.json', '{"v":1}');
    await second.finish();
    expect((await stat(join(out, 'policies/p.json'))).mtimeMs).toBe(before);
  });
  it('after a crash leaves no temporary file and keeps the previous run\'s files', async () => {
    const out = await mkdtemp(join(tmpdir(), 'pa-out-'));
    await writeOutputs(out, new Map([['big.csv', 'old']]));
    const run = await OutputWriter.open(out);
    const csv = await run.stream('big.csv');
    await csv.write('half a');
    await run.abort();
    expect(await readFile(join(out, 'big.csv'), 'utf8')).toBe('old');
    expect((await readdir(out)).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });
});

describe('OutputWriter: staged output, swapped whole', () => {
  const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid as number;

  it('writes nothing into the output folder until finish, then swaps the new output in', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'pa-stage-'));
    const out = join(parent, 'out');
    await writeOutputs(out, new Map([['a.csv', 'old'], ['policies/p.json', '{"v":1}']]));
    const run = await OutputWriter.open(out);
    await run.file('a.csv', 'new');
    await run.file('policies/q.json', '{"v":2}');
    expect(await readFile(join(out, 'a.csv'), 'utf8')).toBe('old');
    expect(await readdir(join(out, 'policies'))).toEqual(['p.json']);
    await run.finish();
    expect(await readFile(join(out, 'a.csv'), 'utf8')).toBe('new');
    expect((await readdir(join(out, 'policies'))).sort()).toEqual(['q.json']);
    expect(await readdir(parent)).toEqual(['out']);
  });

  it('hard-links an unchanged file rather than rewriting it, and carries the user\'s files and links over', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'pa-stage-'));
    const out = join(parent, 'out');
    await writeOutputs(out, new Map([['policies/p.json', '{"v":1}']]));
    const inode = (await stat(join(out, 'policies/p.json'))).ino;
    await mkdir(join(out, 'notes/empty'), { recursive: true });
    await writeFile(join(out, 'notes/mine.md'), 'my notes');
    await writeFile(join(out, 'policies/annotated.txt'), 'also mine');
    await symlink('notes/mine.md', join(out, 'latest-notes'));
    await writeOutputs(out, new Map([['policies/p.json', '{"v":1}']]));
    expect((await stat(join(out, 'policies/p.json'))).ino).toBe(inode);
    expect(await readFile(join(out, 'notes/mine.md'), 'utf8')).toBe('my notes');
    expect(await readFile(join(out, 'policies/annotated.txt'), 'utf8')).toBe('also mine');
    expect(await readlink(join(out, 'latest-notes'))).toBe('notes/mine.md');
    expect(await readdir(join(out, 'notes/empty'))).toEqual([]);
  });

  it('cleans up what a killed run left, and says so in one line', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'pa-stage-'));
    const out = join(parent, 'out');
    await writeOutputs(out, new Map([['clauses.csv', 'done']]));
    const pid = deadPid();
    await mkdir(join(parent, `.out.policy-atlas-staging-${pid}/policies`), { recursive: true });
    await writeFile(join(out, `clauses.csv.tmp-${pid}`), 'half');
    await writeFile(join(parent, 'someone-elses.tmp-1'), 'not ours');
    const notes: string[] = [];
    await writeOutputs(out, new Map([['clauses.csv', 'again']]), { onNote: (l) => notes.push(l) });
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/interrupted.*staging.*1 temporary file/);
    expect((await readdir(parent)).sort()).toEqual(['out', 'someone-elses.tmp-1']);
    expect((await readdir(out)).sort()).toEqual(['.policy-atlas-files.json', 'clauses.csv']);
  });

  it('puts the previous output back when a run died between moving it aside and moving the new one in', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'pa-stage-'));
    const out = join(parent, 'out');
    await writeOutputs(out, new Map([['a.csv', 'complete']]));
    const pid = deadPid();
    await rename(out, join(parent, `.out.policy-atlas-previous-${pid}`));
    await mkdir(join(parent, `.out.policy-atlas-staging-${pid}`));
    const notes: string[] = [];
    const run = await OutputWriter.open(out, { onNote: (l) => notes.push(l) });
    expect(await readFile(join(out, 'a.csv'), 'utf8')).toBe('complete');
    await run.abort();
    expect(notes.join('\n')).toMatch(/put back the previous output/);
    expect(await readdir(parent)).toEqual(['out']);
  });

  it('refuses an output path that is a file with a plain OutputError, and leaves the file alone', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'pa-stage-'));
    const file = join(parent, 'out');
    await writeFile(file, 'a file');
    await expect(writeOutputs(file, new Map([['a.csv', 'x']]))).rejects.toThrow(OutputError);
    await expect(writeOutputs(file, new Map([['a.csv', 'x']]))).rejects.toThrow(/is a file, not a folder/);
    expect(await readFile(file, 'utf8')).toBe('a file');
    expect(await readdir(parent)).toEqual(['out']);
  });
});

describe('describeWriteError', () => {
  const systemError = (code: string) => Object.assign(new Error(`${code}: failed`), { code, syscall: 'open', path: '/x' });

  it('turns each file-system failure into one sentence that names the place and says what to do', () => {
    for (const code of ['ENOSPC', 'EDQUOT', 'EROFS', 'EACCES', 'EPERM', 'ENOTDIR', 'EXDEV', 'EIO', 'EMFILE', 'EWHATEVER']) {
      const e = describeWriteError(systemError(code), 'the output folder site/data', 'the previous output is unchanged');
      expect(e, code).toBeInstanceOf(OutputError);
      const message = (e as Error).message;
      expect(message).toContain('site/data');
      expect(message).toMatch(/; (choose|free|check|close)/);
      expect(message).toMatch(/\(the previous output is unchanged\)\.$/);
      expect(message.split(/\.\s/)).toHaveLength(1);
    }
  });

  it('leaves a bug as it is, so it keeps its stack trace', () => {
    const bug = new TypeError('x is undefined');
    expect(describeWriteError(bug, 'the output folder out')).toBe(bug);
  });
});
