import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** src/__fixtures__ (ships in the package beside dist/, which the built module lives in). */
export const FIXTURES_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../src/__fixtures__',
);

/** A trimmed wire-format fixture from src/__fixtures__, parsed fresh each time (safe to modify). */
export function fixture<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(readFileSync(path.join(FIXTURES_DIR, `${name}.json`), 'utf8')) as T;
}

/** A fixture kept verbatim (an HTML or plain-text error body), as the server sends it. */
export function rawFixture(file: string): string {
  return readFileSync(path.join(FIXTURES_DIR, file), 'utf8');
}
