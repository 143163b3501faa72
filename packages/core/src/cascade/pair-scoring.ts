import type { CascadeConfig } from '../config/cascade-config.js';
import type { PairScorer, PairScores, ScoringPair } from '../ports/pair-scorer.js';
import { clampUnit, describeEntity, type EntityWork, type WorkingCandidate } from './entity-work.js';
import { mapBatches } from './map-batches.js';
import {
  decideNothingFound,
  decidePair,
  decideUnscored,
  type PairDecision,
  rankByPairScore,
} from './pair-decision.js';
import { callStage, describeBatch, expectLength } from './stage-error.js';
import { type Clock, timedCall, timedEach } from './timing.js';

interface PairJob {
  readonly work: EntityWork;
  readonly candidate: WorkingCandidate;
  readonly pair: ScoringPair;
}

/** Every (source, candidate) pair, with the retrieval context the scorer may use. */
function pairsOf(work: EntityWork): PairJob[] {
  const list = work.candidates;
  const topScore = list[0]?.score ?? 0;
  return list.map((candidate, i) => ({
    work,
    candidate,
    pair: {
      source: work.source,
      candidate: {
        entity: candidate.entity,
        score: candidate.score,
        rank: candidate.rank,
        ...(candidate.channels ? { channels: candidate.channels } : {}),
      },
      topScore,
      nextScore: list[i + 1]?.score ?? null,
    },
  }));
}

function recordScore(job: PairJob, raw: number, modelVersion: string): void {
  const score = clampUnit(raw);
  if (score !== raw) {
    const what = Number.isNaN(raw) ? 'NaN' : String(raw);
    job.work.notes.push(
      `pair model returned ${what} for ${describeEntity(job.candidate.entity)}; used ${score}`,
    );
  }
  job.candidate.pairScore = score;
  job.work.pairModelVersion = modelVersion;
  job.work.usage.pairs_scored += 1;
}

/**
 * Stage 3: score every candidate of every undecided source (pairs batched across sources), then
 * decide each. Returns the pair decisions, which stage 4 uses to pick its cases.
 */
export async function runPairStage(
  works: readonly EntityWork[],
  scorer: PairScorer | undefined,
  config: CascadeConfig,
  clock: Clock,
  signal?: AbortSignal,
): Promise<Map<EntityWork, PairDecision>> {
  const pending = works.filter((w) => w.decision === null);
  const decisions = new Map<EntityWork, PairDecision>();
  const jobs = scorer ? pending.flatMap(pairsOf) : [];
  if (scorer && jobs.length > 0) {
    const answers = await mapBatches(
      jobs,
      scorer.capabilities,
      (batch) =>
        callStage(
          'scoring',
          describeBatch(batch.length, 'pair', new Set(batch.map((j) => j.work)).size),
          () =>
            timedCall(
              clock,
              batch.map((j) => j.work),
              async (): Promise<PairScores> => {
                const scores = await scorer.scorePairs(batch.map((j) => j.pair));
                expectLength('Pair scorer', scores?.probabilities, batch.length, 'pair');
                return scores;
              },
            ),
          signal,
        ),
      signal,
    );
    let offset = 0;
    for (const scores of answers) {
      const count = scores.probabilities.length;
      for (let i = 0; i < count; i++) {
        recordScore(jobs[offset + i]!, scores.probabilities[i]!, scores.modelVersion || scorer.modelVersion);
      }
      offset += count;
    }
  }
  timedEach(clock, pending, (work) => {
    if (work.candidates.length === 0) {
      work.decision = decideNothingFound(config.topK);
    } else if (!scorer) {
      work.decision = decideUnscored(work.candidates);
    } else {
      work.candidates = rankByPairScore(work.candidates);
      const pd = decidePair(work.candidates, config, work.pairModelVersion ?? scorer.modelVersion);
      work.decision = pd.decision;
      decisions.set(work, pd);
    }
  });
  return decisions;
}
