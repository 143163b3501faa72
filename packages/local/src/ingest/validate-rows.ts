import type { Database } from '../db/database.js';
import type { EntityColumns } from './entity-columns.js';

export interface ValidationOptions {
  /** Longest accepted field, in characters. */
  readonly maxFieldLength: number;
  /** Replaces source_system on every row (sources only). */
  readonly system: string | null;
}

/** Leading and trailing white space (Unicode White_Space and separators) removed; blank → NULL. */
const trimmed = (col: string): string =>
  // Most values start and end with a printable ASCII character: those need no regex.
  `CASE WHEN ascii(${col}) BETWEEN 33 AND 126 AND ascii(right(${col}, 1)) BETWEEN 33 AND 126 THEN ${col}
        ELSE nullif(regexp_replace(${col}, '^[\\s\\p{Z}]+|[\\s\\p{Z}]+$', '', 'g'), '') END`;

/** `ciq_id X` / `source_id X, source_system Y`, as SQL building the text from columns. */
const describeKey = (spec: EntityColumns, alias = ''): string =>
  spec.key.map((k) => `'${k} ' || coalesce(${alias}${k}, '(empty)')`).join(" || ', ' || ");

/**
 * From `em_stage`, build `em_valid` (rows to load: trimmed text, blank → NULL, one row per key;
 * a view, see `dropValidRows`)
 * and add every rejected row to `em_stage_rejects` with its reason. Checks, first failing wins:
 * the reader's type problem; empty key; empty name; a field over `maxFieldLength`; an
 * unparseable last_updated; then duplicate keys, where the last line wins and each earlier
 * row is rejected as superseded.
 */
export async function validateRows(
  db: Database,
  spec: EntityColumns,
  options: ValidationOptions,
): Promise<void> {
  const clean = spec.all.map((c) =>
    c === 'source_system' ? `coalesce($2::VARCHAR, ${trimmed(c)})` : trimmed(c),
  );
  const checks = [
    'WHEN type_problem IS NOT NULL THEN type_problem',
    ...spec.key.map((k) => `WHEN ${k} IS NULL THEN '${k} is empty'`),
    `WHEN company_name IS NULL OR regexp_full_match(company_name, '[\\s\\p{Z}\\p{C}]*') THEN 'company_name is empty'`,
    ...spec.all.map(
      (c) =>
        `WHEN length(${c}) > $1 THEN '${c} is ' || length(${c}) || ' characters long, over the limit of ' || $1::BIGINT`,
    ),
    ...(spec.all.includes('last_updated')
      ? [
          `WHEN last_updated IS NOT NULL AND TRY_CAST(last_updated AS TIMESTAMPTZ) IS NULL THEN 'last_updated is not a date or timestamp: ' || left(last_updated, 40)`,
        ]
      : []),
  ];
  await db.run(
    `CREATE OR REPLACE TEMP TABLE em_checked AS
     SELECT *, CASE ${checks.join('\n       ')} END AS problem
     FROM (SELECT line, ${clean.map((expr, i) => `${expr} AS ${spec.all[i]}`).join(', ')}, type_problem FROM em_stage)`,
    spec.all.includes('source_system') ? [options.maxFieldLength, options.system] : [options.maxFieldLength],
    'validating rows',
  );
  // Keys on more than one good row: the last line wins.
  const keyList = spec.key.join(', ');
  await db.run(
    `CREATE OR REPLACE TEMP TABLE em_duplicates AS
     SELECT ${keyList}, max(line) AS winner_line FROM em_checked WHERE problem IS NULL
     GROUP BY ${keyList} HAVING count(*) > 1`,
    [],
    'validating rows',
  );
  // The raw record of a rejected row: its fields as read, before trimming.
  const raw = `to_json({${spec.all.map((c) => `'${c}': s.${c}`).join(', ')}})::VARCHAR`;
  const joinDuplicates = `LEFT JOIN em_duplicates d ON ${spec.key.map((k) => `d.${k} = c.${k}`).join(' AND ')}`;
  await db.run(
    `INSERT INTO em_stage_rejects
     SELECT r.line, ${raw}, r.reason
     FROM (SELECT c.line, coalesce(c.problem,
                    'duplicate key (' || ${describeKey(spec, 'c.')} || '), superseded by line ' || d.winner_line) AS reason
           FROM em_checked c ${joinDuplicates}
           WHERE c.problem IS NOT NULL OR c.line < d.winner_line) r
     JOIN em_stage s ON s.line = r.line`,
    [],
    'validating rows',
  );
  // A view: the one statement that reads it (staging the bronze upsert) reads em_checked once.
  await db.run(
    `CREATE OR REPLACE TEMP VIEW em_valid AS
     SELECT c.line, ${spec.all.map((col) => `c.${col}`).join(', ')}
     FROM em_checked c ${joinDuplicates}
     WHERE c.problem IS NULL AND (d.winner_line IS NULL OR c.line = d.winner_line)`,
    [],
    'validating rows',
  );
}

/** Drop `em_valid` and the tables behind it, once what reads it is done. */
export async function dropValidRows(db: Database): Promise<void> {
  await db.run(
    'DROP VIEW IF EXISTS em_valid; DROP TABLE IF EXISTS em_checked; DROP TABLE IF EXISTS em_duplicates',
    [],
    'validating rows',
  );
}
