import {
  InputError,
  normalizeCompanyName,
  normalizeIdentifier,
  type ReferenceEntity,
  type ScoredCandidate,
} from '@em/core';
import {
  type DecisionRecord,
  monitoring,
  type ReferenceHit,
  type ReviewCase,
  type ReviewItem,
  suggestion,
} from '@em/local';
import type { ConsoleStore, GoldRecord, QueueFacets, QueueFilter } from '../store/console-store.js';
import { decideOnDatabricks, undoOnDatabricks } from './databricks-review.js';
import { type ConsoleSql, DECISION_SELECT, REFERENCE_SELECT, SOURCE_SELECT } from './databricks-sql.js';

const candidatesOf = (text: unknown): ScoredCandidate[] => {
  if (typeof text !== 'string' || text === '') return [];
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? (parsed as ScoredCandidate[]) : [];
  } catch {
    return [];
  }
};

const QUEUE_COLUMNS = `source_id, source_system, company_name, matched_ciq_id, matched_company_name, match_confidence,
  match_method, match_stage, reasoning, candidates, CAST(match_timestamp AS STRING) AS match_timestamp`;

/**
 * The console over Unity Catalog through a SQL warehouse (the Databricks App): the same gold,
 * review and audit tables `em run --engine databricks` writes, every value a named parameter.
 */
export class DatabricksConsoleStore implements ConsoleStore {
  readonly kind = 'databricks' as const;

  constructor(private readonly sql: ConsoleSql) {}

  get label(): string {
    return `Unity Catalog ${this.sql.catalog}`;
  }

  /** Add the audit columns (before_row, undoes) to a review_decisions table made before them. */
  async prepare(): Promise<void> {
    const present = await this.sql.all<{ column_name: string }>(
      `SELECT column_name FROM ${this.sql.table('information_schema.columns')}
       WHERE table_schema = 'gold' AND table_name = 'review_decisions'`,
      {},
      'console start',
    );
    const have = new Set(present.map((c) => c.column_name));
    const missing = ['before_row', 'undoes'].filter((c) => !have.has(c));
    if (present.length > 0 && missing.length > 0) {
      await this.sql.run(
        `ALTER TABLE ${this.sql.table('gold.review_decisions')} ADD COLUMNS (${missing.map((c) => `${c} STRING`).join(', ')})`,
        {},
        'console start',
      );
    }
  }

  session<T>(work: (store: ConsoleStore) => Promise<T>): Promise<T> {
    return work(this);
  }

  async queue(filter: QueueFilter): Promise<ReviewItem[]> {
    const rows = await this.sql.all<Record<string, unknown>>(
      `SELECT ${QUEUE_COLUMNS} FROM ${this.sql.table('gold.review_queue')}
       WHERE (:min IS NULL OR match_confidence >= CAST(:min AS DOUBLE)) AND (:max IS NULL OR match_confidence <= CAST(:max AS DOUBLE))
         AND (:system IS NULL OR source_system = :system) AND (:method IS NULL OR match_method = :method)
         AND (:stage IS NULL OR match_stage = :stage)
       ORDER BY match_confidence, source_system, source_id LIMIT ${Math.max(1, Math.floor(filter.limit))}`,
      {
        min: filter.minConfidence ?? null,
        max: filter.maxConfidence ?? null,
        system: filter.system ?? null,
        method: filter.method ?? null,
        stage: filter.stage ?? null,
      },
      'review queue',
    );
    return rows.map((r) => {
      const candidates = candidatesOf(r.candidates);
      const item = {
        ...r,
        match_confidence: Number(r.match_confidence),
        candidates,
      } as unknown as ReviewItem;
      const suggested = suggestion(item);
      return {
        ...item,
        suggested_ciq_id: suggested?.ciq_id ?? null,
        suggested_company_name: suggested?.company_name ?? null,
      };
    });
  }

  async facets(): Promise<QueueFacets> {
    const rows = await this.sql.all<{ kind: string; value: string }>(
      `SELECT DISTINCT 'system' AS kind, source_system AS value FROM ${this.sql.table('gold.review_queue')}
       UNION SELECT DISTINCT 'stage', match_stage FROM ${this.sql.table('gold.review_queue')} WHERE match_stage IS NOT NULL
       UNION SELECT DISTINCT 'method', match_method FROM ${this.sql.table('gold.review_queue')}`,
      {},
      'review queue',
    );
    const of = (kind: string) =>
      rows
        .filter((r) => r.kind === kind)
        .map((r) => r.value)
        .sort();
    return { systems: of('system'), stages: of('stage'), methods: of('method') };
  }

  async reviewCase(key: { source_id: string; source_system: string }): Promise<ReviewCase> {
    const [gold] = await this.sql.all<Record<string, unknown>>(
      `SELECT matched_ciq_id, matched_company_name, match_confidence, match_method, match_stage, reasoning,
              CAST(match_timestamp AS STRING) AS match_timestamp, model_version, needs_review, candidates
       FROM ${this.sql.table('gold.matched_entities')} WHERE source_id = :source_id AND source_system = :source_system`,
      key,
      'review case',
    );
    if (!gold) throw new InputError(`No gold row for ${key.source_system}/${key.source_id}.`);
    const { candidates: text, ...decision } = gold;
    const scored = candidatesOf(text);
    const ids = [
      ...new Set([
        ...scored.map((c) => c.ciq_id),
        ...(decision.matched_ciq_id ? [String(decision.matched_ciq_id)] : []),
      ]),
    ];
    const references = new Map(
      (
        await this.sql.all<ReferenceEntity>(
          `SELECT ${REFERENCE_SELECT('r')} FROM ${this.sql.table('bronze.reference_entities')} r
           WHERE array_contains(from_json(:ids, 'array<string>'), r.ciq_id)`,
          { ids: JSON.stringify(ids) },
          'review case',
        )
      ).map((r) => [r.ciq_id, r]),
    );
    const [source] = await this.sql.all(
      `SELECT ${SOURCE_SELECT('s')} FROM ${this.sql.table('bronze.source_entities')} s
       WHERE s.source_id = :source_id AND s.source_system = :source_system`,
      key,
      'review case',
    );
    const typed = {
      ...decision,
      match_confidence: Number(decision.match_confidence),
    } as unknown as ReviewCase['decision'];
    return {
      source: (source as ReviewCase['source']) ?? null,
      ...key,
      decision: typed,
      matched: typed.matched_ciq_id ? (references.get(typed.matched_ciq_id) ?? null) : null,
      suggested_ciq_id: suggestion({ ...typed, candidates: scored })?.ciq_id ?? null,
      candidates: scored.map((c) => ({ ...c, reference: references.get(c.ciq_id) ?? null })),
      history: await this.history(key),
    };
  }

  private history(key: { source_id: string; source_system: string }): Promise<DecisionRecord[]> {
    return this.sql.all<DecisionRecord>(
      `SELECT ${DECISION_SELECT}
       FROM ${this.sql.table('gold.review_decisions')} d LEFT JOIN ${this.sql.table('bronze.reference_entities')} r ON r.ciq_id = d.after_ciq_id
       WHERE d.source_id = :source_id AND d.source_system = :source_system ORDER BY d.decided_at`,
      key,
      'review history',
    );
  }

  decide(decision: Parameters<ConsoleStore['decide']>[0]) {
    return decideOnDatabricks(this.sql, decision);
  }

  undo(request: Parameters<ConsoleStore['undo']>[0]) {
    return undoOnDatabricks(this.sql, request);
  }

  searchReference(query: string, limit: number): Promise<ReferenceHit[]> {
    const text = query.trim();
    if (text === '') return Promise.resolve([]);
    return this.sql.all<ReferenceHit>(
      `SELECT ${REFERENCE_SELECT('r')},
         CASE WHEN :ident IS NOT NULL AND (n.lei = :ident OR n.isin = :ident OR n.cusip = :ident) THEN 'identifier'
              WHEN upper(r.ticker) = upper(:q) THEN 'ticker' ELSE 'name' END AS matched_on,
         CASE WHEN :norm = '' THEN 0.0
              ELSE 1.0 - levenshtein(n.normalized_name, :norm) / greatest(length(n.normalized_name), length(:norm)) END AS score
       FROM ${this.sql.table('bronze.reference_entities')} r
       LEFT JOIN ${this.sql.table('silver.normalized_reference')} n ON n.ciq_id = r.ciq_id
       WHERE (:ident IS NOT NULL AND (n.lei = :ident OR n.isin = :ident OR n.cusip = :ident))
          OR upper(r.ticker) = upper(:q)
          OR (:norm <> '' AND contains(n.normalized_name, :norm))
          OR contains(lower(r.company_name), lower(:q))
       ORDER BY CASE WHEN :ident IS NOT NULL AND (n.lei = :ident OR n.isin = :ident OR n.cusip = :ident) THEN 0
                     WHEN upper(r.ticker) = upper(:q) THEN 1 ELSE 2 END, score DESC, r.ciq_id
       LIMIT ${Math.max(1, Math.floor(limit))}`,
      { q: text, ident: normalizeIdentifier(text) || null, norm: normalizeCompanyName(text).normalized },
      'reference search',
    );
  }

  audit(limit: number): Promise<DecisionRecord[]> {
    return this.sql.all<DecisionRecord>(
      `SELECT ${DECISION_SELECT}
       FROM ${this.sql.table('gold.review_decisions')} d LEFT JOIN ${this.sql.table('bronze.reference_entities')} r ON r.ciq_id = d.after_ciq_id
       ORDER BY d.decided_at DESC LIMIT ${Math.max(1, Math.floor(limit))}`,
      {},
      'review history',
    );
  }

  monitoring() {
    const [gold, ops] = [this.sql.table('gold.x'), this.sql.table('ops.x')].map((t) => t.slice(0, -2));
    return monitoring((sql) => this.sql.all(sql, {}, 'monitoring'), { gold: gold!, ops: ops! });
  }

  async gold(key: { source_id: string; source_system: string }): Promise<GoldRecord | null> {
    const [row] = await this.sql.all<GoldRecord>(
      `SELECT * FROM ${this.sql.table('gold.matched_entities')} WHERE source_id = :source_id AND source_system = :source_system`,
      key,
      'gold row',
    );
    return row ?? null;
  }
}
