import type { Database } from '../db/database.js';
import type { EntityColumns } from './entity-columns.js';

export interface ValidationOptions {
  /** Longest accepted field, in characters. */
  readonly maxFieldLength: number;
  /** Replaces source_system on every row (sources only). */
  readonly system: string | null;
}

const trimmed = (col: string): string =>
  `nullif(regexp_replace(${col}, '^[\\s\\p{Z}]+|[\\s\\p{Z}]+$', '', 'g'), '')`;

/** `ciq_id X` / `source_id X, source_system Y`, as SQL building the text from columns. */
const describeKey = (spec: EntityColumns): string =>
  spec.key.map((k) => `'${k} ' || coalesce(${k}, '(empty)')`).join(" || ', ' || ");

/**
 * From `em_stage`, build `em_valid` (rows to load: trimmed text, blank → NULL, one row per key)
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
    c === 'source_system' ? `coalesce($1::VARCHAR, ${trimmed(c)})` : trimmed(c),
  );
  const raw = `to_json({${spec.all.map((c) => `'${c}': ${c}`).join(', ')}})::VARCHAR`;
  await db.run(
    `CREATE OR REPLACE TEMP TABLE em_clean AS
     SELECT line, ${clean.map((expr, i) => `${expr} AS ${spec.all[i]}`).join(', ')}, type_problem, ${raw} AS raw
     FROM em_stage`,
    spec.all.includes('source_system') ? [options.system] : [],
    'validating rows',
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
     SELECT *, CASE ${checks.join('\n       ')} END AS problem FROM em_clean`,
    [options.maxFieldLength],
    'validating rows',
  );
  const keyList = spec.key.join(', ');
  await db.run(
    `CREATE OR REPLACE TEMP TABLE em_ranked AS
     SELECT *, row_number() OVER (PARTITION BY ${keyList} ORDER BY line DESC) AS dup_rank,
            max(line) OVER (PARTITION BY ${keyList}) AS winner_line
     FROM em_checked WHERE problem IS NULL`,
    [],
    'validating rows',
  );
  await db.run(
    `INSERT INTO em_stage_rejects
     SELECT line, raw, problem FROM em_checked WHERE problem IS NOT NULL
     UNION ALL
     SELECT line, raw, 'duplicate key (' || ${describeKey(spec)} || '), superseded by line ' || winner_line
     FROM em_ranked WHERE dup_rank > 1`,
    [],
    'validating rows',
  );
  await db.run(
    `CREATE OR REPLACE TEMP TABLE em_valid AS
     SELECT line, ${spec.all.join(', ')} FROM em_ranked WHERE dup_rank = 1`,
    [],
    'validating rows',
  );
  await db.run('DROP TABLE em_clean; DROP TABLE em_checked; DROP TABLE em_ranked', [], 'validating rows');
}
