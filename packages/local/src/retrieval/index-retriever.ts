import type {
  Candidate,
  CandidateRetriever,
  PortCapabilities,
  ReferenceEntity,
  SourceEntity,
} from '@em/core';
import { EmError } from '@em/core';
import { type ReferenceRows, referenceRows } from '../reference/reference-rows.js';
import type { NameIndex } from './name-index.js';

/**
 * `CandidateRetriever` over an in-process `NameIndex` whose documents are `reference`, in order
 * (an array of entities or a columnar `ReferenceStore`: only candidates become objects).
 */
export class IndexRetriever implements CandidateRetriever {
  readonly capabilities: PortCapabilities = { maxBatchSize: 1024, maxParallelCalls: 1 };

  private readonly rows: ReferenceRows;

  constructor(
    readonly index: NameIndex,
    reference: readonly ReferenceEntity[] | ReferenceRows,
  ) {
    this.rows = referenceRows(reference);
    if (index.size !== reference.length) {
      throw new EmError(
        `The retrieval index holds ${index.size} rows but the reference has ${reference.length}; rebuild it with \`em index\`.`,
      );
    }
  }

  async retrieve(sources: readonly SourceEntity[], k: number): Promise<Candidate[][]> {
    return sources.map((source) => this.retrieveOne(source, k));
  }

  retrieveOne(source: SourceEntity, k: number): Candidate[] {
    return this.index.search(source, k).map((hit, rank) => ({
      entity: this.rows.row(hit.doc),
      score: hit.score,
      rank,
    }));
  }
}
