import { readFileSync } from 'node:fs';

/**
 * RFC 4180 CSV (quoted fields, doubled quotes, CRLF) into objects keyed by the header.
 * Fields are sliced out of the text (no per-character building), so a million rows stay cheap.
 */
export function readCsv(file: string): Record<string, string>[] {
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  let at = 0;
  const nextRow = (): string[] | null => {
    if (at >= text.length) return null;
    const row: string[] = [];
    for (;;) {
      let value: string;
      if (text[at] === '"') {
        let end = at + 1;
        let parts = '';
        for (;;) {
          const q = text.indexOf('"', end);
          if (q < 0) throw new Error(`${file}: unterminated quoted field`);
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
      row.push(value);
      const c = text[at];
      if (c === ',') {
        at++;
        continue;
      }
      if (c === '\r') at++;
      if (text[at] === '\n') at++;
      return row;
    }
  };
  const header = nextRow();
  if (header === null) return [];
  const out: Record<string, string>[] = [];
  for (let row = nextRow(); row !== null; row = nextRow()) {
    if (row.length === 1 && row[0] === '') continue;
    const record: Record<string, string> = {};
    for (let i = 0; i < header.length; i++) record[header[i]!] = row[i] ?? '';
    out.push(record);
  }
  return out;
}
