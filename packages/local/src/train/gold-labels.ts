import { InputError, SourceEntity } from '@em/core';
import type { Database } from '../db/database.js';
import type { GoldLabel } from '../model/training-pairs.js';

/** Gold rows joined to the ingested source records; the file path is bound as $1. */
const LABELS_SQL = `
  SELECT g.source_id AS gold_source_id, g.source_system AS gold_source_system,
         NULLIF(trim(g.true_ciq_id), '') AS true_ciq_id,
         s.source_id, s.source_system, s.company_name, s.ticker, s.lei, s.cusip, s.isin, s.country, s.industry
  FROM read_csv($1, header = true, all_varchar = true) g
  LEFT JOIN bronze.source_entities s ON s.source_id = g.source_id AND s.source_system = g.source_system
  ORDER BY g.source_system, g.source_id`;

/** A gold standard's labels for the ingested sources, and how many of its rows match none. */
export interface GoldLabels {
  readonly labels: GoldLabel[];
  /** Rows of the file whose source was never ingested. */
  readonly missing: number;
}

/**
 * Read a gold standard CSV (source_id, source_system, true_ciq_id; empty = no match) against the
 * ingested sources. A file DuckDB cannot read, or one that names no ingested source, is an
 * InputError naming the file and the fix.
 */
export async function readGoldLabels(db: Database, file: string): Promise<GoldLabels> {
  let rows: Record<string, unknown>[];
  try {
    rows = await db.all(LABELS_SQL, [file], 'query');
  } catch (cause) {
    throw new InputError(
      `${file}: cannot read it as a gold standard (${(cause as Error).message.split('\n')[0]}). It needs a header with source_id, source_system and true_ciq_id.`,
      { cause },
    );
  }
  const found = rows.filter((r) => r.source_id !== null && r.source_id !== undefined);
  if (found.length === 0) {
    throw new InputError(
      `${file}: none of its ${rows.length} rows matches an ingested source record; ingest the sources first (em ingest source <file>).`,
    );
  }
  return {
    labels: found.map((r) => ({
      source: SourceEntity.parse(r),
      trueCiqId: (r.true_ciq_id as string | null) ?? null,
    })),
    missing: rows.length - found.length,
  };
}
