import { EmError } from '@em/core';
import { type SqlToken, splitSqlStatements } from './sql-tokens.js';

export type SqlDialect = 'duckdb' | 'databricks';

export interface RenderSqlOptions {
  /** Databricks: the catalog to create and qualify names with. Default `entity_matching`. */
  readonly catalog?: string;
  /** The catalog name the sql/ files are written with. Default `entity_matching`. */
  readonly sourceCatalog?: string;
}

/** A construct the target dialect cannot express; the message names it and the statement. */
export class SqlRenderError extends EmError {
  constructor(message: string) {
    super(message, { name: 'SqlRenderError' });
  }
}

const DEFAULT_CATALOG = 'entity_matching';

/** Databricks types → DuckDB types (TIMESTAMP is an instant in Databricks, so TIMESTAMPTZ). */
const DUCKDB_TYPES: Record<string, string> = {
  STRING: 'VARCHAR',
  LONG: 'BIGINT',
  BINARY: 'BLOB',
  TIMESTAMP: 'TIMESTAMPTZ',
  TIMESTAMP_NTZ: 'TIMESTAMP',
};

/** Statements that only mean something on Databricks (Unity Catalog, permissions, Delta maintenance). */
const DATABRICKS_ONLY = [
  ['CREATE', 'CATALOG'],
  ['USE', 'CATALOG'],
  ['GRANT'],
  ['REVOKE'],
  ['OPTIMIZE'],
  ['VACUUM'],
];

const upper = (t: SqlToken | undefined): string => (t?.kind === 'word' ? t.text.toUpperCase() : '');

/** Indexes of the non-space tokens, so clause matching can skip whitespace. */
function significant(tokens: readonly SqlToken[]): number[] {
  return tokens.flatMap((t, i) => (t.kind === 'space' ? [] : [i]));
}

/** Index (in `tokens`) just past the parenthesised group that opens at `open`. */
function closeParen(tokens: readonly SqlToken[], open: number, statement: string): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'punct') continue;
    if (t.text === '(') depth++;
    if (t.text === ')' && --depth === 0) return i + 1;
  }
  throw new SqlRenderError(`Unbalanced parentheses in: ${statement}`);
}

const textOf = (tokens: readonly SqlToken[]): string => tokens.map((t) => t.text).join('');

/** Whitespace tidy-up after clauses were cut out. */
function tidy(sql: string): string {
  return sql
    .split('\n')
    .map((line) => line.replace(/\s+$/, ''))
    .filter((line) => line.trim() !== '')
    .join('\n')
    .trim();
}

function isDatabricksOnly(tokens: readonly SqlToken[]): boolean {
  const words = significant(tokens)
    .slice(0, 2)
    .map((i) => upper(tokens[i]));
  return DATABRICKS_ONLY.some((prefix) => prefix.every((w, k) => words[k] === w));
}

function renderDuckDbStatement(tokens: SqlToken[], sourceCatalog: string): string | null {
  if (isDatabricksOnly(tokens)) return null;
  const statement = tidy(textOf(tokens));
  const out: SqlToken[] = [];
  const sig = significant(tokens);
  const next = (i: number, k = 1): number => sig[sig.indexOf(i) + k] ?? tokens.length;
  const cut = (to: number): number => {
    while (out.at(-1)?.kind === 'space') out.pop();
    if (tokens[to]?.kind === 'word' || tokens[to]?.kind === 'quoted') out.push({ kind: 'space', text: ' ' });
    return to;
  };
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    const w = upper(t);
    if (w === 'USING' && upper(tokens[next(i)]) === 'DELTA') {
      i = cut(next(i) + 1);
    } else if (w === 'TBLPROPERTIES' && tokens[next(i)]?.text === '(') {
      i = cut(closeParen(tokens, next(i), statement));
    } else if ((w === 'PARTITIONED' || w === 'CLUSTER') && upper(tokens[next(i)]) === 'BY') {
      const arg = next(i, 2);
      i = cut(tokens[arg]?.text === '(' ? closeParen(tokens, arg, statement) : arg + 1);
    } else if ((w === 'COMMENT' || w === 'LOCATION') && tokens[next(i)]?.kind === 'string') {
      i = cut(next(i) + 1);
    } else if (w === 'RELY' || w === 'NORELY') {
      i = cut(i + 1);
    } else if (w === 'NOT' && upper(tokens[next(i)]) === 'ENFORCED') {
      i = cut(next(i) + 1);
    } else if (
      w === 'GENERATED' &&
      upper(tokens[next(i)]) === 'ALWAYS' &&
      upper(tokens[next(i, 2)]) === 'AS'
    ) {
      const open = next(i, 3);
      if (tokens[open]?.text !== '(') {
        throw new SqlRenderError(`DuckDB has no identity columns; use a STRING id instead in: ${statement}`);
      }
      const end = closeParen(tokens, open, statement);
      out.push(...tokens.slice(i, end));
      const after = upper(tokens[next(end - 1)]);
      if (after !== 'VIRTUAL' && after !== 'STORED') out.push({ kind: 'word', text: ' VIRTUAL' });
      i = end;
    } else if (t.kind === 'word' && t.text === sourceCatalog && tokens[i + 1]?.text === '.') {
      i += 2;
    } else if (
      t.kind === 'word' &&
      w in DUCKDB_TYPES &&
      tokens[i - 1]?.text !== '.' &&
      tokens[next(i)]?.text !== '('
    ) {
      out.push({ kind: 'word', text: DUCKDB_TYPES[w]! });
      i++;
    } else {
      out.push(t);
      i++;
    }
  }
  return tidy(textOf(out));
}

const PLAIN_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

function renderDatabricksStatement(tokens: SqlToken[], sourceCatalog: string, catalog: string): string {
  const target = PLAIN_IDENTIFIER.test(catalog) ? catalog : `\`${catalog.replaceAll('`', '``')}\``;
  return tidy(
    textOf(tokens.map((t) => (t.kind === 'word' && t.text === sourceCatalog ? { ...t, text: target } : t))),
  );
}

/**
 * Render sql/ text (Databricks SQL, catalog written as `entity_matching`) for a dialect, one
 * string per statement, comments dropped. Pure string work: no database is touched.
 *
 * DuckDB: Databricks-only statements (CREATE/USE CATALOG, GRANT, REVOKE, OPTIMIZE, VACUUM) are
 * dropped; USING DELTA, TBLPROPERTIES, PARTITIONED BY, CLUSTER BY, LOCATION, inline COMMENT,
 * RELY and NOT ENFORCED are cut; STRING → VARCHAR, LONG → BIGINT, TIMESTAMP → TIMESTAMPTZ;
 * `GENERATED ALWAYS AS (expr)` becomes DuckDB's virtual generated column (computed on read);
 * `entity_matching.schema.table` → `schema.table`.
 * Databricks: only the catalog name is replaced.
 */
export function renderSqlStatements(
  sql: string,
  dialect: SqlDialect,
  options: RenderSqlOptions = {},
): string[] {
  const sourceCatalog = options.sourceCatalog ?? DEFAULT_CATALOG;
  const catalog = options.catalog ?? DEFAULT_CATALOG;
  return splitSqlStatements(sql).flatMap((tokens) => {
    const rendered =
      dialect === 'duckdb'
        ? renderDuckDbStatement(tokens, sourceCatalog)
        : renderDatabricksStatement(tokens, sourceCatalog, catalog);
    return rendered === null || rendered === '' ? [] : [rendered];
  });
}

/** `renderSqlStatements` joined into one script (`;` after each statement). */
export function renderSql(sql: string, dialect: SqlDialect, options: RenderSqlOptions = {}): string {
  return renderSqlStatements(sql, dialect, options)
    .map((s) => `${s};\n`)
    .join('\n');
}
