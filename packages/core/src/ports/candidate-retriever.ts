import type { ReferenceEntity } from '../schemas/reference-entity.js';
import type { SourceEntity } from '../schemas/source-entity.js';
import type { PortCapabilities } from './capabilities.js';

export interface Candidate {
  readonly entity: ReferenceEntity;
  /** Higher is better; the scale is the retriever's own (cosine for our index, `score` for Vector Search). */
  readonly score: number;
  /** 0-based position in the retriever's ranking. */
  readonly rank: number;
  /**
   * Which candidate channels found it ('name', 'ticker', 'isin', a blocking key's name, …).
   * Absent: the name channel alone (a plain retriever). Candidates found only by channels other
   * than 'name' are kept past top-k: each channel is a reason to look at that row.
   */
  readonly channels?: readonly string[];
}

/** Stage 2: top-k reference candidates for each source of a batch, best first. */
export interface CandidateRetriever {
  readonly capabilities: PortCapabilities;
  retrieve(sources: readonly SourceEntity[], k: number): Promise<Candidate[][]>;
}
