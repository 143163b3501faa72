import { InputError, MATCH_STAGES } from '@em/core';
import type { DecisionRecord, ReviewDecision, UndoRequest } from '@em/local';
import { type ConsoleSql, DECISION_SELECT } from './databricks-sql.js';

const label = (k: { source_id: string; source_system: string }) => `${k.source_system}/${k.source_id}`;

/** The latest audit entry of a case (what decide and undo return). */
async function latestDecision(sql: ConsoleSql, key: { source_id: string; source_system: string }) {
  const [record] = await sql.all<DecisionRecord>(
    `SELECT ${DECISION_SELECT}
     FROM ${sql.table('gold.review_decisions')} d LEFT JOIN ${sql.table('bronze.reference_entities')} r ON r.ciq_id = d.after_ciq_id
     WHERE d.source_id = :source_id AND d.source_system = :source_system
     ORDER BY d.decided_at DESC LIMIT 1`,
    { source_id: key.source_id, source_system: key.source_system },
    'review decision',
  );
  return record!;
}

/**
 * `em review`'s decision on Unity Catalog: checks as the local engine does, then one audit
 * entry (with the whole prior gold row as JSON, so undo can restore it) and the gold row turned
 * into a human_review row. Databricks SQL has no multi-statement transaction here: the audit
 * entry is written first, so a failure between the two leaves a recorded intent, never an
 * unexplained gold change.
 */
export async function decideOnDatabricks(sql: ConsoleSql, d: ReviewDecision): Promise<DecisionRecord> {
  if (d.decidedBy.trim() === '') throw new InputError('A review decision needs decidedBy (who decided).');
  const key = { source_id: d.source_id, source_system: d.source_system };
  const [gold] = await sql.all(
    `SELECT 1 AS found FROM ${sql.table('gold.matched_entities')} WHERE source_id = :source_id AND source_system = :source_system`,
    key,
    'review decision',
  );
  if (!gold)
    throw new InputError(`No gold row for source ${label(key)}; ingest it and run \`em run\` first.`);
  let refName: string | null = null;
  if (d.ciq_id !== null) {
    const [ref] = await sql.all<{ company_name: string }>(
      `SELECT company_name FROM ${sql.table('bronze.reference_entities')} WHERE ciq_id = :ciq_id`,
      { ciq_id: d.ciq_id },
      'review decision',
    );
    if (!ref)
      throw new InputError(
        `ciq_id ${d.ciq_id} is not in the reference (bronze.reference_entities); check the id.`,
      );
    refName = ref.company_name;
  }
  const params = { ...key, decided_by: d.decidedBy, ciq_id: d.ciq_id, note: d.note ?? null };
  await sql.run(
    `INSERT INTO ${sql.table('gold.review_decisions')} (decision_id, source_id, source_system, decided_by, decided_at,
       before_ciq_id, before_confidence, before_method, after_ciq_id, note, before_row, undoes)
     SELECT uuid(), g.source_id, g.source_system, :decided_by, current_timestamp(),
       g.matched_ciq_id, g.match_confidence, g.match_method, :ciq_id, :note, to_json(struct(g.*)), NULL
     FROM ${sql.table('gold.matched_entities')} g WHERE g.source_id = :source_id AND g.source_system = :source_system`,
    params,
    'review decision',
  );
  const reasoning = `Human review by ${d.decidedBy}: ${
    d.ciq_id === null ? 'no match in the reference' : `match ${d.ciq_id} (${refName})`
  }${d.note ? `; ${d.note}` : ''}`;
  await sql.run(
    `UPDATE ${sql.table('gold.matched_entities')} SET matched_ciq_id = :ciq_id, matched_company_name = :ref_name,
       match_confidence = CASE WHEN :ciq_id IS NULL THEN 0.0 ELSE 1.0 END, match_method = 'human_review',
       match_stage = :stage, match_timestamp = current_timestamp(), reasoning = :reasoning
     WHERE source_id = :source_id AND source_system = :source_system`,
    { ...key, ciq_id: d.ciq_id, ref_name: refName, stage: MATCH_STAGES.human_review, reasoning },
    'review decision',
  );
  return latestDecision(sql, key);
}

/** Undo on Unity Catalog, with the local engine's rules (see undoLastDecision in @em/local). */
export async function undoOnDatabricks(sql: ConsoleSql, request: UndoRequest): Promise<DecisionRecord> {
  const key = { source_id: request.source_id, source_system: request.source_system };
  const [target] = await sql.all<{
    decision_id: string;
    after_ciq_id: string | null;
    before_row: string | null;
    gold_method: string;
    gold_ciq_id: string | null;
  }>(
    `SELECT d.decision_id, d.after_ciq_id, d.before_row, g.match_method AS gold_method, g.matched_ciq_id AS gold_ciq_id
     FROM ${sql.table('gold.review_decisions')} d
     JOIN ${sql.table('gold.matched_entities')} g ON g.source_id = d.source_id AND g.source_system = d.source_system
     WHERE d.source_id = :source_id AND d.source_system = :source_system AND d.undoes IS NULL
       AND d.decision_id NOT IN (SELECT undoes FROM ${sql.table('gold.review_decisions')} WHERE undoes IS NOT NULL)
     ORDER BY d.decided_at DESC LIMIT 1`,
    key,
    'review undo',
  );
  if (!target) throw new InputError(`${label(key)} has no decision left to undo.`);
  if (target.before_row === null) {
    throw new InputError(
      `Decision ${target.decision_id} on ${label(key)} was recorded before em kept the prior gold row; decide the case again instead.`,
    );
  }
  if (target.gold_method !== 'human_review' || target.gold_ciq_id !== target.after_ciq_id) {
    throw new InputError(
      `${label(key)} no longer holds the outcome of decision ${target.decision_id}; decide the case again instead.`,
    );
  }
  const before = JSON.parse(target.before_row) as Record<string, unknown>;
  await sql.run(
    `INSERT INTO ${sql.table('gold.review_decisions')} (decision_id, source_id, source_system, decided_by, decided_at,
       before_ciq_id, before_confidence, before_method, after_ciq_id, note, before_row, undoes)
     SELECT uuid(), g.source_id, g.source_system, :decided_by, current_timestamp(),
       g.matched_ciq_id, g.match_confidence, g.match_method, :after_ciq_id, :note, to_json(struct(g.*)), :undoes
     FROM ${sql.table('gold.matched_entities')} g WHERE g.source_id = :source_id AND g.source_system = :source_system`,
    {
      ...key,
      decided_by: request.decidedBy,
      after_ciq_id: (before.matched_ciq_id as string | null) ?? null,
      note: `undo of ${target.decision_id}${request.note ? `; ${request.note}` : ''}`,
      undoes: target.decision_id,
    },
    'review undo',
  );
  await restoreGoldRow(sql, key, before);
  return latestDecision(sql, key);
}

/** Every stored (not generated) gold column back from the snapshot, each value cast to its column type. */
async function restoreGoldRow(
  sql: ConsoleSql,
  key: { source_id: string; source_system: string },
  before: Record<string, unknown>,
): Promise<void> {
  const columns = await sql.all<{ column_name: string; full_data_type: string }>(
    `SELECT column_name, full_data_type FROM ${sql.table('information_schema.columns')}
     WHERE table_schema = 'gold' AND table_name = 'matched_entities' AND is_generated = 'NEVER'
       AND column_name NOT IN ('source_id', 'source_system')
     ORDER BY ordinal_position`,
    {},
    'review undo',
  );
  const params: Record<string, string | null> = { ...key };
  const sets = columns.map((c, i) => {
    const value = before[c.column_name];
    params[`v${i}`] =
      value === null || value === undefined
        ? null
        : typeof value === 'string'
          ? value
          : JSON.stringify(value);
    return `${c.column_name} = CAST(:v${i} AS ${c.full_data_type})`;
  });
  await sql.run(
    `UPDATE ${sql.table('gold.matched_entities')} SET ${sets.join(', ')} WHERE source_id = :source_id AND source_system = :source_system`,
    params,
    'review undo',
  );
}
