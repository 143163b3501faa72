/**
 * Stands in for @duckdb/node-api in the Databricks App bundle (aliased by tsup.config.ts): the
 * app reads Unity Catalog through the SQL warehouse and never opens a DuckDB file, so the native
 * DuckDB module is left out and anything that reaches for it says why.
 */
const unavailable = (): never => {
  throw new Error('DuckDB is not part of the Databricks App bundle; the app reads Unity Catalog tables.');
};

// biome-ignore lint/complexity/noStaticOnlyClass: stands in for the real class's static factories
export class DuckDBInstance {
  static create = unavailable;
  static fromCache = unavailable;
}
// biome-ignore lint/complexity/noStaticOnlyClass: stands in for the real class's static factories
export class DuckDBConnection {
  static create = unavailable;
}
// biome-ignore lint/complexity/noStaticOnlyClass: stands in for the real class's static factories
export class DuckDBDataChunk {
  static create = unavailable;
}
export const VARCHAR = undefined;
export const DOUBLE = undefined;
export const BIGINT = undefined;
export const BOOLEAN = undefined;
export const LIST = unavailable;
export const listValue = unavailable;
