import { GOLD_STANDARD_COLUMNS } from '@em/core';
import { TruthRow } from '../schemas/truth-row.js';
import { parseRows } from './parse-rows.js';
import { readTableFile } from './read-table-file.js';

/**
 * Read a gold standard from CSV/TSV or Parquet: source_id, source_system, true_ciq_id
 * (empty = no true match) and any other columns (boolean ones can be subsets, e.g. `hard`).
 */
export async function loadTruth(path: string): Promise<TruthRow[]> {
  const table = await readTableFile(path, ['csv', 'tsv', 'parquet']);
  return parseRows(
    table,
    TruthRow,
    GOLD_STANDARD_COLUMNS,
    'every row needs a non-empty source_id and source_system; leave true_ciq_id empty when the company is not in the reference.',
  );
}
