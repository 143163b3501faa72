import type { Prices } from '../config/cascade-config.js';
import type {
  Adjudication,
  AdjudicationRequest,
  AdjudicationUsage,
  Adjudicator,
} from '../ports/adjudicator.js';
import type { ChatMessage, ChatTransport } from '../ports/chat-transport.js';
import { type AdjudicationFailureKind, attemptAdjudication } from './adjudication-attempt.js';
import {
  type AdjudicationCache,
  adjudicationCacheKey,
  type CachedAdjudication,
} from './adjudication-cache.js';
import { adjudicationJsonSchema, buildAdjudicationMessages } from './adjudication-prompt.js';
import { createCircuitBreaker } from './circuit-breaker.js';
import { createAdjudicatorStats, type LlmAdjudicatorStats } from './llm-adjudicator-stats.js';
import { createBudgetMeter, type LlmBudget } from './llm-budget.js';
import type { LlmCalibration } from './llm-calibration.js';
import { adjudicatedConfidence } from './llm-confidence.js';

export interface LlmAdjudicatorOptions {
  readonly transport: ChatTransport;
  readonly model: string;
  /** Declared as `capabilities.maxParallelCalls`; the cascade keeps at most this many cases in flight. Default 4. */
  readonly maxParallelCalls?: number;
  /** Deadline of each attempt (the transport's own retries included). Default 60 000. */
  readonly timeoutMs?: number;
  /** `max_tokens` per reply. Default 512. */
  readonly maxCompletionTokens?: number;
  /** Default 0. */
  readonly temperature?: number;
  /** Per-run limit; once spent, remaining cases fail with "LLM budget exhausted (…)". One adjudicator per run. */
  readonly budget?: LlmBudget;
  /** For the USD budget and `stats().costUsd`. Default: the config's default prices. */
  readonly prices?: Prices;
  /** Decided answers by hash of (model, prompt): a re-run asks nothing twice. */
  readonly cache?: AdjudicationCache;
  /** Fitted by `fitLlmCalibration`; without one, answers are capped below `autoMatchThreshold`. */
  readonly calibration?: LlmCalibration | null;
  /** Default 0.9 (the config's). */
  readonly autoMatchThreshold?: number;
  /** Recorded as `model_version`. Default: the model the endpoint says answered, else `model`. */
  readonly modelVersion?: string;
  /**
   * Circuit breaker: after this many cases in a row fail because the endpoint is unreachable,
   * answers 5xx or times out, stop calling it; the remaining cases go to review with one
   * reason. Default 5; 0 never stops.
   */
  readonly circuitBreakerFailures?: number;
}

const NO_USAGE: AdjudicationUsage = { calls: 0, promptTokens: 0, completionTokens: 0 };

/** A case's usage as reported: failedCalls only when some call failed. */
const usageOf = ({ failedCalls, ...usage }: AdjudicationUsage): AdjudicationUsage =>
  failedCalls ? { ...usage, failedCalls } : usage;
const ATTEMPTS = 2;

const retryPrompt = (reason: string, ids: readonly string[]): string =>
  `That reply could not be used: ${reason}. Reply again with only the JSON object; "choice" must be one of ${ids
    .map((id) => JSON.stringify(id))
    .join(', ')} or "none".`;

/**
 * Stage 4 over any OpenAI-compatible chat endpoint: one prompt per case (source record and
 * scored candidates), a strict JSON-schema reply, parsed defensively. A bad reply (a choice
 * outside the candidates, malformed JSON, a refusal, an empty reply) or a timeout is retried
 * once, then the case fails with the reason and goes to review: never a guessed match.
 */
export function createLlmAdjudicator(
  options: LlmAdjudicatorOptions,
): Adjudicator & { stats(): LlmAdjudicatorStats } {
  const { transport, model, cache } = options;
  const timeoutMs = options.timeoutMs ?? 60_000;
  const calibration = options.calibration ?? null;
  const threshold = options.autoMatchThreshold ?? 0.9;
  const meter = createBudgetMeter(options.budget, options.prices);
  const breaker = createCircuitBreaker(options.circuitBreakerFailures ?? 5);
  const stats = createAdjudicatorStats(meter, breaker.openReason);

  const decided = (answer: CachedAdjudication, usage: AdjudicationUsage): Adjudication => {
    const { confidence, note } = adjudicatedConfidence(answer.statedConfidence, calibration, threshold);
    stats.decided();
    const reasoning = answer.reasoning === '' ? note : `${answer.reasoning} ${note}`;
    return {
      kind: 'decided',
      choice: answer.choice,
      confidence,
      reasoning,
      modelVersion: answer.modelVersion,
      usage,
    };
  };
  const failed = (
    problem: AdjudicationFailureKind,
    reason: string,
    usage: AdjudicationUsage,
  ): Adjudication => {
    stats.failed(problem);
    return { kind: 'failed', reason, usage };
  };

  async function adjudicate(request: AdjudicationRequest): Promise<Adjudication> {
    const ids = request.candidates.map((c) => c.entity.ciq_id);
    if (ids.length === 0) return failed('no_candidates', 'no candidates to choose from', NO_USAGE);
    const messages = buildAdjudicationMessages(request);
    const key = adjudicationCacheKey(model, messages);
    const hit = cache ? await cache.get(key) : undefined;
    if (hit !== undefined && (hit.choice === null || ids.includes(hit.choice))) {
      stats.cacheHit();
      return decided(hit, NO_USAGE);
    }
    const stopped = breaker.openReason();
    if (stopped !== null) return failed('circuit_open', stopped, NO_USAGE);
    const usage = { calls: 0, failedCalls: 0, promptTokens: 0, completionTokens: 0 };
    let conversation: readonly ChatMessage[] = messages;
    let last = { problem: 'empty' as AdjudicationFailureKind, reason: '' };
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      const spent = meter.exhaustedReason();
      if (spent !== null) return failed('budget', spent, usageOf(usage));
      if (attempt > 1) stats.retried();
      const outcome = await attemptAdjudication(
        transport,
        {
          model,
          messages: conversation,
          temperature: options.temperature ?? 0,
          maxTokens: options.maxCompletionTokens ?? 512,
          jsonSchema: adjudicationJsonSchema(ids),
        },
        ids,
        timeoutMs,
      );
      const response = outcome.kind === 'give_up' ? null : outcome.response;
      if (response === null) {
        // No reply: a failed call, counted apart from the calls that answered (llm_calls).
        const n = outcome.kind === 'give_up' ? outcome.httpCalls : 1;
        usage.failedCalls += n;
        stats.callFailed(n);
      } else {
        const callUsage = {
          calls: 1,
          promptTokens: response.usage.promptTokens,
          completionTokens: response.usage.completionTokens,
        };
        usage.calls += 1;
        usage.promptTokens += callUsage.promptTokens;
        usage.completionTokens += callUsage.completionTokens;
        meter.record(callUsage);
        stats.called();
        breaker.succeeded();
      }
      if (outcome.kind === 'give_up') {
        if (outcome.endpointDown) breaker.failed(outcome.reason);
        return failed(outcome.problem, outcome.reason, usageOf(usage));
      }
      if (outcome.kind === 'answer') {
        const { choice, confidence, reasoning } = outcome.answer;
        const modelVersion = options.modelVersion ?? (outcome.response.model || model);
        const answer: CachedAdjudication = {
          choice,
          statedConfidence: confidence,
          reasoning,
          modelVersion,
          usage: usageOf(usage),
        };
        await cache?.set(key, answer);
        return decided(answer, usageOf(usage));
      }
      last = { problem: outcome.problem, reason: outcome.reason };
      conversation =
        outcome.response && outcome.response.content.trim() !== ''
          ? [
              ...messages,
              { role: 'assistant', content: outcome.response.content },
              { role: 'user', content: retryPrompt(outcome.reason, ids) },
            ]
          : messages;
    }
    if (last.problem === 'timeout') breaker.failed(last.reason);
    return failed(last.problem, `${last.reason} (after ${ATTEMPTS} attempts)`, usageOf(usage));
  }

  return {
    capabilities: {
      maxBatchSize: 1,
      maxParallelCalls: Math.max(1, Math.floor(options.maxParallelCalls ?? 4)),
    },
    adjudicate,
    stats: stats.snapshot,
  };
}
