import { InputError, MATCH_STAGES } from '@em/core';
import type { Database } from '../db/database.js';
import { jsonColumn } from '../db/sql-params.js';
import { DECISION_COLUMNS, type DecisionRecord } from './review-history.js';

export interface ReviewDecision {
  readonly source_id: string;
  readonly source_system: string;
  /** The reference row the reviewer chose, or null for "no match in the reference". */
  readonly ciq_id: string | null;
  readonly decidedBy: string;
  readonly note?: string;
  /**
   * Allow a ciq_id that is neither the case's match nor one of its candidates (a company the
   * reviewer found elsewhere); such decisions are marked in the audit note and the reasoning.
   */
  readonly allowNonCandidate?: boolean;
}

/** Marks a decision for a company that was not among the case's candidates (audit note and reasoning). */
export const OUTSIDE_CANDIDATES_NOTE = 'chosen outside the candidates';

export interface ApplyOptions {
  /** Leave out decisions the gold row already holds (a human decision with the same ciq_id): re-imports add nothing. */
  readonly skipUnchanged?: boolean;
}

export interface ApplyReport {
  /** The decisions recorded, in the order given. */
  readonly applied: DecisionRecord[];
  /** Decisions left out because the gold row already held them (only with skipUnchanged). */
  readonly unchanged: number;
}

const key = (d: { source_id: string; source_system: string }): string => `${d.source_system}/${d.source_id}`;

/**
 * Record human decisions in one transaction: each appends a row to gold.review_decisions
 * (who, when, the gold row's ciq_id/confidence/method before, the whole gold row before as
 * JSON for undo, the ciq_id after, the note) and
 * turns its gold row into match_method 'human_review' with confidence 1.0 (a chosen ciq_id)
 * or 0.0 (no match), which no later run overwrites. Every decision is checked first (the gold
 * row exists, the ciq_id is in the reference, each case once); any problem is an InputError
 * naming all of them, and nothing is written. decided_at increases per case even within one
 * clock tick, so "the latest decision" is always well defined.
 */
export async function applyDecisions(
  db: Database,
  decisions: readonly ReviewDecision[],
  options: ApplyOptions = {},
): Promise<ApplyReport> {
  if (decisions.some((d) => d.decidedBy.trim() === '')) {
    throw new InputError('A review decision needs decidedBy (who decided).');
  }
  if (decisions.length === 0) return { applied: [], unchanged: 0 };
  return db.transaction(async () => {
    await db.run(
      `CREATE OR REPLACE TEMP TABLE em_review_batch AS SELECT
         unnest(from_json($1, '["BIGINT"]')) AS n, unnest(from_json($2, '["VARCHAR"]')) AS source_id,
         unnest(from_json($3, '["VARCHAR"]')) AS source_system, unnest(from_json($4, '["VARCHAR"]')) AS ciq_id,
         unnest(from_json($5, '["VARCHAR"]')) AS decided_by, unnest(from_json($6, '["VARCHAR"]')) AS note,
         unnest(from_json($7, '["BOOLEAN"]')) AS allow_outside`,
      [
        jsonColumn(decisions.map((_, i) => i)),
        jsonColumn(decisions.map((d) => d.source_id)),
        jsonColumn(decisions.map((d) => d.source_system)),
        jsonColumn(decisions.map((d) => d.ciq_id)),
        jsonColumn(decisions.map((d) => d.decidedBy)),
        jsonColumn(decisions.map((d) => d.note ?? null)),
        jsonColumn(decisions.map((d) => d.allowNonCandidate ?? false)),
      ],
      'review',
    );
    await check(db);
    // A company the reviewer chose from outside the candidates is recorded as such.
    await db.run(
      `UPDATE em_review_batch SET note = '${OUTSIDE_CANDIDATES_NOTE}' || coalesce('; ' || note, '')
       WHERE ciq_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM gold.matched_entities g
         WHERE g.source_id = em_review_batch.source_id AND g.source_system = em_review_batch.source_system
           AND ${IS_CANDIDATE_SQL})`,
      [],
      'review',
    );
    const total = decisions.length;
    if (options.skipUnchanged) {
      await db.run(
        `DELETE FROM em_review_batch WHERE EXISTS (SELECT 1 FROM gold.matched_entities g
           WHERE g.source_id = em_review_batch.source_id AND g.source_system = em_review_batch.source_system
             AND g.match_method = 'human_review' AND g.matched_ciq_id IS NOT DISTINCT FROM em_review_batch.ciq_id)`,
        [],
        'review',
      );
    }
    await db.run(
      `INSERT INTO gold.review_decisions (decision_id, source_id, source_system, decided_by, decided_at,
         before_ciq_id, before_confidence, before_method, after_ciq_id, note, before_row)
       SELECT uuid()::VARCHAR, b.source_id, b.source_system, b.decided_by,
         greatest(now()::TIMESTAMP, coalesce(l.last_at + INTERVAL '1 microsecond', now()::TIMESTAMP)),
         g.matched_ciq_id, g.match_confidence, g.match_method, b.ciq_id, b.note, to_json(g)::VARCHAR
       FROM em_review_batch b
       JOIN gold.matched_entities g ON g.source_id = b.source_id AND g.source_system = b.source_system
       LEFT JOIN (SELECT source_id, source_system, max(decided_at) AS last_at FROM gold.review_decisions GROUP BY ALL) l
         ON l.source_id = b.source_id AND l.source_system = b.source_system`,
      [],
      'review',
    );
    await db.run(
      `UPDATE gold.matched_entities SET matched_ciq_id = s.ciq_id, matched_company_name = s.ref_name,
         match_confidence = CASE WHEN s.ciq_id IS NULL THEN 0.0 ELSE 1.0 END, match_method = 'human_review',
         match_stage = $1, match_timestamp = now(),
         reasoning = 'Human review by ' || s.decided_by || ': '
           || CASE WHEN s.ciq_id IS NULL THEN 'no match in the reference' ELSE 'match ' || s.ciq_id || ' (' || s.ref_name || ')' END
           || coalesce('; ' || s.note, '')
       FROM (SELECT b.*, r.company_name AS ref_name FROM em_review_batch b
             LEFT JOIN bronze.reference_entities r ON r.ciq_id = b.ciq_id) s
       WHERE gold.matched_entities.source_id = s.source_id AND gold.matched_entities.source_system = s.source_system`,
      [MATCH_STAGES.human_review],
      'review',
    );
    const applied = await db.all<DecisionRecord>(
      `SELECT ${DECISION_COLUMNS}
       FROM em_review_batch b
       JOIN gold.review_decisions d ON d.source_id = b.source_id AND d.source_system = b.source_system
       LEFT JOIN bronze.reference_entities r ON r.ciq_id = d.after_ciq_id
       QUALIFY row_number() OVER (PARTITION BY d.source_id, d.source_system ORDER BY d.decided_at DESC) = 1
       ORDER BY b.n`,
      [],
      'review',
    );
    await db.run('DROP TABLE em_review_batch', [], 'review');
    return { applied, unchanged: total - applied.length };
  });
}

/** The batch row's ciq_id is the gold row's match or one of its scored candidates (aliases: gold.matched_entities g, em_review_batch). */
const IS_CANDIDATE_SQL = `(em_review_batch.ciq_id IS NOT DISTINCT FROM g.matched_ciq_id
  OR list_contains(coalesce(json_extract_string(g.candidates, '$[*].ciq_id'), []::VARCHAR[]), em_review_batch.ciq_id))`;

/** Every problem with the batch in em_review_batch, as one InputError; nothing when it is clean. */
async function check(db: Database): Promise<void> {
  const problems = await db.all<{
    problem: string;
    source_id: string;
    source_system: string;
    ciq_id: string;
  }>(
    `SELECT 'missing' AS problem, n, source_id, source_system, ciq_id FROM em_review_batch b
       WHERE NOT EXISTS (SELECT 1 FROM gold.matched_entities g
                         WHERE g.source_id = b.source_id AND g.source_system = b.source_system)
     UNION ALL
     SELECT 'unknown ciq_id', n, source_id, source_system, ciq_id FROM em_review_batch b
       WHERE ciq_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM bronze.reference_entities r WHERE r.ciq_id = b.ciq_id)
     UNION ALL
     SELECT 'not a candidate', n, b.source_id, b.source_system, b.ciq_id FROM em_review_batch b
       JOIN gold.matched_entities g ON g.source_id = b.source_id AND g.source_system = b.source_system
       WHERE b.ciq_id IS NOT NULL AND NOT b.allow_outside AND NOT (${IS_CANDIDATE_SQL.replaceAll('em_review_batch.', 'b.')})
         AND EXISTS (SELECT 1 FROM bronze.reference_entities r WHERE r.ciq_id = b.ciq_id)
     UNION ALL
     SELECT 'duplicate', max(n), source_id, source_system, NULL FROM em_review_batch
       GROUP BY source_id, source_system HAVING count(*) > 1
     ORDER BY n, problem`,
    [],
    'review',
  );
  if (problems.length === 0) return;
  const messages = problems.map((p) =>
    p.problem === 'missing'
      ? `No gold row for source ${key(p)}; ingest it and run \`em run\` first.`
      : p.problem === 'unknown ciq_id'
        ? `ciq_id ${p.ciq_id} is not in the reference (bronze.reference_entities); check the id, or see the candidates with \`em review show ${p.source_id}\`.`
        : p.problem === 'not a candidate'
          ? `${key(p)}: ${p.ciq_id} is not one of the case's candidates (see \`em review show ${p.source_id}\`); if you mean that company, pass --allow-non-candidate and the decision is recorded as ${OUTSIDE_CANDIDATES_NOTE}.`
          : `${key(p)} is decided more than once in one batch; decide each case once.`,
  );
  throw new InputError(messages.join('\n'));
}

/** One human decision (see applyDecisions); a second decision on a case appends another audit row. */
export async function decide(db: Database, decision: ReviewDecision): Promise<DecisionRecord> {
  const { applied } = await applyDecisions(db, [decision]);
  return applied[0]!;
}
