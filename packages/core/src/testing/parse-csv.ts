/**
 * A tiny, strict RFC 4180 CSV reader for tests: quoted fields may hold commas, doubled quotes
 * and line breaks; records end at LF or CRLF; a final line break is optional. A quote inside
 * an unquoted field, or text after a closing quote, throws (a writer must quote such fields).
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let closed = false;
  const malformed = (what: string) => new Error(`CSV record ${rows.length + 1}: ${what}`);
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') {
        quoted = false;
        closed = true;
      } else field += c;
      i += 1;
      continue;
    }
    if (closed && c !== ',' && c !== '\n' && c !== '\r') throw malformed(`text after a closing quote`);
    if (c === '"') {
      if (field.length > 0) throw malformed(`a quote inside an unquoted field`);
      quoted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
      closed = false;
    } else if (c === '\n' || c === '\r') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      closed = false;
      if (c === '\r' && text[i + 1] === '\n') i += 1;
    } else field += c;
    i += 1;
  }
  if (quoted) throw malformed('an unterminated quote');
  if (field.length > 0 || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Rows keyed by the header line's column names. Throws on a row whose width differs from the header. */
export function parseCsvObjects(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  if (header === undefined) return [];
  return rows.map((cells, index) => {
    if (cells.length !== header.length) {
      throw new Error(`CSV line ${index + 2}: ${cells.length} fields, header has ${header.length}`);
    }
    return Object.fromEntries(header.map((name, j) => [name, cells[j]!]));
  });
}
