import { closeSync, openSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

/** Bytes read per chunk: a file of any size is parsed without ever being one string. */
const CHUNK_BYTES = 1 << 24;

/**
 * RFC 4180 CSV (quoted fields, doubled quotes, CRLF), streamed: `onRow` gets each record's
 * fields in file order (the header first, as row 0). The file is read in 16 MB chunks, so it
 * may be larger than a JS string can be (10M reference rows: 1.2 GB); fields are sliced out of
 * the chunk text (no per-character building).
 */
export function forEachCsvRow(
  file: string,
  onRow: (fields: string[], row: number) => void,
  chunkBytes = CHUNK_BYTES,
): number {
  const fd = openSync(file, 'r');
  const buffer = Buffer.alloc(chunkBytes);
  const decoder = new StringDecoder('utf8');
  let text = '';
  let rows = 0;
  try {
    for (let started = false; ; ) {
      const n = readSync(fd, buffer, 0, buffer.length, null);
      const final = n === 0;
      text += final ? decoder.end() : decoder.write(buffer.subarray(0, n));
      if (!started && text.length > 0) {
        text = text.replace(/^\uFEFF/, '');
        started = true;
      }
      let at = 0;
      for (;;) {
        const parsed = parseRow(text, at, final, file);
        if (parsed === null) break;
        at = parsed.next;
        const fields = parsed.fields;
        if (!(fields.length === 1 && fields[0] === '')) onRow(fields, rows++);
      }
      text = text.slice(at);
      if (final) return rows;
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * The record starting at `at`, or null when the text ends before the record does (more text
 * may follow) or, on the last chunk, at the end of the text.
 */
function parseRow(
  text: string,
  at: number,
  final: boolean,
  file: string,
): { fields: string[]; next: number } | null {
  if (at >= text.length) return null;
  const fields: string[] = [];
  for (;;) {
    let value: string;
    if (text[at] === '"') {
      let end = at + 1;
      let parts = '';
      for (;;) {
        const q = text.indexOf('"', end);
        if (q < 0 || (q + 1 >= text.length && !final)) {
          if (final) throw new Error(`${file}: unterminated quoted field`);
          return null;
        }
        parts += text.slice(end, q);
        if (text[q + 1] === '"') {
          parts += '"';
          end = q + 2;
        } else {
          at = q + 1;
          break;
        }
      }
      value = parts;
    } else {
      let end = at;
      while (end < text.length && text[end] !== ',' && text[end] !== '\n' && text[end] !== '\r') end++;
      value = text.slice(at, end);
      at = end;
    }
    fields.push(value);
    const c = text[at];
    if (c === ',') {
      at++;
      continue;
    }
    if (c === undefined && !final) return null; // the record may go on in the next chunk
    if (c === '\r') {
      if (at + 1 >= text.length && !final) return null;
      at++;
    }
    if (text[at] === '\n') at++;
    return { fields, next: at };
  }
}

/** A whole (small) CSV file as objects keyed by its header. */
export function readCsv(file: string): Record<string, string>[] {
  let header: string[] = [];
  const out: Record<string, string>[] = [];
  forEachCsvRow(file, (fields, row) => {
    if (row === 0) {
      header = fields;
      return;
    }
    const record: Record<string, string> = {};
    for (let i = 0; i < header.length; i++) record[header[i]!] = fields[i] ?? '';
    out.push(record);
  });
  return out;
}

/** Line breaks in a file: an upper bound on its CSV records (quoted fields may span lines). */
export function countLines(file: string): number {
  const fd = openSync(file, 'r');
  const buffer = Buffer.alloc(CHUNK_BYTES);
  let lines = 0;
  try {
    for (
      let n = readSync(fd, buffer, 0, buffer.length, null);
      n > 0;
      n = readSync(fd, buffer, 0, buffer.length, null)
    ) {
      for (let i = buffer.indexOf(10, 0); i !== -1 && i < n; i = buffer.indexOf(10, i + 1)) lines++;
    }
  } finally {
    closeSync(fd);
  }
  return lines + 1;
}
