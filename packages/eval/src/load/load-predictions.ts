import { PredictionRow } from '../schemas/prediction-row.js';
import { parseRows } from './parse-rows.js';
import { readTableFile } from './read-table-file.js';

export interface LoadPredictionsOptions {
  /** Table to read from a DuckDB database file; default gold.matched_entities. */
  table?: string;
}

/**
 * Read predictions: a DuckDB database (its gold.matched_entities), or CSV/TSV, Parquet or
 * JSONL with the gold table's columns (candidates and usage may be JSON text).
 */
export async function loadPredictions(
  path: string,
  options: LoadPredictionsOptions = {},
): Promise<PredictionRow[]> {
  const table = await readTableFile(path, ['duckdb', 'csv', 'tsv', 'parquet', 'jsonl'], options);
  return parseRows(
    table,
    PredictionRow,
    ['source_id', 'source_system', 'matched_ciq_id', 'match_confidence', 'match_method'],
    'each prediction needs source_id, source_system, match_method, match_confidence between 0 and 1, and matched_ciq_id (empty for "no match").',
  );
}
