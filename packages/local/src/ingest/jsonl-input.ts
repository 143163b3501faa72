import path from 'node:path';
import type { Database } from '../db/database.js';
import { type ColumnMapping, type InputReader, lineNumberSql } from './input-reader.js';

/**
 * A JSON Lines file: DuckDB reads it line by line as text (so every line keeps its number and a
 * bad line cannot take others with it), then parses each line as a JSON object in SQL.
 */
export async function openJsonl(db: Database, file: string): Promise<InputReader> {
  await db.run('DROP TABLE IF EXISTS em_rejects; DROP TABLE IF EXISTS em_reject_scans', [], 'ingest');
  await db.run(
    `CREATE OR REPLACE TEMP TABLE em_raw AS
     SELECT row_number() OVER () AS k, text FROM read_csv($1, header = false, auto_detect = false,
       columns = {'text': 'VARCHAR'}, delim = chr(0), quote = '', escape = '',
       store_rejects = true, rejects_table = 'em_rejects', rejects_scan = 'em_reject_scans')`,
    [file],
    `reading ${path.basename(file)}`,
  );
  await db.run(
    `CREATE OR REPLACE TEMP TABLE em_lines AS
     SELECT line, text, CASE WHEN json_valid(text) THEN json_type(text) = 'OBJECT' ELSE false END AS is_object
     FROM (${lineNumberSql('em_raw', '(SELECT DISTINCT line::BIGINT AS line FROM em_rejects)', 1)})
     WHERE trim(coalesce(text, ''), ' \t\r') <> ''`,
    [],
    'ingest',
  );
  const keys = await db.all<{ key: string }>(
    `SELECT key FROM (SELECT unnest(json_keys(text::JSON)) AS key, line FROM em_lines WHERE is_object)
     GROUP BY key ORDER BY min(line), key`,
    [],
    'ingest',
  );
  const columns = keys.map((k) => k.key);
  return {
    format: 'jsonl',
    columns,
    warnings: [],
    async load(db: Database, canonical: readonly string[], mapping: ColumnMapping) {
      const params: string[] = [];
      const field = (name: string): string | null => {
        const index = mapping.get(name);
        if (index === undefined) return null;
        params.push(columns[index]!);
        return `$${params.length}`;
      };
      const items = canonical.map((name) => {
        const p = field(name);
        return p === null ? `NULL::VARCHAR AS ${name}` : `j->>${p} AS ${name}`;
      });
      const typeChecks = canonical.flatMap((name) => {
        const index = mapping.get(name);
        if (index === undefined) return [];
        params.push(columns[index]!);
        return [
          `CASE WHEN json_type(j->$${params.length}) IN ('OBJECT', 'ARRAY') THEN '${name} is a JSON ' || lower(json_type(j->$${params.length})) || ', expected text or a number' END`,
        ];
      });
      const typeProblem = typeChecks.length === 0 ? 'NULL' : `concat_ws('; ', ${typeChecks.join(', ')})`;
      await db.run(
        `CREATE OR REPLACE TEMP TABLE em_stage AS
         SELECT line, ${items.join(', ')}, nullif(${typeProblem}, '') AS type_problem
         FROM (SELECT line, text::JSON AS j FROM em_lines WHERE is_object)`,
        params,
        'ingest',
      );
      await db.run(
        `CREATE OR REPLACE TEMP TABLE em_stage_rejects AS
         SELECT line, text AS raw, CASE WHEN json_valid(text) THEN 'not a JSON object' ELSE 'not valid JSON' END AS reason
         FROM em_lines WHERE NOT is_object
         UNION ALL
         SELECT line::BIGINT, min(csv_line), 'invalid UTF-8 bytes; save the file as UTF-8' FROM em_rejects
         WHERE error_type = 'INVALID ENCODING' GROUP BY line
         UNION ALL
         SELECT line::BIGINT, min(csv_line), 'line is not valid JSON (' || min(error_type) || ')' FROM em_rejects
         WHERE error_type <> 'INVALID ENCODING' GROUP BY line`,
        [],
        'ingest',
      );
      await db.run('DROP TABLE em_raw; DROP TABLE em_lines', [], 'ingest');
    },
    async dispose() {},
  };
}
