import { readFile } from 'node:fs/promises';
import { InputError } from '@em/core';

/** One pair of a Ditto-format benchmark file: `left<TAB>right<TAB>label`, records as `COL attr VAL value …`. */
export interface DittoPair {
  left: string;
  right: string;
  label: 0 | 1;
}

/** Text lines of a file; a final newline does not make an extra line. */
export async function readLines(path: string): Promise<string[]> {
  const text = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/** Read a Ditto pairs file; a line without three tab-separated fields or a label other than 0/1 is an InputError. */
export async function readDittoPairs(path: string, file = path): Promise<DittoPair[]> {
  const lines = await readLines(path);
  return lines.map((line, index) => {
    const fields = line.split('\t');
    const label = fields[2]?.trim();
    if (fields.length !== 3 || (label !== '0' && label !== '1')) {
      throw new InputError(
        `${file} line ${index + 1}: expected left<TAB>right<TAB>label with label 0 or 1, found ${fields.length} field${fields.length === 1 ? '' : 's'}${fields.length === 3 ? ` and label ${JSON.stringify(label)}` : ''}. Fix the line (Ditto format: one pair per line).`,
      );
    }
    return { left: fields[0]!, right: fields[1]!, label: label === '1' ? 1 : 0 };
  });
}
