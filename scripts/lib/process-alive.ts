import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';

/** Who holds something on disk (a lock, a staging folder): enough to tell later whether that process still runs. */
export interface ProcessId {
  pid: number;
  host: string;
  /** The kernel's start time of the process (Linux), so that a pid reused by another program is not taken for it. */
  start: string | null;
}

export function thisProcess(): ProcessId {
  return { pid: process.pid, host: hostname(), start: startTime(process.pid) };
}

/**
 * Whether a process is still running. A process on another host cannot be checked, so it counts as running: the
 * caller's message then tells the user which file to delete if it is not.
 */
export function isRunning(holder: ProcessId): boolean {
  if (holder.host !== hostname()) return true;
  if (!pidExists(holder.pid)) return false;
  if (holder.start === null) return true;
  const now = startTime(holder.pid);
  return now === null || now === holder.start;
}

/**
 * `kill(pid, 0)` checks existence without sending anything; EPERM means it exists but belongs to someone else.
 * A killed process whose parent never collects it (an orphan in a container whose first process does not reap)
 * stays in the table as a zombie, still answering `kill(pid, 0)`: it runs no code, so it counts as gone.
 */
export function pidExists(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
  const state = procState(pid);
  return state !== 'Z' && state !== 'X';
}

/**
 * The fields of /proc/<pid>/stat after the command name, so that `statField(pid, 0)` is field 3 (the state: R, S,
 * D, Z…) and `statField(pid, 19)` field 22 (the start time in clock ticks since boot); null where there is no /proc.
 */
function statField(pid: number, k: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may contain spaces: count fields after its closing one.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[k] ?? null;
  } catch {
    return null;
  }
}

const procState = (pid: number): string | null => statField(pid, 0);
const startTime = (pid: number): string | null => statField(pid, 19);
