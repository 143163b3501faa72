import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '@em/core';

/** Absolute path of an input file that must exist, or an InputError naming the path and the fix. */
export function requireInputFile(file: string, cwd: string, what = 'file'): string {
  const absolute = path.resolve(cwd, file);
  if (!existsSync(absolute)) {
    throw new InputError(`${file}: no such ${what} (looked for ${absolute}). Check the path and try again.`);
  }
  if (statSync(absolute).isDirectory()) {
    throw new InputError(`${file}: is a directory; pass the ${what} inside it.`);
  }
  return absolute;
}

/** Absolute path for an output file whose folder must exist. */
export function requireOutputPath(file: string, cwd: string): string {
  const absolute = path.resolve(cwd, file);
  const dir = path.dirname(absolute);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new InputError(`${file}: folder ${dir} does not exist; create it first or choose another path.`);
  }
  return absolute;
}

/** Parse a JSON file, naming the file and the position on a syntax error. */
export async function readJsonFile(file: string, cwd: string): Promise<unknown> {
  const absolute = requireInputFile(file, cwd, 'config file');
  const text = await readFile(absolute, 'utf8');
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InputError(`${file}: not valid JSON (${reason}). Fix the file; it must hold one JSON object.`);
  }
}
