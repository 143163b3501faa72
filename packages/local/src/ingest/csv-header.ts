import { open } from 'node:fs/promises';
import { InputError } from '@em/core';

const DELIMITERS = [',', ';', '\t', '|'] as const;
const MAX_HEADER_BYTES = 1 << 20;

export interface CsvHeader {
  readonly names: string[];
  readonly delimiter: (typeof DELIMITERS)[number];
  /** Whether the header line ends in CRLF. */
  readonly crlf: boolean;
}

/** The first line of the file, up to a newline outside quotes. */
async function readFirstLine(file: string): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(MAX_HEADER_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const text = buffer.subarray(0, bytesRead).toString('utf8');
    let quoted = false;
    for (let i = 0; i < text.length; i++) {
      if (text[i] === '"') quoted = !quoted;
      else if (text[i] === '\n' && !quoted) return text.slice(0, i + 1);
    }
    return text;
  } finally {
    await handle.close();
  }
}

function splitFields(line: string, delimiter: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) {
      fields.push(field);
      field = '';
    } else field += c;
  }
  fields.push(field);
  return fields;
}

/** Read and parse a CSV header; the delimiter is whichever of `, ; TAB |` it uses most (comma on ties). */
export async function readCsvHeader(file: string, expected: readonly string[]): Promise<CsvHeader> {
  const raw = await readFirstLine(file);
  const crlf = raw.endsWith('\r\n');
  const line = raw.replace(/^\uFEFF/, '').replace(/\r?\n$/, '');
  if (line.trim() === '') {
    throw new InputError(`${file} is empty: expected a header line such as\n  ${expected.join(',')}`);
  }
  const counts = DELIMITERS.map((d) => splitFields(line, d).length);
  const best = counts.indexOf(Math.max(...counts));
  const delimiter = DELIMITERS[best] ?? ',';
  return { names: splitFields(line, delimiter), delimiter, crlf };
}
