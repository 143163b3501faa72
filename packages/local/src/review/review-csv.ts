import { escapeFormulaCell, unescapeFormulaCell } from '@em/core/text';

/**
 * RFC 4180 CSV for the review files (small, edited in spreadsheets): read with line numbers, write.
 * Text cells a spreadsheet would run as formulas are written with a leading `'` and read back
 * without it (see escapeFormulaCell in @em/core).
 */

export interface CsvRecord {
  /** 1-based line of the file on which the record starts (the header is line 1). */
  readonly line: number;
  readonly fields: string[];
}

const DELIMITERS = [',', ';', '\t'] as const;

/** The delimiter the header line uses most outside quotes (spreadsheets in some locales save with ';'). */
function detectDelimiter(text: string): string {
  const end = text.indexOf('\n');
  const header = end < 0 ? text : text.slice(0, end);
  const unquoted = header.replace(/"[^"]*"/g, '');
  let best: string = DELIMITERS[0];
  for (const d of DELIMITERS) if (unquoted.split(d).length > unquoted.split(best).length) best = d;
  return best;
}

/**
 * Every record of `text` (header first), fields unquoted, with the line each starts on.
 * Quoted fields may hold delimiters, "" and line breaks; CRLF and a UTF-8 BOM are accepted;
 * blank lines are skipped. An unterminated quote is reported through `onError`.
 */
export function parseCsv(text: string, onError: (line: number, message: string) => void): CsvRecord[] {
  const source = text.replace(/^\uFEFF/, '');
  const delimiter = detectDelimiter(source);
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  let quoteLine = 0;
  const endRecord = () => {
    fields.push(field);
    fields = fields.map(unescapeFormulaCell);
    if (fields.length > 1 || fields[0]!.trim() !== '') records.push({ line: start, fields });
    fields = [];
    field = '';
  };
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (quoted) {
      if (c === '"' && source[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
      quoteLine = line;
    } else if (c === delimiter) {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && source[i + 1] === '\n') i++;
      endRecord();
      line++;
      start = line;
    } else field += c;
  }
  if (quoted) onError(quoteLine, 'a quoted field is never closed; close the quote (") or remove it');
  if (field !== '' || fields.length > 0) endRecord();
  return records;
}

/** One CSV line (with \n): fields quoted only where needed. */
export function csvLine(fields: readonly (string | number | null | undefined)[]): string {
  return `${fields
    .map((v) => {
      const text =
        v === null || v === undefined ? '' : typeof v === 'number' ? String(v) : escapeFormulaCell(v);
      return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
    })
    .join(',')}\n`;
}
