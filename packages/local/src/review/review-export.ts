import { writeFile } from 'node:fs/promises';
import type { Database } from '../db/database.js';
import { jsonColumn } from '../db/sql-params.js';
import { csvLine } from './review-csv.js';
import { type ReviewItem, type ReviewQueueOptions, reviewQueue } from './review-queue.js';

export interface ReviewExportOptions extends ReviewQueueOptions {
  /** Candidates flattened into columns per case (default 3). */
  readonly candidates?: number;
}

/** Columns a reviewer fills in; `em review import` reads them back. */
export const DECISION_COLUMNS_CSV = ['decision', 'decided_ciq_id', 'note'] as const;

const SOURCE_FIELDS = ['ticker', 'lei', 'cusip', 'isin', 'country', 'industry'] as const;
const CANDIDATE_FIELDS = ['ciq_id', 'company_name', 'country', 'pair_score', 'retrieval_score'] as const;

type SourceDetails = Record<(typeof SOURCE_FIELDS)[number], string | null> & {
  source_id: string;
  source_system: string;
};

/**
 * Write the review queue (least confident first, or by label priority) as CSV for a spreadsheet: the source record,
 * the machine's decision and suggestion, the top candidates in numbered columns, then empty
 * decision / decided_ciq_id / note columns for `em review import`. gold_version lets the import
 * refuse rows whose case changed after the export (a run or another reviewer decided it since).
 */
export async function exportReviewQueue(
  db: Database,
  outPath: string,
  options: ReviewExportOptions = {},
): Promise<{ rows: number; path: string; candidates: number }> {
  const k = options.candidates ?? 3;
  const items = await reviewQueue(db, options);
  const details = await sourceDetails(db, items);
  const countries = await referenceCountries(db, items, k);
  const header = [
    'source_id',
    'source_system',
    'company_name',
    ...SOURCE_FIELDS,
    'match_confidence',
    'match_method',
    'suggested_ciq_id',
    'suggested_company_name',
    'gold_version',
    ...Array.from({ length: k }, (_, i) => CANDIDATE_FIELDS.map((f) => `candidate_${i + 1}_${f}`)).flat(),
    ...DECISION_COLUMNS_CSV,
  ];
  const lines = items.map((item) => {
    const source = details.get(`${item.source_system}\u0000${item.source_id}`);
    const top = item.candidates.slice(0, k);
    return csvLine([
      item.source_id,
      item.source_system,
      item.company_name,
      ...SOURCE_FIELDS.map((f) => source?.[f] ?? null),
      item.match_confidence,
      item.match_method,
      item.suggested_ciq_id,
      item.suggested_company_name,
      item.gold_version,
      ...Array.from({ length: k }, (_, i) => {
        const c = top[i];
        return c
          ? [c.ciq_id, c.company_name, countries.get(c.ciq_id) ?? null, c.pair_score, c.retrieval_score]
          : CANDIDATE_FIELDS.map(() => null);
      }).flat(),
      ...DECISION_COLUMNS_CSV.map(() => null),
    ]);
  });
  await writeFile(outPath, csvLine(header) + lines.join(''), 'utf8');
  return { rows: items.length, path: outPath, candidates: k };
}

async function sourceDetails(
  db: Database,
  items: readonly ReviewItem[],
): Promise<Map<string, SourceDetails>> {
  const rows = await db.all<SourceDetails>(
    `SELECT s.source_id, s.source_system, ${SOURCE_FIELDS.map((f) => `s.${f}`).join(', ')}
     FROM bronze.source_entities s
     JOIN (SELECT unnest(from_json($1, '["VARCHAR"]')) AS source_id, unnest(from_json($2, '["VARCHAR"]')) AS source_system) q
       ON q.source_id = s.source_id AND q.source_system = s.source_system`,
    [jsonColumn(items.map((i) => i.source_id)), jsonColumn(items.map((i) => i.source_system))],
    'review export',
  );
  return new Map(rows.map((r) => [`${r.source_system}\u0000${r.source_id}`, r]));
}

async function referenceCountries(
  db: Database,
  items: readonly ReviewItem[],
  k: number,
): Promise<Map<string, string | null>> {
  const ids = [...new Set(items.flatMap((i) => i.candidates.slice(0, k).map((c) => c.ciq_id)))];
  const rows = await db.all<{ ciq_id: string; country: string | null }>(
    `SELECT r.ciq_id, r.country FROM bronze.reference_entities r
     JOIN (SELECT unnest(from_json($1, '["VARCHAR"]')) AS ciq_id) q ON q.ciq_id = r.ciq_id`,
    [jsonColumn(ids)],
    'review export',
  );
  return new Map(rows.map((r) => [r.ciq_id, r.country]));
}
