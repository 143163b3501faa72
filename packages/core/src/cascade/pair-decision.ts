import type { CascadeConfig } from '../config/cascade-config.js';
import { MATCH_STAGES } from '../schemas/match-result.js';
import { type Decision, describeEntity, fmt, reviewCap, type WorkingCandidate } from './entity-work.js';

/** accept: auto-decidable match; margin: top two too close; tentative: leaning match below accept; none: no match. */
export type PairVerdict = 'accept' | 'margin' | 'tentative' | 'none';

export interface PairDecision {
  readonly verdict: PairVerdict;
  /** Best and runner-up pair scores (p2 = 0 without a runner-up). */
  readonly p1: number;
  readonly p2: number;
  /** What stands if nobody else (the LLM) decides. */
  readonly decision: Decision;
}

/** A tie in probability is broken by retrieval rank, so the order is deterministic. */
export function rankByPairScore(candidates: readonly WorkingCandidate[]): WorkingCandidate[] {
  return [...candidates].sort((a, b) => (b.pairScore ?? -1) - (a.pairScore ?? -1) || a.rank - b.rank);
}

/** Float slack so that 0.9 − 0.8 counts as a margin of 0.1. */
export const PAIR_MARGIN_EPSILON = 1e-9;

/** Stage 3's decision from scored candidates (non-empty, already ranked by pair score). */
export function decidePair(
  ranked: readonly WorkingCandidate[],
  config: Pick<CascadeConfig, 'autoMatchThreshold' | 'pairAcceptThreshold' | 'pairMargin'>,
  modelVersion: string,
): PairDecision {
  const top = ranked[0]!;
  const second = ranked[1];
  const p1 = top.pairScore ?? 0;
  const p2 = second?.pairScore ?? 0;
  const topName = describeEntity(top.entity);
  const base = { stage: MATCH_STAGES.pair_model, modelVersion } as const;
  const matchTop = { ...base, method: 'pair_model', matched: top.entity } as const;
  const runnerUp = second ? `runner-up ${describeEntity(second.entity)} at ${fmt(p2)}` : 'no runner-up';

  if (p1 >= config.pairAcceptThreshold) {
    if (p1 - p2 >= config.pairMargin - PAIR_MARGIN_EPSILON) {
      const reasoning = `Pair model matched ${topName} at ${fmt(p1)}; ${runnerUp}`;
      return { verdict: 'accept', p1, p2, decision: { ...matchTop, confidence: p1, reasoning } };
    }
    const reasoning =
      `Pair model undecided: ${topName} at ${fmt(p1)} vs ${second ? `${describeEntity(second.entity)} at ${fmt(p2)}` : 'no runner-up'} ` +
      `(margin ${fmt(p1 - p2)} < ${fmt(config.pairMargin)}); tentative match to the top candidate, sent to review`;
    const confidence = Math.min(p1, reviewCap(config.autoMatchThreshold));
    return { verdict: 'margin', p1, p2, decision: { ...matchTop, confidence, reasoning } };
  }
  if (p1 >= 0.5) {
    const reasoning =
      `Pair model leans to ${topName} at ${fmt(p1)} (below accept ${fmt(config.pairAcceptThreshold)}); ` +
      `tentative match, sent to review; ${runnerUp}`;
    const confidence = Math.min(p1, reviewCap(config.autoMatchThreshold));
    return { verdict: 'tentative', p1, p2, decision: { ...matchTop, confidence, reasoning } };
  }
  const reasoning = `No match: best candidate ${topName} scored ${fmt(p1)}`;
  return {
    verdict: 'none',
    p1,
    p2,
    decision: { ...base, method: 'no_match', matched: null, confidence: 1 - p1, reasoning },
  };
}

/** Candidates but no pair model: nothing decides, so the top candidate is left for review at confidence 0. */
export function decideUnscored(ranked: readonly WorkingCandidate[]): Decision {
  const top = ranked[0]!;
  return {
    method: 'no_match',
    stage: MATCH_STAGES.retrieval,
    matched: null,
    confidence: 0,
    reasoning: `No pair model configured; top candidate ${describeEntity(top.entity)} (retrieval score ${fmt(top.score)}) left for review`,
    modelVersion: 'none',
  };
}

/**
 * A retriever looked and found nothing (and no identifier hit): a confident "no match", 1 − p1
 * with p1 = 0. (Without a retriever nobody looked; see candidate-retrieval.ts.)
 */
export function decideNothingFound(topK: number): Decision {
  return {
    method: 'no_match',
    stage: MATCH_STAGES.retrieval,
    matched: null,
    confidence: 1,
    reasoning: `Retriever found no candidates (top-${topK}); no match`,
    modelVersion: 'none',
  };
}
