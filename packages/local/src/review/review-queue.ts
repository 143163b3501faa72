import type { ScoredCandidate } from '@em/core';
import type { Database } from '../db/database.js';
import { labelPriority } from '../label/label-priority.js';
import { goldVersionSql } from './gold-version.js';

export interface ReviewItem {
  readonly source_id: string;
  readonly source_system: string;
  readonly company_name: string | null;
  readonly matched_ciq_id: string | null;
  readonly matched_company_name: string | null;
  readonly match_confidence: number;
  readonly match_method: string;
  readonly match_stage: string | null;
  readonly reasoning: string | null;
  readonly candidates: ScoredCandidate[];
  readonly match_timestamp: string | null;
  /** The gold row's version (see goldVersionSql): a review file carries it so stale rows are refused. */
  readonly gold_version: string;
  /** What "accept" takes: the current match, else the best-ranked candidate (null when neither). */
  readonly suggested_ciq_id: string | null;
  readonly suggested_company_name: string | null;
}

export interface ReviewQueueOptions {
  readonly limit?: number;
  readonly minConfidence?: number;
  readonly maxConfidence?: number;
  readonly system?: string;
  /** Only cases the machine decided with this match_method (e.g. no_match, pair_model). */
  readonly method?: string;
  /**
   * 'confidence' (default): least confident first. 'priority': the cases whose answer would
   * teach the pair model most first, the order `em label` asks in (see `labelPriority`); cases
   * that teach nothing (exact identifiers, human decisions) last, least confident first.
   */
  readonly order?: ReviewOrder;
}

export type ReviewOrder = 'confidence' | 'priority';

type Row = Omit<ReviewItem, 'candidates' | 'suggested_ciq_id' | 'suggested_company_name'> & {
  candidates: string | null;
};

/** The suggestion of a case: its current match, else its best-ranked candidate. */
export function suggestion(item: {
  readonly matched_ciq_id: string | null;
  readonly matched_company_name?: string | null;
  readonly candidates: readonly ScoredCandidate[];
}): { ciq_id: string; company_name: string | null } | null {
  if (item.matched_ciq_id)
    return { ciq_id: item.matched_ciq_id, company_name: item.matched_company_name ?? null };
  const best = [...item.candidates].sort((a, b) => a.rank - b.rank)[0];
  return best ? { ciq_id: best.ciq_id, company_name: best.company_name } : null;
}

/** The stored candidates JSON of a gold row as an array (empty when absent or unreadable). */
export function parseCandidates(text: string | null): ScoredCandidate[] {
  if (!text) return [];
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? (parsed as ScoredCandidate[]) : [];
  } catch {
    return [];
  }
}

/** gold.review_queue, least confident first (then by system and id), filtered. */
export async function reviewQueue(db: Database, options: ReviewQueueOptions = {}): Promise<ReviewItem[]> {
  const rows = await db.all<Row>(
    `SELECT source_id, source_system, company_name, matched_ciq_id, matched_company_name, match_confidence,
            match_method, match_stage, reasoning, candidates, match_timestamp, ${goldVersionSql()} AS gold_version
     FROM gold.review_queue
     WHERE ($1::DOUBLE IS NULL OR match_confidence >= $1) AND ($2::DOUBLE IS NULL OR match_confidence <= $2)
       AND ($3::VARCHAR IS NULL OR source_system = $3) AND ($4::VARCHAR IS NULL OR match_method = $4)
     ORDER BY match_confidence, source_system, source_id
     LIMIT $5`,
    [
      options.minConfidence ?? null,
      options.maxConfidence ?? null,
      options.system ?? null,
      options.method ?? null,
      options.order === 'priority' ? 2 ** 31 : (options.limit ?? 2 ** 31),
    ],
    'review queue',
  );
  const items = rows.map((r) => {
    const candidates = parseCandidates(r.candidates);
    const suggested = suggestion({ ...r, candidates });
    return {
      ...r,
      candidates,
      suggested_ciq_id: suggested?.ciq_id ?? null,
      suggested_company_name: suggested?.company_name ?? null,
    };
  });
  return options.order === 'priority'
    ? byLabelPriority(items).slice(0, options.limit ?? items.length)
    : items;
}

/** Highest label priority first; the SQL order (least confident first) breaks ties. */
function byLabelPriority(items: readonly ReviewItem[]): ReviewItem[] {
  return items
    .map((item, i) => ({ item, i, p: labelPriority(item) }))
    .sort((a, b) => b.p - a.p || a.i - b.i)
    .map((x) => x.item);
}
