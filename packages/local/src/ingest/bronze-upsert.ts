import type { Database } from '../db/database.js';
import type { EntityColumns } from './entity-columns.js';

export interface UpsertCounts {
  readonly inserted: number;
  readonly updated: number;
  readonly unchanged: number;
}

/** md5 over the data columns: equal content, equal hash; NULL and '' differ. */
export const contentHashSql = (columns: readonly string[], alias = ''): string =>
  `md5(json_array(${columns.map((c) => `${alias}${c}`).join(', ')})::VARCHAR)`;

const typed = (c: string): string =>
  c === 'last_updated' ? 'TRY_CAST(s.last_updated AS TIMESTAMPTZ)' : `s.${c}`;

/**
 * Stage the upsert of `em_valid` into bronze: `em_load` holds each row with its content hash
 * and whether its key is stored already, with which hash. Returns what `mergeBronzeUpsert` will do.
 */
export async function stageBronzeUpsert(db: Database, spec: EntityColumns): Promise<UpsertCounts> {
  const on = spec.key.map((k) => `t.${k} = s.${k}`).join(' AND ');
  await db.run(
    `CREATE OR REPLACE TEMP TABLE em_load AS
     SELECT s.*, ${contentHashSql(spec.all, 's.')} AS content_hash,
            t.content_hash AS old_hash, t.${spec.key[0]} IS NOT NULL AS existed
     FROM em_valid s LEFT JOIN ${spec.table} t ON ${on}`,
    [],
    'loading bronze',
  );
  const counts = await db.one<UpsertCounts>(
    `SELECT count(*) FILTER (WHERE NOT existed) AS inserted,
            count(*) FILTER (WHERE existed AND old_hash <> content_hash) AS updated,
            count(*) FILTER (WHERE existed AND old_hash = content_hash) AS unchanged
     FROM em_load`,
    [],
    'loading bronze',
  );
  return counts;
}

/**
 * Apply the staged upsert keyed on the entity key. A row whose content hash equals the stored
 * one is left untouched (its ingestion_timestamp too); changed rows are updated with a new
 * ingestion_timestamp; new rows are inserted. New rows (`NOT existed`: their key is in neither
 * bronze nor, validation made sure, twice in the load) go in with a plain INSERT, which DuckDB
 * writes in parallel and at about half MERGE's cost; only changed rows go through the MERGE.
 */
export async function mergeBronzeUpsert(
  db: Database,
  spec: EntityColumns,
  counts: UpsertCounts,
  file: string,
  now: string,
): Promise<void> {
  const on = spec.key.map((k) => `t.${k} = s.${k}`).join(' AND ');
  const columns = [...spec.all, 'ingestion_timestamp', 'content_hash', 'source_file', 'source_line'];
  const values = [...spec.all.map(typed), '$1::TIMESTAMPTZ', 's.content_hash', '$2', 's.line'];
  const updates = columns
    .filter((c) => !spec.key.includes(c))
    .map((c) => `${c} = ${values[columns.indexOf(c)]}`)
    .join(', ');
  if (counts.inserted > 0) {
    await db.run(
      `INSERT INTO ${spec.table} (${columns.join(', ')})
       SELECT ${values.join(', ')} FROM em_load s WHERE NOT existed`,
      [now, file],
      'loading bronze',
    );
  }
  if (counts.updated > 0) {
    await db.run(
      `MERGE INTO ${spec.table} AS t
       USING (SELECT * FROM em_load WHERE existed AND old_hash <> content_hash) AS s
       ON ${on}
       WHEN MATCHED THEN UPDATE SET ${updates}`,
      [now, file],
      'loading bronze',
    );
  }
  await db.run('DROP TABLE em_load', [], 'loading bronze');
}
