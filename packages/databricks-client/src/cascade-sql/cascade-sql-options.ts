import type { CascadeConfig } from '@em/core';
import type { CascadeSqlDialect } from './cascade-sql-dialect.js';

/** Fully qualified names of the tables the set-based cascade reads and writes. */
export interface CascadeSqlTables {
  readonly silverSources: string;
  readonly silverReference: string;
  readonly gold: string;
  readonly runs: string;
  /** Name-pair similarities computed by core's `nameSimilarity` (see name-similarity-fill.ts). */
  readonly nameSimilarity: string;
  /** Work table `name` of this run (recreated by every run), e.g. `cat.ops.cascade_pending`. */
  readonly work: (name: string) => string;
}

export interface CascadeSqlOptions {
  readonly config: CascadeConfig;
  readonly dialect: CascadeSqlDialect;
  readonly tables: CascadeSqlTables;
  /** Vector Search index queried with `vector_search(...)`; null: identifier hits are the only candidates. */
  readonly vectorIndex: string | null;
  /** Model Serving endpoint of the Ditto pair model, queried with `ai_query`; null: no stage 3. */
  readonly pairEndpoint: string | null;
  /** Recorded as the pair model's version (e.g. `serving:ditto-matcher`). */
  readonly pairModelVersion: string;
  /** Foundation Model endpoint for stage 4; null (or `config.llm.enabled` false): no stage 4. */
  readonly llmEndpoint: string | null;
  /** Attributes the Ditto model was trained on, in order. */
  readonly dittoAttributes: readonly string[];
  /** Reprocess every source, not only new or changed ones. */
  readonly full: boolean;
}

/** One statement of a run, named for logs, snapshots and errors. */
export interface CascadeStatement {
  readonly name: string;
  readonly sql: string;
}

/** The source key columns, in the order every statement uses them. */
export const KEY = ['source_system', 'source_id'] as const;
export const keyEquals = (a: string, b: string): string =>
  KEY.map((k) => `${a}.${k} = ${b}.${k}`).join(' AND ');
export const keyList = (alias: string): string => KEY.map((k) => `${alias}.${k}`).join(', ');
