import { type SqlToken, splitSqlStatements } from '../render/sql-tokens.js';
import { DDL_FILES } from './ddl-files.generated.js';

/** A column of a sql/ table as the DDL declares it (Databricks type, upper case). */
export interface DdlColumn {
  readonly name: string;
  readonly type: string;
  /** `GENERATED ALWAYS AS (…)`: computed by the database, never written. */
  readonly generated: boolean;
}

const significant = (tokens: readonly SqlToken[]) => tokens.filter((t) => t.kind !== 'space');

/** Split the tokens inside a CREATE TABLE's parentheses at top-level commas. */
function columnDefinitions(tokens: readonly SqlToken[]): SqlToken[][] {
  const open = tokens.findIndex((t) => t.text === '(');
  const items: SqlToken[][] = [[]];
  let depth = 0;
  for (const t of tokens.slice(open)) {
    if (t.text === '(' && depth++ === 0) continue;
    if (t.text === ')' && --depth === 0) break;
    if (t.text === ',' && depth === 1) items.push([]);
    else items.at(-1)!.push(t);
  }
  return items.map(significant).filter((item) => item.length > 0);
}

function createTableTokens(table: string): SqlToken[] {
  const wanted = `entity_matching.${table}`.toLowerCase();
  for (const file of DDL_FILES) {
    for (const statement of splitSqlStatements(file.text)) {
      const words = significant(statement).map((t) => t.text);
      const head = words.join(' ').toUpperCase();
      if (!head.startsWith('CREATE TABLE')) continue;
      const name = words.slice(words.indexOf('EXISTS') + 1, words.indexOf('(')).join('');
      if (name.toLowerCase() === wanted) return statement;
    }
  }
  throw new Error(`sql/ declares no table ${table}`);
}

/**
 * The columns of a sql/ table, read from the DDL itself (the single source): every name, its
 * type and whether the database generates it. Constraints are skipped.
 */
export function ddlColumns(table: string): DdlColumn[] {
  return columnDefinitions(createTableTokens(table))
    .filter((item) => item[0]?.text.toUpperCase() !== 'CONSTRAINT')
    .map((item) => ({
      name: item[0]!.text,
      type: item[1]!.text.toUpperCase(),
      generated: item.some((t) => t.text.toUpperCase() === 'GENERATED'),
    }));
}

/** The columns a writer supplies (generated ones left out), in DDL order. */
export const writableColumns = (table: string): DdlColumn[] => ddlColumns(table).filter((c) => !c.generated);
