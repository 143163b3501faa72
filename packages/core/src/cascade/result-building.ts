import type { CascadeConfig } from '../config/cascade-config.js';
import { costOfUsage } from '../cost/index.js';
import { EmError } from '../errors.js';
import type { MatchResult } from '../schemas/match-result.js';
import { type EntityWork, fmt, reviewCap } from './entity-work.js';
import { rankByPairScore } from './pair-decision.js';
import { toScoredCandidate } from './scored-candidate.js';

export interface ResultContext {
  readonly config: Pick<CascadeConfig, 'autoMatchThreshold' | 'prices'>;
  /** ISO time stamped on the row (one per batch). */
  readonly timestamp: string;
  /** Prefixed to the model version as `<engineVersion>/<model>`. */
  readonly engineVersion?: string | undefined;
}

/**
 * The gold row for one entity. Applies the rules every row obeys: confidence in [0, 1] (NaN → 0,
 * noted); an identifier conflict is capped strictly below the auto-match threshold; needs_review
 * ⇔ confidence < threshold and auto_matched = !needs_review; usage and cost from what was recorded.
 */
export function buildResult(work: EntityWork, ctx: ResultContext): MatchResult {
  const decision = work.decision;
  if (decision === null) {
    throw new EmError(
      `Internal error: source ${work.source.source_system}/${work.source.source_id} left the cascade undecided.`,
    );
  }
  const notes = [...work.notes];
  const threshold = ctx.config.autoMatchThreshold;
  let confidence = decision.confidence;
  if (Number.isNaN(confidence)) {
    notes.push('confidence was NaN; set to 0');
    confidence = 0;
  }
  confidence = Math.min(1, Math.max(0, confidence));
  if (work.conflict && confidence >= threshold) {
    confidence = reviewCap(threshold);
    notes.push(`confidence capped at ${fmt(confidence)} because of the identifier conflict`);
  }
  const needsReview = confidence < threshold;
  const usage = { ...work.usage, compute_ms: work.elapsedMs };
  const cost = costOfUsage(usage, ctx.config.prices);
  const modelVersion = ctx.engineVersion
    ? `${ctx.engineVersion}/${decision.modelVersion}`
    : decision.modelVersion;
  const version = (work.source as { readonly version?: unknown }).version;
  return {
    ...(typeof version === 'string' && { source_version: version }),
    source_id: work.source.source_id,
    source_system: work.source.source_system,
    company_name: work.source.company_name,
    matched_ciq_id: decision.matched?.ciq_id ?? null,
    match_confidence: confidence,
    match_method: decision.method,
    match_stage: decision.stage,
    reasoning: [decision.reasoning, ...notes].join('; '),
    matched_company_name: decision.matched?.company_name ?? null,
    match_timestamp: ctx.timestamp,
    processing_time_ms: work.elapsedMs,
    model_version: modelVersion,
    needs_review: needsReview,
    auto_matched: !needsReview,
    candidates: rankByPairScore(work.candidates).map(toScoredCandidate),
    usage,
    cost_usd: Number.isFinite(cost) && cost > 0 ? cost : 0,
  };
}
