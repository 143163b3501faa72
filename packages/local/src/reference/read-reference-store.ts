import { REFERENCE_COLUMNS } from '@em/core';
import { PAGE_NULL, PAGE_ROWS, PAGE_SEPARATOR, type PageText, ReferenceStore } from './reference-store.js';

/** Runs SQL with positional parameters (`LocalEngine.query`, or `Database.all`). */
export type QueryFn = (sql: string, params?: readonly unknown[]) => Promise<Record<string, unknown>[]>;

/** Pages read per query: DuckDB then holds one slice of the reference at a time, not all of it. */
const CHUNK_PAGES = 16;

/** The pages of the rows from ciq_id $1 (inclusive) to $2 (exclusive, when `bounded`), numbered from 0. */
const pageSql = (bounded: boolean): string => {
  const parts = REFERENCE_COLUMNS.map(
    (
      c,
    ) => `string_agg(coalesce(${c}::VARCHAR, '${PAGE_NULL}') || '${PAGE_SEPARATOR}', '' ORDER BY rn) AS ${c},
      count(*) FILTER (WHERE contains(${c}::VARCHAR, '${PAGE_SEPARATOR}') OR ${c}::VARCHAR = '${PAGE_NULL}') AS ${c}_odd`,
  );
  return `SELECT rn // ${PAGE_ROWS} AS page, count(*) AS n, ${parts.join(',\n      ')}
    FROM (SELECT row_number() OVER (ORDER BY ciq_id) - 1 AS rn, * FROM bronze.reference_entities
      WHERE ciq_id >= $1${bounded ? ' AND ciq_id < $2' : ''})
    GROUP BY page ORDER BY page`;
};

/** The first ciq_id of every `rows` rows, in order (ciq_id is the key: the slices never overlap). */
const sliceStartsSql = (rows: number): string =>
  `SELECT ciq_id FROM (SELECT ciq_id, row_number() OVER (ORDER BY ciq_id) - 1 AS rn FROM bronze.reference_entities)
    WHERE rn % ${rows} = 0 ORDER BY ciq_id`;

/**
 * The bronze reference in `ORDER BY ciq_id` order (like `readReferenceRows`), read into a
 * columnar `ReferenceStore` without one JS value per field: DuckDB concatenates each page of
 * 4,096 rows per column into one string (values ended by U+001E, NULL written U+001F), so
 * JavaScript decodes ten strings per page, `chunkPages` pages per query. A page column in
 * which a value itself holds one of those characters is read value by value instead.
 */
export async function readReferenceStore(query: QueryFn, chunkPages = CHUNK_PAGES): Promise<ReferenceStore> {
  const [count] = await query('SELECT count(*) AS n FROM bronze.reference_entities');
  const store = new ReferenceStore(Number(count?.n ?? 0));
  const starts = (await query(sliceStartsSql(PAGE_ROWS * chunkPages))).map((r) => r.ciq_id as string);
  for (let slice = 0; slice < starts.length; slice++) {
    const next = starts[slice + 1];
    const bounds = next === undefined ? [starts[slice]] : [starts[slice], next];
    for (const row of await query(pageSql(next !== undefined), bounds)) {
      const page = slice * chunkPages + Number(row.page);
      const rows = Number(row.n);
      const texts: PageText[] = [];
      for (const c of REFERENCE_COLUMNS) {
        texts.push(
          Number(row[`${c}_odd`]) === 0
            ? parsePage(row[c] as string, rows)
            : await readPageColumn(query, c, page, rows),
        );
      }
      store.appendPage(texts);
    }
  }
  return store.seal();
}

/** Value ends and nulls of one page string. */
function parsePage(text: string, rows: number): PageText {
  const ends = new Uint32Array(rows);
  const nulls = new Uint8Array(rows);
  let start = 0;
  for (let i = 0; i < rows; i++) {
    const end = text.indexOf(PAGE_SEPARATOR, start);
    if (end - start === 1 && text[start] === PAGE_NULL) nulls[i] = 1;
    ends[i] = end;
    start = end + 1;
  }
  return { text, ends, nulls, separated: true };
}

/** One page of one column, value by value (for values that hold the separator characters). */
async function readPageColumn(query: QueryFn, column: string, page: number, rows: number): Promise<PageText> {
  const values = (await query(
    `SELECT ${column}::VARCHAR AS v FROM (SELECT row_number() OVER (ORDER BY ciq_id) - 1 AS rn, ${column}
       FROM bronze.reference_entities) WHERE rn // ${PAGE_ROWS} = $1 ORDER BY rn`,
    [page],
  )) as { v: string | null }[];
  const ends = new Uint32Array(rows);
  const nulls = new Uint8Array(rows);
  let length = 0;
  values.forEach(({ v }, i) => {
    if (v === null) nulls[i] = 1;
    else length += v.length;
    ends[i] = length;
  });
  return { text: values.map((x) => x.v ?? '').join(''), ends, nulls, separated: false };
}
