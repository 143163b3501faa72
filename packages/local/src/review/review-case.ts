import {
  InputError,
  REFERENCE_COLUMNS,
  type ReferenceEntity,
  type ScoredCandidate,
  SOURCE_COLUMNS,
  type SourceEntity,
} from '@em/core';
import type { Database } from '../db/database.js';
import { type DecisionRecord, reviewDecisions } from './review-history.js';
import { parseCandidates, suggestion } from './review-queue.js';

/** Everything a reviewer needs to decide one case. */
export interface ReviewCase {
  /** The source record as ingested (null only if it has left bronze since it was decided). */
  readonly source: SourceEntity | null;
  readonly source_id: string;
  readonly source_system: string;
  /** The gold row as it stands: the current decision and its evidence. */
  readonly decision: {
    readonly matched_ciq_id: string | null;
    readonly matched_company_name: string | null;
    readonly match_confidence: number;
    readonly match_method: string;
    readonly match_stage: string | null;
    readonly reasoning: string | null;
    readonly match_timestamp: string | null;
    readonly model_version: string | null;
    readonly needs_review: boolean;
  };
  /** The reference row of the current match, if any. */
  readonly matched: ReferenceEntity | null;
  /** What "accept" takes: the current match, else the best-ranked candidate. */
  readonly suggested_ciq_id: string | null;
  /** The scored candidates, best first, each with its reference row (null if it left the reference). */
  readonly candidates: (ScoredCandidate & { readonly reference: ReferenceEntity | null })[];
  /** Earlier human decisions on this case, oldest first. */
  readonly history: DecisionRecord[];
}

type GoldRow = ReviewCase['decision'] & {
  source_id: string;
  source_system: string;
  candidates: string | null;
};

/** The case of one source record; `source_system` may be left out when the source_id is in one system only. */
export async function reviewCase(
  db: Database,
  key: { readonly source_id: string; readonly source_system?: string | undefined },
): Promise<ReviewCase> {
  const rows = await db.all<GoldRow>(
    `SELECT source_id, source_system, matched_ciq_id, matched_company_name, match_confidence, match_method,
            match_stage, reasoning, match_timestamp, model_version, needs_review, candidates
     FROM gold.matched_entities WHERE source_id = $1 AND ($2::VARCHAR IS NULL OR source_system = $2)
     ORDER BY source_system`,
    [key.source_id, key.source_system ?? null],
    'review case',
  );
  if (rows.length === 0) {
    const where = key.source_system === undefined ? '' : ` in system "${key.source_system}"`;
    throw new InputError(
      `No gold row for source_id "${key.source_id}"${where}. Run \`em review list\` to see the cases.`,
    );
  }
  if (rows.length > 1) {
    const systems = rows.map((r) => r.source_system).join(', ');
    throw new InputError(
      `source_id "${key.source_id}" exists in several systems (${systems}); pass --system NAME.`,
    );
  }
  const { candidates: text, source_id, source_system, ...decision } = rows[0]!;
  const scored = parseCandidates(text);
  const ids = [
    ...new Set([
      ...scored.map((c) => c.ciq_id),
      ...(decision.matched_ciq_id ? [decision.matched_ciq_id] : []),
    ]),
  ];
  const references = new Map(
    (
      await db.all<ReferenceEntity>(
        `SELECT ${REFERENCE_COLUMNS.join(', ')} FROM bronze.reference_entities WHERE list_contains($1, ciq_id)`,
        [ids],
        'review case',
      )
    ).map((r) => [r.ciq_id, r]),
  );
  const [source] = await db.all<SourceEntity>(
    `SELECT ${SOURCE_COLUMNS.join(', ')} FROM bronze.source_entities WHERE source_id = $1 AND source_system = $2`,
    [source_id, source_system],
    'review case',
  );
  return {
    source: source ?? null,
    source_id,
    source_system,
    decision,
    matched: decision.matched_ciq_id ? (references.get(decision.matched_ciq_id) ?? null) : null,
    suggested_ciq_id: suggestion({ ...decision, candidates: scored })?.ciq_id ?? null,
    candidates: scored.map((c) => ({ ...c, reference: references.get(c.ciq_id) ?? null })),
    history: await reviewDecisions(db, { source_id, source_system }),
  };
}
