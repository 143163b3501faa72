import { escapeFormulaSql } from '@em/sql';
import type { Database } from '../db/database.js';

/**
 * The SELECT list of `schema.table` for a CSV export: every text column with a leading `'`
 * where a spreadsheet would run the value as a formula (OWASP CSV injection), the rest as is.
 */
export async function formulaSafeColumns(db: Database, schema: string, table: string): Promise<string> {
  const columns = await db.all<{ column_name: string; data_type: string }>(
    `SELECT column_name, data_type FROM information_schema.columns
     WHERE table_schema = $1 AND table_name = $2 ORDER BY ordinal_position`,
    [schema, table],
    'export',
  );
  return columns
    .map(({ column_name: name, data_type: type }) => {
      const quoted = `"${name.replaceAll('"', '""')}"`;
      return type === 'VARCHAR' ? `${escapeFormulaSql(quoted)} AS ${quoted}` : quoted;
    })
    .join(', ');
}
