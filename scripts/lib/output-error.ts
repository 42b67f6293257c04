/**
 * Operational failures where the program writes (the output folder, its staging folder, the cache): a full disk,
 * a path that is a file, a folder that cannot be written. They are the user's to fix, so they end the run with one
 * plain sentence and exit status 2, never a stack trace. Anything else thrown while writing is a bug and crashes.
 */
export class OutputError extends Error {
  override readonly name = 'OutputError';
}

/** A Node system error (`ENOSPC`, `EACCES`, …) as thrown by node:fs. */
interface SystemError {
  code: string;
  path?: string;
}

export function isSystemError(e: unknown): e is SystemError & Error {
  const code: unknown = e instanceof Error ? (e as { code?: unknown }).code : undefined;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code);
}

/**
 * Turns a file-system error met while writing `place` (a folder the user named, shown as they named it) into one
 * sentence saying what happened and what to do. `unchanged` is added in brackets when the previous output is known to be
 * intact. Errors that are not file-system errors are returned as they are, so a bug keeps its stack trace.
 */
export function describeWriteError(e: unknown, place: string, unchanged: string | null = null): unknown {
  if (e instanceof OutputError || !isSystemError(e)) return e;
  const sentence = sentenceFor(e.code, place);
  return new OutputError(unchanged === null ? `${sentence}.` : `${sentence} (${unchanged}).`, { cause: e });
}

function sentenceFor(code: string, place: string): string {
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return `the disk that holds ${place} is full, so the new files could not be written there; free some space or choose a folder on another disk`;
    case 'EROFS':
      return `${place} is on a read-only file system; choose a folder you can write to`;
    case 'EACCES':
    case 'EPERM':
      return `${place} cannot be written to (permission denied); choose a folder you can write to, or change that folder's permissions`;
    case 'ENOTDIR':
    case 'EEXIST':
      return `${place} cannot be made, because part of its path is a file, not a folder; choose another folder or move that file away`;
    case 'EXDEV':
      return `${place} and the folder beside it are on different file systems, so the new output cannot be swapped in whole; choose a folder inside it instead`;
    case 'EIO':
      return `the disk that holds ${place} reported an input/output error (it may be failing or disconnected); check the disk and run again`;
    case 'EMFILE':
    case 'ENFILE':
      return `too many files are open to write ${place}; close other programs or raise the open-file limit, then run again`;
    case 'ENAMETOOLONG':
      return `the path ${place} is too long for the file system; choose a shorter folder path`;
    default:
      return `${place} could not be written (${code}); check the folder and run again`;
  }
}
