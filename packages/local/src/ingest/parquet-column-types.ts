import path from 'node:path';
import { InputError } from '@em/core';

/** Columns whose values are codes: a number, date or boolean type there has already lost information. */
const CODE_COLUMNS = new Set(['ciq_id', 'source_id', 'source_system', 'ticker', 'lei', 'cusip', 'isin']);
/** Columns that may be numbers. */
const NUMERIC_OK = new Set(['market_cap']);

const TEXT = /^(VARCHAR|STRING|TEXT|UUID)$/i;
const INTEGER = /^(U?(TINY|SMALL|BIG|HUGE)?INT(EGER)?|U?INT\d*)$/i;

/**
 * Check the Parquet type of every column em maps: text is read as is. A code column (ids,
 * ticker, LEI, CUSIP, ISIN) of floating-point, decimal, date, time or boolean type is refused:
 * the writer has already turned `037833100` into `37833100` or `1e+20`. An integer code column,
 * and any other non-text column, is read as text with a warning.
 */
export function checkParquetColumnTypes(
  file: string,
  mapped: ReadonlyMap<string, number>,
  columns: readonly string[],
  types: readonly string[],
): string[] {
  const name = path.basename(file);
  const warnings: string[] = [];
  const refused: string[] = [];
  for (const [canonical, index] of mapped) {
    const type = types[index] ?? '';
    if (TEXT.test(type) || (NUMERIC_OK.has(canonical) && !/DATE|TIME|BOOL/i.test(type))) continue;
    const column = columns[index];
    if (CODE_COLUMNS.has(canonical) && !INTEGER.test(type)) refused.push(`${column} (${type})`);
    else
      warnings.push(
        `${name}: column ${column} has type ${type}, not text; it was read as text${CODE_COLUMNS.has(canonical) ? ' (leading zeros the writer dropped are not restored)' : ''}.`,
      );
  }
  if (refused.length > 0) {
    throw new InputError(
      `${name}: identifier column${refused.length > 1 ? 's' : ''} ${refused.join(', ')} must be text: a number, date or boolean type has already changed the codes (a CUSIP 037833100 becomes 37833100, a large one 1e+20). Write ${refused.length > 1 ? 'them' : 'it'} as strings (e.g. pandas dtype=str, pyarrow pa.string()) and ingest again.`,
    );
  }
  return warnings;
}
