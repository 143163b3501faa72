import type { SqlParams } from '@em/databricks-client';

/** The part of @em/databricks-client's SqlClient the console uses (a fake stands in for tests). */
export interface ConsoleSql {
  readonly catalog: string;
  /** `schema.table` qualified with the catalog and quoted. */
  table(schemaAndTable: string): string;
  all<T = Record<string, unknown>>(sql: string, params: SqlParams, stage: string): Promise<T[]>;
  run(sql: string, params: SqlParams, stage: string): Promise<void>;
}

/** The columns of a DecisionRecord, from review_decisions `d` joined to the reference as `r`. */
export const DECISION_SELECT = `d.decision_id, d.source_id, d.source_system, d.decided_by, CAST(d.decided_at AS STRING) AS decided_at,
  d.before_ciq_id, d.before_confidence, d.before_method, d.after_ciq_id, r.company_name AS after_company_name,
  CASE WHEN d.after_ciq_id IS NULL THEN 0.0 ELSE 1.0 END AS after_confidence, d.note, d.undoes`;

export const REFERENCE_SELECT = (alias: string) =>
  ['ciq_id', 'company_name', 'ticker', 'lei', 'cusip', 'isin', 'country', 'industry', 'sector', 'market_cap']
    .map((c) => `${alias}.${c}`)
    .join(', ');

export const SOURCE_SELECT = (alias: string) =>
  ['source_id', 'source_system', 'company_name', 'ticker', 'lei', 'cusip', 'isin', 'country', 'industry']
    .map((c) => `${alias}.${c}`)
    .join(', ');
