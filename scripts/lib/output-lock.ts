import { link, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { isRunning, thisProcess, type ProcessId } from './process-alive.ts';

/** How often a waiting run looks at the lock again. */
const POLL_MS = 200;
/** A lock file still empty or unreadable after this long was left by a process killed while creating it. */
const UNREADABLE_STALE_MS = 10_000;

export interface OutputLock {
  /** False if another run has taken the lock over (it judged this process gone): the caller must not swap. */
  stillHeld(): Promise<boolean>;
  release(): Promise<void>;
}

/**
 * One run at a time per output folder. The lock is a file beside the folder holding the holder's pid; a second run
 * waits for it (calling `onWait` once, to say so) and takes it over when that process is gone, so a killed run
 * never blocks the next one.
 *
 * The lock file appears complete or not at all: it is written under a private name and hard-linked into place,
 * which fails if another run got there first. Known gap: if two waiting runs notice the same dead holder at the
 * same instant, the check-then-take-over below can, very rarely, let both through; each then stages its own
 * folder, and `stillHeld` before the swap stops the one that lost.
 */
export async function acquireOutputLock(lockPath: string, onWait: (holder: ProcessId) => void): Promise<OutputLock> {
  const me = thisProcess();
  const body = `${JSON.stringify(me)}\n`;
  let told = false;
  for (;;) {
    if (await tryCreate(lockPath, body, me.pid)) break;
    const holder = await readHolder(lockPath);
    if (holder === 'gone') continue;
    if (holder === 'unreadable') {
      if (await olderThan(lockPath, UNREADABLE_STALE_MS)) await takeOver(lockPath, null, me.pid);
      else await sleep(POLL_MS);
      continue;
    }
    if (!isRunning(holder)) {
      await takeOver(lockPath, holder, me.pid);
      continue;
    }
    if (!told) onWait(holder);
    told = true;
    await sleep(POLL_MS);
  }
  return {
    stillHeld: async () => {
      const holder = await readHolder(lockPath);
      return typeof holder === 'object' && holder.pid === me.pid && holder.host === me.host && holder.start === me.start;
    },
    release: async () => {
      const holder = await readHolder(lockPath);
      if (typeof holder === 'object' && holder.pid === me.pid && holder.host === me.host) await rm(lockPath, { force: true });
    },
  };
}

async function tryCreate(lockPath: string, body: string, pid: number): Promise<boolean> {
  const mine = `${lockPath}.${pid}`;
  await writeFile(mine, body);
  try {
    await link(mine, lockPath);
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    // A file system without hard links: exclusive creation is the next best (a reader may see it half-written,
    // which readHolder treats as "unreadable" and waits out).
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP' || code === 'ENOSYS') {
      try {
        await writeFile(lockPath, body, { flag: 'wx' });
        return true;
      } catch (e2) {
        if ((e2 as NodeJS.ErrnoException).code === 'EEXIST') return false;
        throw e2;
      }
    }
    throw e;
  } finally {
    await rm(mine, { force: true });
  }
}

async function readHolder(lockPath: string): Promise<ProcessId | 'gone' | 'unreadable'> {
  let text: string;
  try {
    text = await readFile(lockPath, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw e;
  }
  try {
    const parsed = JSON.parse(text) as Partial<ProcessId>;
    if (typeof parsed.pid === 'number' && typeof parsed.host === 'string') {
      return { pid: parsed.pid, host: parsed.host, start: typeof parsed.start === 'string' ? parsed.start : null };
    }
  } catch {
    // fall through
  }
  return 'unreadable';
}

/**
 * Moves the stale lock aside under a private name, then checks that what was moved is the stale lock that was read
 * (another waiter may have replaced it with a live one in between); if not, puts it back.
 */
async function takeOver(lockPath: string, stale: ProcessId | null, pid: number): Promise<void> {
  const aside = `${lockPath}.stale-${pid}`;
  try {
    await rename(lockPath, aside);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw e;
  }
  const moved = await readHolder(aside);
  const same = stale === null ? moved === 'unreadable' : typeof moved === 'object' && moved.pid === stale.pid && moved.host === stale.host && moved.start === stale.start;
  if (same) await rm(aside, { force: true });
  else await link(aside, lockPath).then(() => rm(aside, { force: true }), () => rm(aside, { force: true }));
}

async function olderThan(path: string, ms: number): Promise<boolean> {
  try {
    return Date.now() - (await stat(path)).mtimeMs > ms;
  } catch {
    return false;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
