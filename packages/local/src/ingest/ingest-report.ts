import type { EntityKind } from './entity-columns.js';

/**
 * What one ingest did. `read = loaded + quarantined` always holds. `loaded` counts every row
 * accepted into bronze: `updated` and `unchanged` are part of it, the rest are new.
 */
export interface IngestReport {
  readonly runId: string;
  readonly file: string;
  readonly kind: EntityKind;
  readonly read: number;
  readonly loaded: number;
  readonly quarantined: number;
  readonly inserted: number;
  readonly updated: number;
  readonly unchanged: number;
  /**
   * Physical data lines of a text file (header excluded): records + blank lines + the extra
   * lines of records that span several. Absent for Parquet.
   */
  readonly lines?: number;
  readonly warnings: readonly string[];
}

const n = (v: number): string => v.toLocaleString('en-US');

/** One line a CLI prints: `source.csv: read 10 = loaded 8 + quarantined 2 (new 8, updated 0, unchanged 0)`. */
export function formatIngestReport(r: IngestReport): string {
  return `${r.file}: read ${n(r.read)} = loaded ${n(r.loaded)} + quarantined ${n(r.quarantined)} (new ${n(r.inserted)}, updated ${n(r.updated)}, unchanged ${n(r.unchanged)})`;
}
