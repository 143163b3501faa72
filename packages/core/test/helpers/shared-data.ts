import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsvObjects } from '../../src/testing/parse-csv.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

/** /work/shared/data when checked out next to the repository (absent on a user's fresh clone). */
export const sharedDataDir = path.resolve(repoRoot, '../shared/data');

/** True when `relative` exists under the shared data folder; warns with the reason otherwise. */
export function hasSharedData(relative: string): boolean {
  const found = existsSync(path.join(sharedDataDir, relative));
  if (!found)
    console.warn(
      `skipping: ${path.join(sharedDataDir, relative)} is absent (benchmark data not checked out)`,
    );
  return found;
}

export function readSharedCsv(relative: string): Record<string, string>[] {
  return parseCsvObjects(readFileSync(path.join(sharedDataDir, relative), 'utf8'));
}

export function readSharedText(relative: string): string {
  return readFileSync(path.join(sharedDataDir, relative), 'utf8');
}
