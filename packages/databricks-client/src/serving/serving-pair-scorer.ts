import { EmError, type PairScorer, type PairScores, type PortCapabilities, type ScoringPair } from '@em/core';
import { DITTO_COMPANY_ATTRIBUTES, serializeDittoPair } from '@em/core/text';
import type { DatabricksHttp } from '../http/databricks-http.js';

export interface ServingPairScorerOptions {
  /** Model Serving endpoint running the Ditto model (notebooks/04_serve_ditto.py). */
  readonly endpointName: string;
  /** Recorded in gold.model_version. Default `serving:<endpointName>`. */
  readonly modelVersion?: string;
  /** Attributes serialized for each side; must be what the model was trained on. */
  readonly attributes?: readonly string[];
  /** Pairs per request (default 256: a batch's top-k pairs in one call, well under the 16 MB payload limit). */
  readonly capabilities?: Partial<PortCapabilities>;
  /**
   * Time for one scoring call, 503 retries included. A scaled-to-zero endpoint takes minutes to
   * start, so the default is 10 minutes rather than the client's usual budget.
   */
  readonly budgetMs?: number;
}

/** One `dataframe_records` row: a Ditto-serialized pair, exactly the columns the notebook trains on. */
export function dittoRecord(pair: ScoringPair, attributes: readonly string[] = DITTO_COMPANY_ATTRIBUTES) {
  return serializeDittoPair(pair.source, pair.candidate.entity, attributes);
}

/** `predictions[i]` is a probability, or an object with `match_probability`. */
function probability(prediction: unknown): number | null {
  const value =
    typeof prediction === 'object' && prediction !== null
      ? (prediction as { match_probability?: unknown }).match_probability
      : prediction;
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 1 ? value : null;
}

/**
 * Stage 3 on Model Serving: every pair of a batch in one
 * `POST /serving-endpoints/{name}/invocations` with `dataframe_records` of `{ left, right }`.
 * A cold start (503) is retried by the HTTP policy within its budget.
 */
export class ServingPairScorer implements PairScorer {
  readonly capabilities: PortCapabilities;
  readonly modelVersion: string;

  constructor(
    private readonly http: DatabricksHttp,
    private readonly options: ServingPairScorerOptions,
  ) {
    this.capabilities = { maxBatchSize: 256, maxParallelCalls: 4, ...options.capabilities };
    this.modelVersion = options.modelVersion ?? `serving:${options.endpointName}`;
  }

  async scorePairs(pairs: readonly ScoringPair[]): Promise<PairScores> {
    if (pairs.length === 0) return { probabilities: [], modelVersion: this.modelVersion };
    const { endpointName } = this.options;
    const reply = await this.http.call<{ predictions?: unknown }>({
      method: 'POST',
      path: `/serving-endpoints/${encodeURIComponent(endpointName)}/invocations`,
      idempotent: true,
      budgetMs: this.options.budgetMs ?? 10 * 60_000,
      body: { dataframe_records: pairs.map((p) => dittoRecord(p, this.options.attributes)) },
    });
    const predictions = reply.predictions;
    if (!Array.isArray(predictions) || predictions.length !== pairs.length) {
      throw new EmError(
        `Serving endpoint ${endpointName} returned ${Array.isArray(predictions) ? predictions.length : 'no'} predictions for ${pairs.length} pairs; it must return one per dataframe_records row.`,
      );
    }
    const probabilities = predictions.map((p, i) => {
      const value = probability(p);
      if (value === null) {
        throw new EmError(
          `Serving endpoint ${endpointName} returned ${JSON.stringify(p)} for row ${i}; expected a match probability in [0, 1] or { "match_probability": … }.`,
        );
      }
      return value;
    });
    return { probabilities, modelVersion: this.modelVersion };
  }
}
