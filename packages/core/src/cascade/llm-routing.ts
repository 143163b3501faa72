import type { CascadeConfig } from '../config/cascade-config.js';
import type { Adjudication, Adjudicator } from '../ports/adjudicator.js';
import { MATCH_STAGES } from '../schemas/match-result.js';
import { clampUnit, type Decision, describeEntity, type EntityWork, reviewCap } from './entity-work.js';
import { mapConcurrent } from './map-batches.js';
import type { PairDecision } from './pair-decision.js';
import { withEntity } from './scored-candidate.js';
import { callStage, describeBatch } from './stage-error.js';
import { type Clock, timedCall, timedEach } from './timing.js';

/**
 * Which stage-3 outcomes go to the LLM (when one is configured): never an accepted match; a best
 * score in [llm.minPairScore, llm.maxPairScore); or a margin failure with p1 ≥ llm.minPairScore.
 */
export function shouldAdjudicate(pd: PairDecision, llm: CascadeConfig['llm']): boolean {
  if (!llm.enabled || pd.verdict === 'accept') return false;
  const inBand = pd.p1 >= llm.minPairScore && pd.p1 < llm.maxPairScore;
  return inBand || (pd.verdict === 'margin' && pd.p1 >= llm.minPairScore);
}

/**
 * Turn the adjudicator's answer into the decision. A choice among the candidates (or null for
 * "none") is the model's decision at its confidence. A choice outside the candidates or a failed
 * call never becomes a match: the stage-3 decision stands, capped below the auto-match threshold.
 */
export function applyAdjudication(
  work: EntityWork,
  reply: Adjudication,
  fallback: Decision,
  config: Pick<CascadeConfig, 'autoMatchThreshold'>,
): Decision {
  const failed = (reason: string): Decision => ({
    ...fallback,
    confidence: Math.min(fallback.confidence, reviewCap(config.autoMatchThreshold)),
    reasoning: `LLM adjudication failed: ${reason}; sent to review. ${fallback.reasoning}`,
  });
  if (reply.kind === 'failed') return failed(reply.reason || 'no reason given');
  const chosen = reply.choice === null ? null : work.candidates.find((c) => c.entity.ciq_id === reply.choice);
  if (chosen === undefined) return failed(`model chose ${reply.choice}, which is not among the candidates`);
  if (Number.isNaN(reply.confidence)) work.notes.push('LLM confidence was NaN; used 0');
  const confidence = clampUnit(reply.confidence);
  const said = reply.reasoning.trim();
  const fallbackText = chosen
    ? `LLM chose ${describeEntity(chosen.entity)}`
    : 'LLM found no match among the candidates';
  return {
    method: chosen ? 'llm' : 'no_match',
    stage: MATCH_STAGES.llm,
    matched: chosen ? chosen.entity : null,
    confidence,
    reasoning: said === '' ? fallbackText : said,
    modelVersion: reply.modelVersion,
  };
}

const count = (n: number): number => (Number.isFinite(n) && n > 0 ? n : 0);

/** Stage 4: adjudicate each routed case, at most `maxParallelCalls` at once; usage is recorded per entity. */
export async function runLlmStage(
  cases: readonly { readonly work: EntityWork; readonly pair: PairDecision }[],
  adjudicator: Adjudicator,
  config: CascadeConfig,
  clock: Clock,
  signal?: AbortSignal,
): Promise<void> {
  const replies = await mapConcurrent(
    cases,
    adjudicator.capabilities.maxParallelCalls,
    ({ work }) => {
      const key = `${work.source.source_system}/${work.source.source_id}`;
      return callStage(
        'adjudication',
        `${describeBatch(1)} (${key})`,
        () =>
          timedCall(clock, [work], () =>
            adjudicator.adjudicate({ source: work.source, candidates: work.candidates.map(withEntity) }),
          ),
        signal,
      );
    },
    signal,
  );
  const answers = new Map(cases.map((c, i) => [c.work, { pair: c.pair, reply: replies[i]! }] as const));
  timedEach(clock, [...answers.keys()], (work) => {
    const { pair, reply } = answers.get(work)!;
    work.usage.llm_calls += count(reply.usage?.calls ?? 0);
    work.usage.llm_prompt_tokens += count(reply.usage?.promptTokens ?? 0);
    work.usage.llm_completion_tokens += count(reply.usage?.completionTokens ?? 0);
    work.decision = applyAdjudication(work, reply, pair.decision, config);
  });
}
