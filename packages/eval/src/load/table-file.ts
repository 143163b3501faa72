/** Rows read from one file, with how to name a row's place in it in messages. */
export interface TableFile {
  /** The path as the user wrote it, for messages. */
  file: string;
  columns: string[];
  rows: Record<string, unknown>[];
  /** "line 12" for text files, "row 12" for Parquet and database tables. */
  locate: (index: number) => string;
}

export type FileFormat = 'csv' | 'tsv' | 'parquet' | 'jsonl' | 'duckdb';

const EXTENSIONS: Record<string, FileFormat> = {
  csv: 'csv',
  tsv: 'tsv',
  parquet: 'parquet',
  pq: 'parquet',
  jsonl: 'jsonl',
  ndjson: 'jsonl',
  json: 'jsonl',
  duckdb: 'duckdb',
  ddb: 'duckdb',
  db: 'duckdb',
};

/** The format a file's extension names (.csv .tsv .parquet .jsonl/.ndjson .duckdb/.db), or undefined. */
export function formatOf(file: string): FileFormat | undefined {
  const match = /\.([a-z0-9]+)$/i.exec(file);
  return match ? EXTENSIONS[match[1]!.toLowerCase()] : undefined;
}
