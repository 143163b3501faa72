// Runs the rendered decision SQL on DuckDB and core's runCascade on the same generated cases.
// DuckDB stands in for the warehouse: SQL macros take the place of the two Databricks functions,
// with the shapes their references give —
//   vector_search(index => …, query_text => …, num_results => k): a table of the index's columns
//     plus `search_score` (docs.databricks.com/sql/language-manual/functions/vector_search);
//   ai_query(endpoint, request) on a custom model: the model's output value; ai_query(endpoint,
//     prompt, responseFormat => …, modelParameters => …, failOnError => false) on a foundation
//     model: a struct of `result` and `errorMessage`
//     (docs.databricks.com/sql/language-manual/functions/ai_query).
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import {
  type CascadeConfig,
  type ChatTransport,
  EmError,
  type IdentifierHit,
  type MatchResult,
  type ReferenceEntity,
  runCascade,
  type SourceEntity,
  validatedIdentifiers,
} from '@em/core';
import { createLlmAdjudicator } from '@em/core/adjudication';
import { DITTO_COMPANY_ATTRIBUTES, serializeDittoPair } from '@em/core/text';
import {
  type CascadeSqlOptions,
  computeNamePairs,
  duckdbDialect,
  missingNamePairsSql,
  renderCascade,
} from '../../src/cascade-sql/index.js';

export const PAIR_ENDPOINT = 'ditto-matcher';
export const LLM_ENDPOINT = 'databricks-llm';
export const VECTOR_INDEX = 'cat.silver.reference_index';

export interface ParityCase {
  readonly source: SourceEntity;
  /** What vector_search returns for this source (duplicates allowed). */
  readonly retrieved: readonly { readonly ciqId: string; readonly score: number }[];
  /** Pair score per candidate ciq_id (missing: 0.05). */
  readonly pairScores: Readonly<Record<string, number>>;
  /** The LLM's reply text, or an endpoint error. */
  readonly reply: { readonly text: string } | { readonly error: string };
}

export interface Outcome {
  readonly matched: string | null;
  readonly method: string;
  readonly stage: string;
  readonly confidence: number;
  readonly needsReview: boolean;
}

const SCHEMES = ['lei', 'isin', 'cusip'] as const;
const key = (s: { source_system: string; source_id: string }) => `${s.source_system}/${s.source_id}`;
const sqlText = (v: unknown) =>
  v === null || v === undefined ? 'NULL' : `'${String(v).replaceAll("'", "''")}'`;
const sqlNumber = (v: number) => (Number.isNaN(v) ? "CAST('NaN' AS DOUBLE)" : `CAST('${v}' AS DOUBLE)`);

function options(config: CascadeConfig): CascadeSqlOptions {
  return {
    config,
    dialect: duckdbDialect,
    tables: {
      silverSources: 'silver_sources',
      silverReference: 'silver_reference',
      gold: 'gold',
      runs: 'runs',
      nameSimilarity: 'name_similarity',
      work: (name) => `w_${name}`,
    },
    vectorIndex: VECTOR_INDEX,
    pairEndpoint: PAIR_ENDPOINT,
    pairModelVersion: 'serving:ditto-matcher',
    llmEndpoint: LLM_ENDPOINT,
    dittoAttributes: DITTO_COMPANY_ATTRIBUTES,
    full: true,
  };
}

const scoreKey = (left: string, right: string) => `${left}\u0000${right}`;

/** Ranks as the vector_search channel defines them: score descending, ties by ciq_id. */
function rankedRetrieval(c: ParityCase, reference: ReadonlyMap<string, ReferenceEntity>) {
  return [...c.retrieved]
    .sort((a, b) => b.score - a.score || (a.ciqId < b.ciqId ? -1 : a.ciqId > b.ciqId ? 1 : 0))
    .map((r, rank) => ({ entity: reference.get(r.ciqId)!, score: r.score, rank }));
}

/** core's decisions for the cases. */
export async function coreOutcomes(
  cases: readonly ParityCase[],
  reference: readonly ReferenceEntity[],
  config: CascadeConfig,
): Promise<Map<string, Outcome>> {
  const byId = new Map(reference.map((e) => [e.ciq_id, e]));
  const byKey = new Map(cases.map((c) => [key(c.source), c]));
  const byTicker = new Map(cases.map((c) => [c.source.ticker!, c]));
  const scores = new Map<string, number>();
  for (const c of cases) {
    for (const e of reference) {
      const { left, right } = serializeDittoPair(c.source, e, DITTO_COMPANY_ATTRIBUTES);
      scores.set(scoreKey(left, right), c.pairScores[e.ciq_id] ?? 0.05);
    }
  }
  const transport: ChatTransport = {
    async complete(request) {
      const user = request.messages.map((m) => m.content).join('\n');
      const ticker = /ticker="(T\d+)"/.exec(user)?.[1];
      const reply = ticker ? byTicker.get(ticker)?.reply : undefined;
      if (!reply) throw new Error(`parity harness: no reply scripted for ${ticker}`);
      if ('error' in reply) throw new EmError(`endpoint error: ${reply.error}`, { isRetryable: true });
      return {
        content: reply.text,
        refusal: null,
        finishReason: 'stop',
        usage: { promptTokens: 0, completionTokens: 0 },
        model: LLM_ENDPOINT,
      };
    },
  };
  const caps = { maxBatchSize: 10_000, maxParallelCalls: 8 };
  const results: MatchResult[] = await runCascade(
    cases.map((c) => c.source),
    {
      lookup: {
        capabilities: caps,
        async lookupByIdentifiers(queries) {
          return queries.map((q) => {
            const hits: IdentifierHit[] = [];
            for (const scheme of SCHEMES) {
              const value = q[scheme];
              if (value === null) continue;
              for (const e of [...reference].sort((a, b) => (a.ciq_id < b.ciq_id ? -1 : 1)))
                if (validatedIdentifiers(e)[scheme] === value) hits.push({ scheme, value, entity: e });
            }
            return hits;
          });
        },
      },
      retriever: {
        capabilities: caps,
        async retrieve(sources) {
          return sources.map((s) => rankedRetrieval(byKey.get(key(s))!, byId));
        },
      },
      scorer: {
        capabilities: caps,
        modelVersion: 'serving:ditto-matcher',
        async scorePairs(pairs) {
          return {
            modelVersion: 'serving:ditto-matcher',
            probabilities: pairs.map((p) => {
              const { left, right } = serializeDittoPair(
                p.source,
                p.candidate.entity,
                DITTO_COMPANY_ATTRIBUTES,
              );
              return scores.get(scoreKey(left, right)) ?? 0.05;
            }),
          };
        },
      },
      adjudicator: createLlmAdjudicator({
        transport,
        model: LLM_ENDPOINT,
        autoMatchThreshold: config.autoMatchThreshold,
        maxParallelCalls: 8,
        timeoutMs: 60_000,
      }),
    },
    config,
  );
  return new Map(results.map((r) => [key(r), outcomeOf(r)]));
}

const outcomeOf = (r: MatchResult): Outcome => ({
  matched: r.matched_ciq_id,
  method: r.match_method,
  stage: r.match_stage,
  confidence: r.match_confidence,
  needsReview: r.needs_review,
});

async function exec(db: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
  const reader = await db.runAndReadAll(sql.replaceAll(':run_id', "'parity-run'"));
  return reader.getRowObjectsJS() as Record<string, unknown>[];
}

async function insert(db: DuckDBConnection, table: string, rows: readonly string[][]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    if (chunk.length > 0)
      await exec(db, `INSERT INTO ${table} VALUES ${chunk.map((r) => `(${r.join(', ')})`).join(', ')}`);
  }
}

/** The rendered statements' decisions, run on DuckDB. Returns them with the statement count. */
export async function sqlOutcomes(
  cases: readonly ParityCase[],
  reference: readonly ReferenceEntity[],
  config: CascadeConfig,
): Promise<{ outcomes: Map<string, Outcome>; statements: number }> {
  const instance = await DuckDBInstance.create(':memory:');
  const db = await instance.connect();
  try {
    await exec(
      db,
      `CREATE TABLE silver_reference (ciq_id VARCHAR, original_name VARCHAR, ticker VARCHAR, lei VARCHAR, isin VARCHAR, cusip VARCHAR,
        lei_raw VARCHAR, isin_raw VARCHAR, cusip_raw VARCHAR, country VARCHAR, industry VARCHAR, sector VARCHAR);
      CREATE TABLE silver_sources (source_system VARCHAR, source_id VARCHAR, original_name VARCHAR, search_text VARCHAR,
        lei VARCHAR, isin VARCHAR, cusip VARCHAR, ticker VARCHAR, lei_raw VARCHAR, isin_raw VARCHAR, cusip_raw VARCHAR,
        country VARCHAR, industry VARCHAR, identifier_notes VARCHAR, content_hash VARCHAR);
      CREATE TABLE gold (source_system VARCHAR, source_id VARCHAR, match_method VARCHAR, content_hash VARCHAR);
      CREATE TABLE runs (run_id VARCHAR, kind VARCHAR, started_at TIMESTAMP, finished_at TIMESTAMP, status VARCHAR, config VARCHAR, message VARCHAR);
      CREATE TABLE name_similarity (source_name VARCHAR, reference_name VARCHAR, name_similarity DOUBLE);
      CREATE TABLE test_retrieval (query_text VARCHAR, ciq_id VARCHAR, search_score DOUBLE);
      CREATE TABLE test_pair_scores (left_text VARCHAR, right_text VARCHAR, score DOUBLE);
      CREATE TABLE test_llm (marker VARCHAR, result VARCHAR, error VARCHAR);
      CREATE MACRO vector_search(index, query_text, num_results) AS TABLE
        SELECT ciq_id, search_score FROM test_retrieval t WHERE t.query_text = query_text;
      CREATE MACRO ai_query(endpoint, request) AS
          (SELECT score FROM test_pair_scores WHERE left_text = struct_extract(request, 'left') AND right_text = struct_extract(request, 'right')),
        (endpoint, request, responseFormat, modelParameters, failOnError) AS
          (SELECT struct_pack(result := result, errorMessage := error) FROM test_llm WHERE instr(request, marker) > 0);`,
    );
    await insert(
      db,
      'silver_reference',
      reference.map((e) => {
        const ids = validatedIdentifiers(e);
        return [
          e.ciq_id,
          e.company_name,
          e.ticker,
          ids.lei,
          ids.isin,
          ids.cusip,
          e.lei,
          e.isin,
          e.cusip,
          e.country,
          e.industry,
          e.sector,
        ].map(sqlText);
      }),
    );
    await insert(
      db,
      'silver_sources',
      cases.map(({ source: s }) => {
        const ids = validatedIdentifiers(s);
        const notes = ids.notes.length > 0 ? ids.notes.join('; ') : null;
        return [
          s.source_system,
          s.source_id,
          s.company_name,
          `q:${key(s)}`,
          ids.lei,
          ids.isin,
          ids.cusip,
          s.ticker,
          s.lei,
          s.isin,
          s.cusip,
          s.country,
          s.industry,
          notes,
          'h',
        ].map(sqlText);
      }),
    );
    await insert(
      db,
      'test_retrieval',
      cases.flatMap((c) =>
        c.retrieved.map((r) => [sqlText(`q:${key(c.source)}`), sqlText(r.ciqId), sqlNumber(r.score)]),
      ),
    );
    await insert(
      db,
      'test_pair_scores',
      cases.flatMap((c) =>
        reference.map((e) => {
          const { left, right } = serializeDittoPair(c.source, e, DITTO_COMPANY_ATTRIBUTES);
          return [sqlText(left), sqlText(right), sqlNumber(c.pairScores[e.ciq_id] ?? 0.05)];
        }),
      ),
    );
    await insert(
      db,
      'test_llm',
      cases.map((c) => [
        sqlText(`Source record (${key(c.source)}):`),
        'error' in c.reply ? 'NULL' : sqlText(c.reply.text),
        'error' in c.reply ? sqlText(c.reply.error) : 'NULL',
      ]),
    );

    const o = options(config);
    const rendered = renderCascade(o);
    for (const s of rendered.prepare) await exec(db, s.sql);
    const pairs = await exec(db, missingNamePairsSql(o, 1_000_000));
    await insert(
      db,
      'name_similarity',
      computeNamePairs(pairs).map((p) => [
        sqlText(p.source_name),
        sqlText(p.reference_name),
        sqlNumber(p.name_similarity),
      ]),
    );
    for (const s of rendered.decide) await exec(db, s.sql);
    const rows = await exec(
      db,
      'SELECT source_system, source_id, matched_ciq_id, match_method, match_stage, match_confidence, needs_review FROM w_decisions',
    );
    const outcomes = new Map(
      rows.map((r) => [
        `${r.source_system}/${r.source_id}`,
        {
          matched: (r.matched_ciq_id as string | null) ?? null,
          method: String(r.match_method),
          stage: String(r.match_stage),
          confidence: Number(r.match_confidence),
          needsReview: Boolean(r.needs_review),
        },
      ]),
    );
    const statements = rendered.prepare.length + rendered.decide.length + rendered.commit.length;
    return { outcomes, statements };
  } finally {
    db.closeSync();
    instance.closeSync();
  }
}
