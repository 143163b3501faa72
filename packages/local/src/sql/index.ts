export {
  type RenderSqlOptions,
  renderSql,
  renderSqlStatements,
  type SqlDialect,
  SqlRenderError,
} from './render-sql.js';
export { type SqlToken, splitSqlStatements, tokenizeSql } from './sql-tokens.js';
