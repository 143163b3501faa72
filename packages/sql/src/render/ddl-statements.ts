import { DDL_FILES } from '../ddl/ddl-files.generated.js';
import type { SqlTarget } from '../dml/sql-target.js';
import { renderSqlStatements } from './render-sql.js';

/** Every sql/ statement rendered for the target, with the file it came from, in order. */
export function ddlStatements(target: SqlTarget): { file: string; statement: string }[] {
  return DDL_FILES.flatMap((file) =>
    renderSqlStatements(file.text, target.dialect, target.catalog ? { catalog: target.catalog } : {}).map(
      (statement) => ({ file: file.name, statement }),
    ),
  );
}
