import type { DuckDBConnection, DuckDBInstance, DuckDBType } from '@duckdb/node-api';
import { EmError } from '@em/core';
import { checkDatabaseFile, type DatabaseAccess } from './database-file.js';
import { writeLockInfo } from './lock-info.js';
import { openInstance } from './open-instance.js';
import { bindParams, plainValue, type SqlParams } from './sql-params.js';
import { sweepStaleTempFiles } from './sweep-temp-files.js';

export interface DatabaseOpenOptions {
  /** 'read' opens read-only (several readers may share the file); 'create' may create it. Default 'create'. */
  readonly access?: DatabaseAccess;
  /** How long to keep retrying while another process holds the database (default 0: fail at once). */
  readonly waitMs?: number;
  /** The command line of this process, recorded beside the database while it writes. */
  readonly command?: string;
}

const MAX_SQL_IN_MESSAGE = 600;

/**
 * One DuckDB database file and the single connection em uses on it. Every statement goes
 * through `run`/`all` with bound parameters; engine errors come back as EmError naming the
 * stage and the SQL that failed.
 */
export class Database {
  private depth = 0;
  private releaseLockInfo: () => void = () => undefined;
  /** Temp files of crashed writers removed when the database was opened. */
  sweptTempFiles: readonly string[] = [];

  private constructor(
    private readonly instance: DuckDBInstance,
    readonly connection: DuckDBConnection,
    readonly path: string,
    readonly access: DatabaseAccess,
  ) {}

  /**
   * Open a database file (`:memory:` for a throwaway one). The file must be a DuckDB database,
   * or missing with access 'create'; a lock held by another process is DatabaseBusyError.
   */
  static async open(path: string, options: DatabaseOpenOptions = {}): Promise<Database> {
    const access = options.access ?? 'create';
    const inMemory = path === ':memory:';
    if (!inMemory) checkDatabaseFile(path, access);
    const swept = inMemory ? [] : sweepStaleTempFiles(path);
    const instance = await openInstance(path, access, options.waitMs ?? 0);
    const db = new Database(instance, await instance.connect(), path, access);
    db.sweptTempFiles = swept;
    if (!inMemory && access !== 'read')
      db.releaseLockInfo = writeLockInfo(path, options.command ?? `pid ${process.pid}`);
    await db.run("SET TimeZone = 'UTC'", [], 'open');
    return db;
  }

  async run(sql: string, params: SqlParams = [], stage = 'sql'): Promise<void> {
    await this.execute(sql, params, stage);
  }

  async all<T = Record<string, unknown>>(sql: string, params: SqlParams = [], stage = 'sql'): Promise<T[]> {
    const reader = await this.execute(sql, params, stage);
    return reader.getRowObjectsJS().map((row) => plainValue(row) as T);
  }

  async one<T = Record<string, unknown>>(sql: string, params: SqlParams = [], stage = 'sql'): Promise<T> {
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
    this.releaseLockInfo();
  }

  private async execute(sql: string, params: SqlParams, stage: string) {
    const { values, types } = bindParams(params);
    try {
      const none = Array.isArray(values) ? values.length === 0 : Object.keys(values).length === 0;
      return none
        ? await this.connection.runAndReadAll(sql)
        : await this.connection.runAndReadAll(
            sql,
            values,
            types as DuckDBType[] & Record<string, DuckDBType>,
          );
    } catch (error) {
      if (EmError.isInstance(error)) throw error;
      const shown = sql.length > MAX_SQL_IN_MESSAGE ? `${sql.slice(0, MAX_SQL_IN_MESSAGE)}…` : sql;
      throw new EmError(`DuckDB failed during ${stage}: ${(error as Error).message}\nSQL: ${shown.trim()}`, {
        cause: error,
      });
    }
  }
}
