import { type DuckDBConnection, DuckDBInstance, type DuckDBType } from '@duckdb/node-api';
import { EmError, InputError } from '@em/core';
import { bindParams, plainValue } from './sql-params.js';

const MAX_SQL_IN_MESSAGE = 600;

export interface OpenOptions {
  /** Open without the write lock (several read-only processes may share the file). */
  readonly readOnly?: boolean;
  /**
   * How long to keep retrying while another process holds the file's lock (DuckDB refuses at
   * once). `em serve` opens the file per request for milliseconds, so a command started beside
   * it waits that out instead of failing. Default 5 s.
   */
  readonly lockWaitMs?: number;
}

const isLockConflict = (error: unknown): boolean =>
  /Could not set lock|Conflicting lock/i.test(String(error));

/**
 * One DuckDB database file and the single connection em uses on it. Every statement goes
 * through `run`/`all` with bound parameters; engine errors come back as EmError naming the
 * stage and the SQL that failed.
 */
export class Database {
  private depth = 0;

  private constructor(
    private readonly instance: DuckDBInstance,
    readonly connection: DuckDBConnection,
    readonly path: string,
  ) {}

  static async open(path: string, options: OpenOptions = {}): Promise<Database> {
    let instance: DuckDBInstance | undefined;
    const deadline = Date.now() + (options.lockWaitMs ?? 5_000);
    for (let wait = 5; instance === undefined; wait = Math.min(wait * 2, 200)) {
      try {
        instance = await DuckDBInstance.create(path, options.readOnly ? { access_mode: 'READ_ONLY' } : {});
      } catch (error) {
        if (isLockConflict(error) && Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, wait));
          continue;
        }
        const busy = isLockConflict(error)
          ? ' Another process (an `em run`, or a program other than em) holds it; retry when it is done.'
          : '';
        throw new InputError(`Cannot open the database ${path}: ${(error as Error).message}${busy}`, {
          cause: error,
        });
      }
    }
    const db = new Database(instance, await instance.connect(), path);
    await db.run("SET TimeZone = 'UTC'", [], 'open');
    return db;
  }

  async run(sql: string, params: readonly unknown[] = [], stage = 'sql'): Promise<void> {
    await this.execute(sql, params, stage);
  }

  async all<T = Record<string, unknown>>(
    sql: string,
    params: readonly unknown[] = [],
    stage = 'sql',
  ): Promise<T[]> {
    const reader = await this.execute(sql, params, stage);
    return reader.getRowObjectsJS().map((row) => plainValue(row) as T);
  }

  async one<T = Record<string, unknown>>(
    sql: string,
    params: readonly unknown[] = [],
    stage = 'sql',
  ): Promise<T> {
    const rows = await this.all<T>(sql, params, stage);
    if (rows.length === 0) throw new EmError(`Internal error (${stage}): expected a row from: ${sql}`);
    return rows[0]!;
  }

  /** Run `work` in one transaction (nested calls join the outer one). */
  async transaction<T>(work: () => Promise<T>): Promise<T> {
    if (this.depth > 0) return work();
    await this.run('BEGIN TRANSACTION', [], 'transaction');
    this.depth++;
    try {
      const result = await work();
      this.depth--;
      await this.run('COMMIT', [], 'transaction');
      return result;
    } catch (error) {
      this.depth--;
      await this.connection.run('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }

  private async execute(sql: string, params: readonly unknown[], stage: string) {
    const { values, types } = bindParams(params);
    try {
      return params.length === 0
        ? await this.connection.runAndReadAll(sql)
        : await this.connection.runAndReadAll(sql, values, types as DuckDBType[]);
    } catch (error) {
      if (EmError.isInstance(error)) throw error;
      const shown = sql.length > MAX_SQL_IN_MESSAGE ? `${sql.slice(0, MAX_SQL_IN_MESSAGE)}…` : sql;
      throw new EmError(`DuckDB failed during ${stage}: ${(error as Error).message}\nSQL: ${shown.trim()}`, {
        cause: error,
      });
    }
  }
}
