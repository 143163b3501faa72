import path from 'node:path';
import { EmError, InputError } from '@em/core';
import type { Database } from '../db/database.js';
import { withMemoryLimit } from '../db/memory-limit.js';
import { runLog } from '../runs/run-log.js';
import { mergeBronzeUpsert, stageBronzeUpsert } from './bronze-upsert.js';
import { columnsFor, type EntityKind } from './entity-columns.js';
import type { IngestReport } from './ingest-report.js';
import { canonicalColumnName } from './input-reader.js';
import { openInput } from './open-input.js';
import { quarantineRejects } from './quarantine-rows.js';
import { refreshSilver, staleRowsSql, startNormalizing } from './silver-normalize.js';
import { stripNulBytes } from './strip-nul-bytes.js';
import { dropValidRows, validateRows } from './validate-rows.js';

export interface IngestOptions {
  /** Source system for every row of a source file (replaces the file's source_system column). */
  readonly system?: string;
  /** Longest accepted field in characters (default 4096); longer rows are quarantined. */
  readonly maxFieldLength?: number;
  readonly onProgress?: (done: number, total: number) => void;
  /** DuckDB's buffer memory during the ingest (default 512MB per million rows, at least 512MB); more spills to disk. */
  readonly memoryLimit?: string;
}

export const DEFAULT_MAX_FIELD_LENGTH = 4096;
/** Keeps an ingest of a million rows within about 1 GB, worker threads included. */
export const DEFAULT_INGEST_MEMORY_LIMIT = '512MB';
/** Past a million rows the primary-key indexes of bronze and silver outgrow that; the limit grows with the rows. */
const ingestMemoryLimit = (rows: number): string => `${Math.max(512, Math.ceil((512 * rows) / 1_000_000))}MB`;

function checkSystem(system: string | undefined, max: number): string | null {
  if (system === undefined) return null;
  const trimmed = system.trim();
  if (trimmed === '' || trimmed.length > max) {
    throw new InputError(
      `--system must be a non-empty name of at most ${max} characters (got ${JSON.stringify(system)}).`,
    );
  }
  return trimmed;
}

/**
 * Load one reference or source file: read every record as text, quarantine what cannot be
 * loaded (with file, line and reason), upsert the rest into bronze by content hash, and
 * refresh silver. Everything after reading happens in one transaction.
 */
export function ingestFile(
  db: Database,
  kind: EntityKind,
  file: string,
  options: IngestOptions = {},
): Promise<IngestReport> {
  return withMemoryLimit(db, options.memoryLimit ?? DEFAULT_INGEST_MEMORY_LIMIT, () =>
    loadFile(db, kind, file, options),
  );
}

async function loadFile(
  db: Database,
  kind: EntityKind,
  file: string,
  options: IngestOptions,
): Promise<IngestReport> {
  const spec = columnsFor(kind);
  const maxFieldLength = options.maxFieldLength ?? DEFAULT_MAX_FIELD_LENGTH;
  const system = kind === 'source' ? checkSystem(options.system, maxFieldLength) : null;
  const name = path.basename(file);
  const runId = await runLog.start(db, 'ingest', { kind, file, system, maxFieldLength });
  await runLog.failAbandoned(db, runId);
  const warnings: string[] = [];
  try {
    const input = await openInput(db, file, spec.all);
    try {
      const mapping = new Map<string, number>();
      const unknown: string[] = [];
      const seen = new Map<string, string>();
      input.columns.forEach((column, index) => {
        const canonical = canonicalColumnName(column);
        const earlier = seen.get(canonical);
        if (earlier !== undefined) {
          throw new InputError(
            `${name}: columns ${JSON.stringify(earlier)} and ${JSON.stringify(column)} are the same column; keep one.`,
          );
        }
        seen.set(canonical, column);
        if (spec.all.includes(canonical)) mapping.set(canonical, index);
        else unknown.push(column);
      });
      const required = spec.required.filter((c) => !(c === 'source_system' && system !== null));
      const missing = required.filter((c) => !mapping.has(c));
      if (missing.length > 0 && (input.format !== 'jsonl' || input.columns.length > 0)) {
        const hint = missing.includes('source_system') ? ' (or pass --system NAME)' : '';
        throw new InputError(
          `${name}: missing required column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}${hint}. Expected ${input.format === 'csv' ? 'a header like' : 'columns'}:\n  ${spec.all.join(',')}\n(required: ${required.join(', ')})`,
        );
      }
      if (unknown.length > 0) {
        warnings.push(
          `${name}: unknown column${unknown.length > 1 ? 's' : ''} ignored: ${unknown.join(', ')} (known: ${spec.all.join(', ')})`,
        );
      }
      await input.load(db, spec.all, mapping);
      warnings.push(...input.warnings);
      warnings.push(...(await stripNulBytes(db, file, spec.all)));
      const { read } = await db.one<{ read: number }>(
        'SELECT (SELECT count(*) FROM em_stage) + (SELECT count(*) FROM em_stage_rejects) AS read',
      );
      if (options.memoryLimit === undefined && read > 1_000_000)
        await db.run(`SET memory_limit = '${ingestMemoryLimit(read)}'`, [], 'memory limit');
      if (system !== null && mapping.has('source_system')) {
        const { replaced } = await db.one<{ replaced: number }>(
          `SELECT count(*) AS replaced FROM em_stage WHERE nullif(trim(source_system), '') IS DISTINCT FROM $1 AND nullif(trim(source_system), '') IS NOT NULL`,
          [system],
        );
        if (replaced > 0)
          warnings.push(`${name}: source_system replaced by --system ${system} on ${replaced} rows.`);
      }
      // Checks and staging write only this connection's temp tables, so they run before the
      // transaction and the check tables are dropped as soon as they are read: a table dropped
      // inside a transaction keeps its memory until the commit, and at a million rows those
      // overfilled DuckDB's 512 MB buffer pool while bronze and silver were written (about
      // 600 MB, 112 MB of it spilled).
      await validateRows(db, spec, { maxFieldLength, system });
      await db.run('DROP TABLE em_stage', [], 'validating rows');
      const counts = await stageBronzeUpsert(db, spec);
      await dropValidRows(db);
      const report = await db.transaction(async () => {
        const { count: quarantined, samples } = await quarantineRejects(db, runId, kind, file);
        // Normalization threads work on the staged rows while DuckDB writes them to bronze.
        const normalizing = await startNormalizing(db, spec, staleRowsSql(spec, 'em_load'), {
          onProgress: options.onProgress,
        });
        try {
          await mergeBronzeUpsert(db, spec, counts, file, new Date().toISOString());
        } catch (error) {
          await normalizing.abandon();
          throw error;
        }
        await normalizing.finish();
        // Bronze rows of earlier loads whose silver row is missing or stale (none when every bronze row was in this load).
        const loaded = counts.inserted + counts.updated + counts.unchanged;
        const { stored } = await db.one<{ stored: number }>(
          `SELECT count(*) AS stored FROM ${spec.table}`,
          [],
          'ingest',
        );
        if (stored > loaded) await refreshSilver(db, spec);
        if (read !== loaded + quarantined) {
          throw new EmError(
            `Internal error: ${name} read ${read} rows but loaded ${loaded} and quarantined ${quarantined}.`,
          );
        }
        for (const s of samples) {
          // (a reader may already have explained this line, e.g. a stray quote)
          if (s.line !== null && warnings.some((w) => w.startsWith(`${name} line ${s.line}:`))) continue;
          warnings.push(
            `${name} ${s.line === null ? '' : `line ${s.line}`}: ${s.reason}; the row was quarantined (see gold.quarantine).`,
          );
        }
        if (quarantined > samples.length)
          warnings.push(`… and ${quarantined - samples.length} more quarantined rows.`);
        await runLog.finish(
          db,
          runId,
          'succeeded',
          { rowsRead: read, rowsLoaded: loaded, rowsQuarantined: quarantined },
          null,
        );
        const lines = input.lines === undefined ? {} : { lines: input.lines };
        return { runId, file, kind, read, loaded, quarantined, ...counts, ...lines, warnings };
      });
      await db.run('DROP TABLE IF EXISTS em_stage; DROP TABLE IF EXISTS em_stage_rejects', [], 'ingest');
      return report;
    } finally {
      await input.dispose();
    }
  } catch (error) {
    await runLog.finish(db, runId, 'failed', {}, (error as Error).message).catch(() => undefined);
    throw error;
  }
}
