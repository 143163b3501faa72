import { InputError, MATCH_STAGES, type ScoredCandidate } from '@em/core';
import type { Database } from '../db/database.js';

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
}

export interface ReviewQueueOptions {
  readonly limit?: number;
  readonly minConfidence?: number;
  readonly maxConfidence?: number;
  readonly system?: string;
}

export interface ReviewDecision {
  readonly source_id: string;
  readonly source_system: string;
  /** The reference row the reviewer chose, or null for "no match in the reference". */
  readonly ciq_id: string | null;
  readonly decidedBy: string;
  readonly note?: string;
}

/** gold.review_queue, least confident first (then by system and id), filtered. */
export async function reviewQueue(db: Database, options: ReviewQueueOptions = {}): Promise<ReviewItem[]> {
  const rows = await db.all<Omit<ReviewItem, 'candidates'> & { candidates: string | null }>(
    `SELECT source_id, source_system, company_name, matched_ciq_id, matched_company_name, match_confidence,
            match_method, match_stage, reasoning, candidates, match_timestamp
     FROM gold.review_queue
     WHERE ($1::DOUBLE IS NULL OR match_confidence >= $1) AND ($2::DOUBLE IS NULL OR match_confidence <= $2)
       AND ($3::VARCHAR IS NULL OR source_system = $3)
     ORDER BY match_confidence, source_system, source_id
     LIMIT $4`,
    [
      options.minConfidence ?? null,
      options.maxConfidence ?? null,
      options.system ?? null,
      options.limit ?? 2 ** 31,
    ],
    'review queue',
  );
  return rows.map((r) => ({
    ...r,
    candidates: r.candidates ? (JSON.parse(r.candidates) as ScoredCandidate[]) : [],
  }));
}

/**
 * Record a human decision: the before/after goes to gold.review_decisions and the gold row
 * becomes match_method 'human_review' with confidence 1.0 (a chosen ciq_id) or 0.0 (no match);
 * needs_review is then false. The machine never overwrites it.
 */
export async function decide(db: Database, d: ReviewDecision): Promise<void> {
  if (d.decidedBy.trim() === '') throw new InputError('A review decision needs decidedBy (who decided).');
  await db.transaction(async () => {
    const [before] = await db.all<{
      matched_ciq_id: string | null;
      match_confidence: number;
      match_method: string;
    }>(
      `SELECT matched_ciq_id, match_confidence, match_method FROM gold.matched_entities
       WHERE source_id = $1 AND source_system = $2`,
      [d.source_id, d.source_system],
      'review',
    );
    if (!before) {
      throw new InputError(
        `No gold row for source ${d.source_system}/${d.source_id}; ingest it and run \`em run\` first.`,
      );
    }
    let matchedName: string | null = null;
    if (d.ciq_id !== null) {
      const [ref] = await db.all<{ company_name: string }>(
        'SELECT company_name FROM bronze.reference_entities WHERE ciq_id = $1',
        [d.ciq_id],
        'review',
      );
      if (!ref)
        throw new InputError(`ciq_id ${d.ciq_id} is not in the reference (bronze.reference_entities).`);
      matchedName = ref.company_name;
    }
    await db.run(
      `INSERT INTO gold.review_decisions VALUES (uuid()::VARCHAR, $1, $2, $3, now(), $4, $5, $6, $7, $8)`,
      [
        d.source_id,
        d.source_system,
        d.decidedBy,
        before.matched_ciq_id,
        before.match_confidence,
        before.match_method,
        d.ciq_id,
        d.note ?? null,
      ],
      'review',
    );
    const verdict = d.ciq_id === null ? 'no match in the reference' : `match ${d.ciq_id} (${matchedName})`;
    await db.run(
      `UPDATE gold.matched_entities SET matched_ciq_id = $3, matched_company_name = $4, match_confidence = $5,
         match_method = 'human_review', match_stage = $6, reasoning = $7, match_timestamp = now()
       WHERE source_id = $1 AND source_system = $2`,
      [
        d.source_id,
        d.source_system,
        d.ciq_id,
        matchedName,
        d.ciq_id === null ? 0 : 1,
        MATCH_STAGES.human,
        `Human review by ${d.decidedBy}: ${verdict}${d.note ? `; ${d.note}` : ''}`,
      ],
      'review',
    );
  });
}
