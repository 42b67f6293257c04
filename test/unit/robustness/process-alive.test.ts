/**
 * Whether the process that left a lock, a staging folder or a temporary file still runs. In a container whose first
 * process does not collect orphans (as on this project's CI machines), a killed run stays in the process table as a
 * zombie; it must count as gone, or its leftovers would never be cleaned and its lock would block every later run.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { pidExists } from '../../../scripts/lib/process-alive.ts';

/** Starts `sleep` as an orphan (its shell exits at once), as tsx's child is once the tsx parent is killed. */
function orphan(): number {
  const r = spawnSync('bash', ['-c', 'sleep 120 >/dev/null 2>&1 & echo $!'], { encoding: 'utf8' });
  return Number(r.stdout.trim());
}

describe('pidExists', () => {
  it('is true for a running process and for this one', () => {
    const pid = orphan();
    try {
      expect(pidExists(pid)).toBe(true);
      expect(pidExists(process.pid)).toBe(true);
    } finally {
      process.kill(pid, 'SIGKILL');
    }
  });

  it('is false once that process has been killed, whether or not anyone collected it', async () => {
    const pid = orphan();
    process.kill(pid, 'SIGKILL');
    // The kernel marks it dead asynchronously; a few milliseconds suffice.
    for (let i = 0; i < 100 && pidExists(pid); i++) await new Promise((r) => setTimeout(r, 10));
    expect(pidExists(pid)).toBe(false);
  });

  it('is false for ids no process can have', () => {
    expect(pidExists(0)).toBe(false);
    expect(pidExists(-1)).toBe(false);
    expect(pidExists(Number.NaN)).toBe(false);
  });
});
