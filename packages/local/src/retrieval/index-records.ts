import type { ReferenceRows } from '../reference/reference-rows.js';
import type { IndexRecord } from './name-index-arrays.js';

/** What an index is built from: records in an array, or the rows of a columnar reference store. */
export type IndexRecords = readonly IndexRecord[] | ReferenceRows;

/** Record `d`'s name, country and ticker, without materializing whole rows of a store. */
export function indexRecordAt(records: IndexRecords): (d: number) => IndexRecord {
  if (Array.isArray(records)) {
    const array = records as readonly IndexRecord[];
    return (d) => array[d]!;
  }
  const rows = records as ReferenceRows;
  return (d) => ({
    company_name: rows.field('company_name', d)!,
    country: rows.field('country', d),
    ticker: rows.field('ticker', d),
  });
}
