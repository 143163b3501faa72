import { readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import type { Database } from '../db/database.js';
import type { EntityColumns } from './entity-columns.js';
import { csvCellsReadOptions } from './silver/csv-cells.js';
import { NORMALIZED_COLUMNS } from './silver/normalize-batch.js';
import { NormalizePool } from './silver/normalize-pool.js';

export { searchText } from './silver/normalize-batch.js';

/** Bytes of bronze rows (as JSON) per batch handed to a normalization thread (about 25,000 rows). */
const BATCH_BYTES = '4MB';
/** Below this many rows, normalizing on this thread is quicker than starting threads. */
const ROWS_PER_THREAD = 50_000;

export interface SilverOptions {
  readonly onProgress?: (done: number, total: number) => void;
  /** Normalization threads (default for large batches: one per core but one, at least one, and this thread between its awaits; 0 = this thread only). */
  readonly workers?: number;
}

/** Rows handed to normalization threads; `finish` waits for them and writes silver. */
export interface SilverNormalization {
  /** Rows being normalized. */
  readonly total: number;
  /** Wait for the threads, then insert or replace the rows' silver rows (bronze must hold them by then). */
  finish(): Promise<void>;
  /** Stop without writing anything (the caller failed meanwhile). */
  abandon(): Promise<void>;
}

/**
 * Start normalizing the rows `rowsSql` selects (columns key_a, key_b, company_name, lei, cusip,
 * isin, country, industry): normalizeCompanyName, check-digit validation of LEI, ISIN and CUSIP
 * (invalid ones NULL, the raw value and the reason kept). DuckDB writes the rows as JSON files
 * of a few MB; worker threads normalize each into a CSV file while the caller goes on (e.g.
 * writes bronze); `finish` reads them all back with one MERGE beside the bronze columns.
 */
export async function startNormalizing(
  db: Database,
  spec: EntityColumns,
  rowsSql: string,
  options: SilverOptions = {},
): Promise<SilverNormalization> {
  const dir = await mkdtemp(path.join(tmpdir(), 'em-silver-'));
  const cleanup = () => rm(dir, { recursive: true, force: true });
  let total: number;
  try {
    ({ Count: total } = await db.one<{ Count: number }>(
      `COPY (${rowsSql}) TO '${path.join(dir, 'in').replaceAll("'", "''")}' (FORMAT json, ARRAY true, FILE_SIZE_BYTES '${BATCH_BYTES}')`,
      [],
      'normalizing',
    ));
  } catch (error) {
    await cleanup();
    throw error;
  }
  options.onProgress?.(0, total);
  if (total === 0) return { total, finish: cleanup, abandon: cleanup };
  const inputs = readdirSync(path.join(dir, 'in')).map((f) => path.join(dir, 'in', f));
  const outputs = inputs.map((_, i) => path.join(dir, `out-${i}.csv`));
  // One thread per core but one, and this thread between its awaits: DuckDB writes bronze
  // meanwhile on every core, so no more threads than cores normalize at once.
  const workers =
    options.workers ?? (total >= ROWS_PER_THREAD ? Math.max(1, Math.min(4, availableParallelism() - 1)) : 0);
  const pool = new NormalizePool(workers, { inline: options.workers === undefined });
  let done = 0;
  const jobs = Promise.all(
    inputs.map((input, i) =>
      pool.run({ input, output: outputs[i]! }).then((rows) => {
        done += rows;
        options.onProgress?.(done, total);
      }),
    ),
  ).finally(() => pool.close());
  jobs.catch(() => undefined); // awaited by finish or abandon; this only keeps it from counting as unhandled meanwhile
  return {
    total,
    async finish() {
      try {
        await jobs;
        await mergeSilver(db, spec, outputs);
      } finally {
        await cleanup();
      }
    },
    async abandon() {
      await jobs.catch(() => undefined);
      await cleanup();
    },
  };
}

/** The rows of `source` (bronze, or a staged load with the same columns) whose silver row is missing or stale. */
export const staleRowsSql = (spec: EntityColumns, source: string): string =>
  `SELECT b.${spec.key[0]} AS key_a, ${spec.kind === 'source' ? 'b.source_system' : 'NULL::VARCHAR'} AS key_b,
          b.company_name, b.lei, b.cusip, b.isin, b.country, b.industry
   FROM ${source} b LEFT JOIN ${spec.silverTable} v ON ${spec.key.map((k) => `v.${k} = b.${k}`).join(' AND ')}
   WHERE v.content_hash IS DISTINCT FROM b.content_hash`;

/**
 * Bring silver in line with bronze: every bronze row whose silver row is missing or carries
 * another content hash is normalized and written (see `startNormalizing`). Returns how many.
 */
export async function refreshSilver(
  db: Database,
  spec: EntityColumns,
  options: SilverOptions = {},
): Promise<number> {
  const normalizing = await startNormalizing(db, spec, staleRowsSql(spec, spec.table), options);
  await normalizing.finish();
  return normalizing.total;
}

/**
 * Insert or replace the silver rows of `files`: bronze columns as they are, joined with the
 * normalized ones. Into an empty silver table (the first ingest) a plain INSERT does it, which
 * DuckDB writes in parallel at a fraction of MERGE's cost (the normalized keys are unique: each
 * is one bronze row); otherwise a MERGE replaces the rows whose key is there.
 */
async function mergeSilver(db: Database, spec: EntityColumns, files: readonly string[]): Promise<void> {
  const keys = Object.fromEntries(spec.key.map((k) => [k, `t.${k}`]));
  const columns: Record<string, string> = {
    ...keys,
    normalized_name: 'e.normalized_name',
    base_name: 'e.base_name',
    legal_form: 'e.legal_form',
    original_name: 't.company_name',
    ticker: 't.ticker',
    lei: 'e.lei',
    cusip: 'e.cusip',
    isin: 'e.isin',
    lei_raw: 't.lei',
    cusip_raw: 't.cusip',
    isin_raw: 't.isin',
    identifier_notes: 'e.identifier_notes',
    country: 't.country',
    industry: 't.industry',
    search_text: 'e.search_text',
    content_hash: 't.content_hash',
    ...(spec.kind === 'source' ? {} : { sector: 't.sector' }),
  };
  const names = Object.keys(columns);
  const rows = `SELECT ${names.map((c) => `${columns[c]} AS ${c}`).join(', ')}
     FROM ${spec.table} t JOIN read_csv($1, ${csvCellsReadOptions(NORMALIZED_COLUMNS)}) e
       ON ${spec.key.map((k, i) => `t.${k} = e.key_${i === 0 ? 'a' : 'b'}`).join(' AND ')}`;
  const { stored } = await db.one<{ stored: number }>(
    `SELECT count(*) AS stored FROM ${spec.silverTable}`,
    [],
    'normalizing',
  );
  if (stored === 0) {
    await db.run(
      `INSERT INTO ${spec.silverTable} (${names.join(', ')}, processing_timestamp)
       SELECT *, now() FROM (${rows})`,
      [files],
      'normalizing',
    );
    return;
  }
  const updates = names.filter((c) => !spec.key.includes(c)).map((c) => `${c} = s.${c}`);
  await db.run(
    `MERGE INTO ${spec.silverTable} AS v
     USING (${rows}) AS s
     ON ${spec.key.map((k) => `v.${k} = s.${k}`).join(' AND ')}
     WHEN MATCHED THEN UPDATE SET ${updates.join(', ')}, processing_timestamp = now()
     WHEN NOT MATCHED THEN INSERT (${names.join(', ')}, processing_timestamp)
       VALUES (${names.map((c) => `s.${c}`).join(', ')}, now())`,
    [files],
    'normalizing',
  );
}
