import { setTimeout as sleep } from 'node:timers/promises';
import { DuckDBInstance } from '@duckdb/node-api';
import { DatabaseBusyError, InputError } from '@em/core';
import type { DatabaseAccess } from './database-file.js';
import { readLiveLockInfo } from './lock-info.js';

const POLL_MS = 200;

const isLockConflict = (error: unknown): boolean =>
  /Could not set lock on file|Conflicting lock is held/i.test(String((error as Error)?.message ?? error));

/**
 * Open the DuckDB instance: read-only for access 'read' (many readers may share the file), else
 * read-write. While another process holds a conflicting lock, retry until `waitMs` has passed,
 * then throw DatabaseBusyError naming that process and its command when known.
 */
export async function openInstance(
  file: string,
  access: DatabaseAccess,
  waitMs: number,
): Promise<DuckDBInstance> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      return await DuckDBInstance.create(file, access === 'read' ? { access_mode: 'READ_ONLY' } : {});
    } catch (error) {
      if (!isLockConflict(error))
        throw new InputError(`Cannot open the database ${file}: ${(error as Error).message}`, {
          cause: error,
        });
      const left = deadline - Date.now();
      if (left <= 0) throw busyError(file, access, waitMs, error);
      await sleep(Math.min(POLL_MS, left));
    }
  }
}

function busyError(file: string, access: DatabaseAccess, waitMs: number, cause: unknown): DatabaseBusyError {
  const pidInMessage = /\(PID (\d+)\)/.exec(String((cause as Error).message))?.[1];
  const info = readLiveLockInfo(file);
  const pid = info?.pid ?? (pidInMessage ? Number(pidInMessage) : null);
  const holder = info
    ? `process ${info.pid} running \`${info.command}\`${info.startedAt ? ` (since ${info.startedAt})` : ''}`
    : pid !== null
      ? `process ${pid}`
      : 'another process';
  const why =
    access === 'read'
      ? 'Read-only commands can run side by side, but not while a command writes to it.'
      : 'Only one command at a time can write to it.';
  const waited = waitMs > 0 ? ` It was still busy after waiting ${Math.round(waitMs / 1000)} s.` : '';
  return new DatabaseBusyError(
    `${file} is in use by ${holder}. ${why}${waited} Wait for it to finish, or retry with --wait SECONDS to wait for it.`,
    { pid, command: info?.command ?? null },
    { cause },
  );
}
