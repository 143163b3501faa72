import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { isProcessAlive } from './lock-info.js';

/**
 * Remove the temp files a crashed writer left beside `dbPath` (`<db>.em-index.tmp-PID`,
 * `<db>.em-model….tmp-PID`: written, then renamed into place) whose process is gone.
 * Returns the names removed.
 */
export function sweepStaleTempFiles(dbPath: string): string[] {
  const dir = path.dirname(dbPath);
  const prefix = `${path.basename(dbPath)}.`;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = /\.tmp-(\d+)$/.exec(name)?.[1];
    if (pid === undefined || isProcessAlive(Number(pid))) continue;
    try {
      rmSync(path.join(dir, name), { force: true });
      removed.push(name);
    } catch {
      // another process swept it first
    }
  }
  return removed;
}
