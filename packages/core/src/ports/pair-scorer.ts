import type { SourceEntity } from '../schemas/source-entity.js';
import type { Candidate } from './candidate-retriever.js';
import type { PortCapabilities } from './capabilities.js';

/** One (source, candidate) pair with the retrieval context a scorer may use as features. */
export interface ScoringPair {
  readonly source: SourceEntity;
  readonly candidate: Candidate;
  /** Retrieval score of the best candidate for this source. */
  readonly topScore: number;
  /** Retrieval score of the candidate ranked just below this one, or null if it is last. */
  readonly nextScore: number | null;
}

export interface PairScores {
  /** Match probability in [0, 1] for each pair, in order. */
  readonly probabilities: number[];
  readonly modelVersion: string;
}

/** Stage 3: a trained matcher scoring every pair of a batch. */
export interface PairScorer {
  readonly capabilities: PortCapabilities;
  readonly modelVersion: string;
  scorePairs(pairs: readonly ScoringPair[]): Promise<PairScores>;
}
