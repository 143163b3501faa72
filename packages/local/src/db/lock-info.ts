import { readFileSync, rmSync, writeFileSync } from 'node:fs';

/**
 * A small JSON file beside a database, written by the process that opens it for writing and
 * removed when it closes it (or exits), so a process that finds the database locked can say
 * which command holds it. A file whose process is gone is ignored.
 */
export interface LockInfo {
  readonly pid: number;
  readonly command: string;
  readonly startedAt: string;
}

export const lockInfoPath = (dbPath: string): string => `${dbPath}.em-lock`;

/** True when a process with this id exists (signal 0 checks without signalling). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Record this process as the writer of `dbPath`; returns the function that removes the record. */
export function writeLockInfo(dbPath: string, command: string): () => void {
  const file = lockInfoPath(dbPath);
  const info: LockInfo = { pid: process.pid, command, startedAt: new Date().toISOString() };
  try {
    writeFileSync(file, `${JSON.stringify(info)}\n`);
  } catch {
    return () => undefined; // a read-only folder: the lock itself still works, only the name is lost
  }
  const remove = () => {
    process.off('exit', remove);
    try {
      if ((readLockInfo(dbPath)?.pid ?? process.pid) === process.pid) rmSync(file, { force: true });
    } catch {
      // already gone
    }
  };
  process.on('exit', remove);
  return remove;
}

/** The lock record beside `dbPath` when its process still runs; null otherwise. */
export function readLiveLockInfo(dbPath: string): LockInfo | null {
  const info = readLockInfo(dbPath);
  return info && isProcessAlive(info.pid) ? info : null;
}

function readLockInfo(dbPath: string): LockInfo | null {
  try {
    const parsed = JSON.parse(readFileSync(lockInfoPath(dbPath), 'utf8')) as Partial<LockInfo>;
    return typeof parsed.pid === 'number' && typeof parsed.command === 'string'
      ? { pid: parsed.pid, command: parsed.command, startedAt: String(parsed.startedAt ?? '') }
      : null;
  } catch {
    return null;
  }
}
