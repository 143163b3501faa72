import { normalizeCompanyName, validatedIdentifiers } from '@em/core';
import { appendTextColumns } from '../db/append-columns.js';
import type { Database } from '../db/database.js';
import type { EntityColumns } from './entity-columns.js';

const CHUNK = 20_000;

interface BronzeRow {
  readonly n: number;
  readonly key_a: string;
  readonly key_b: string | null;
  readonly company_name: string;
  readonly ticker: string | null;
  readonly lei: string | null;
  readonly cusip: string | null;
  readonly isin: string | null;
  readonly country: string | null;
  readonly industry: string | null;
  readonly sector: string | null;
  readonly content_hash: string;
}

/** The text retrieval indexes: normalized name, country and industry, lower-cased. */
export const searchText = (normalized: string, country: string | null, industry: string | null): string =>
  [normalized, country, industry]
    .filter((v): v is string => v !== null && v !== '')
    .join(' | ')
    .toLowerCase();

/**
 * Bring silver in line with bronze: every bronze row whose silver row is missing or carries
 * another content hash is normalized (normalizeCompanyName, check-digit validation of LEI, ISIN
 * and CUSIP: invalid ones NULL, the raw value and the reason kept) and written, in chunks.
 * Returns how many rows were normalized.
 */
export async function refreshSilver(
  db: Database,
  spec: EntityColumns,
  onProgress?: (done: number, total: number) => void,
): Promise<number> {
  const isSource = spec.kind === 'source';
  const on = spec.key.map((k) => `v.${k} = b.${k}`).join(' AND ');
  await db.run(
    `CREATE OR REPLACE TEMP TABLE em_todo AS
     SELECT row_number() OVER (ORDER BY ${spec.key.map((k) => `b.${k}`).join(', ')}) AS n,
            b.${spec.key[0]} AS key_a, ${isSource ? 'b.source_system' : 'NULL::VARCHAR'} AS key_b,
            b.company_name, b.ticker, b.lei, b.cusip, b.isin, b.country, b.industry,
            ${isSource ? 'NULL::VARCHAR' : 'b.sector'} AS sector, b.content_hash
     FROM ${spec.table} b LEFT JOIN ${spec.silverTable} v ON ${on}
     WHERE v.content_hash IS DISTINCT FROM b.content_hash`,
    [],
    'normalizing',
  );
  const { total } = await db.one<{ total: number }>(
    'SELECT count(*) AS total FROM em_todo',
    [],
    'normalizing',
  );
  onProgress?.(0, total);
  for (let from = 1; from <= total; from += CHUNK) {
    const rows = await db.all<BronzeRow>('SELECT * FROM em_todo WHERE n >= $1 AND n < $2 ORDER BY n', [
      from,
      from + CHUNK,
    ]);
    await writeSilverChunk(db, spec, rows);
    onProgress?.(Math.min(total, from + CHUNK - 1), total);
  }
  await db.run('DROP TABLE em_todo', [], 'normalizing');
  return total;
}

async function writeSilverChunk(
  db: Database,
  spec: EntityColumns,
  rows: readonly BronzeRow[],
): Promise<void> {
  const col = <T>(f: (r: BronzeRow, i: number) => T): T[] => rows.map(f);
  const normalized = rows.map((r) => normalizeCompanyName(r.company_name));
  const ids = rows.map((r) => validatedIdentifiers(r));
  const common: Record<string, (string | null)[]> = {
    normalized_name: normalized.map((n) => n.normalized),
    base_name: normalized.map((n) => n.base),
    legal_form: normalized.map((n) => n.legalForm),
    original_name: col((r) => r.company_name),
    ticker: col((r) => r.ticker),
    lei: ids.map((i) => i.lei),
    cusip: ids.map((i) => i.cusip),
    isin: ids.map((i) => i.isin),
    lei_raw: col((r) => r.lei),
    cusip_raw: col((r) => r.cusip),
    isin_raw: col((r) => r.isin),
    identifier_notes: ids.map((i) => (i.notes.length > 0 ? i.notes.join('; ') : null)),
    country: col((r) => r.country),
    industry: col((r) => r.industry),
    search_text: col((r, i) => searchText(normalized[i]!.normalized, r.country, r.industry)),
    content_hash: col((r) => r.content_hash),
  };
  const columns: Record<string, (string | null)[]> =
    spec.kind === 'source'
      ? { source_id: col((r) => r.key_a), source_system: col((r) => r.key_b), ...common }
      : { ciq_id: col((r) => r.key_a), ...common, sector: col((r) => r.sector) };
  const names = Object.keys(columns);
  await db.run(
    `CREATE OR REPLACE TEMP TABLE em_silver_chunk (${names.map((c) => `${c} VARCHAR`).join(', ')})`,
    [],
    'normalizing',
  );
  await appendTextColumns(db, 'em_silver_chunk', Object.values(columns));
  await db.run(
    `INSERT OR REPLACE INTO ${spec.silverTable} (${names.join(', ')}, processing_timestamp)
     SELECT *, now() FROM em_silver_chunk`,
    [],
    'normalizing',
  );
  await db.run('DROP TABLE em_silver_chunk', [], 'normalizing');
}
