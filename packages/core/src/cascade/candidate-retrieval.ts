import type { CascadeConfig } from '../config/cascade-config.js';
import type { Candidate, CandidateRetriever } from '../ports/candidate-retriever.js';
import { MATCH_STAGES } from '../schemas/match-result.js';
import { mergeCandidates } from './candidate-merge.js';
import type { EntityWork } from './entity-work.js';
import { mapBatches } from './map-batches.js';
import { callStage, describeBatch, expectLength } from './stage-error.js';
import { type Clock, timedCall, timedEach } from './timing.js';

/**
 * Stage 2 for the sources stage 1 did not settle. With a retriever, each gets its top-k plus any
 * identifier-hit entities. Without one, identifier-hit entities are the only candidates, and a
 * source with none goes to review: confidence 0, because nobody looked for a match.
 */
export async function runRetrievalStage(
  works: readonly EntityWork[],
  retriever: CandidateRetriever | undefined,
  config: CascadeConfig,
  clock: Clock,
  signal?: AbortSignal,
  /** Runs each retriever call: a gate shared by the batches retrieved at once keeps them within the port's maxParallelCalls. */
  through: (call: () => Promise<void>) => Promise<void> = (call) => call(),
): Promise<void> {
  const pending = works.filter((w) => w.decision === null);
  const retrieved = new Map<EntityWork, readonly Candidate[]>();
  if (retriever) {
    await mapBatches(
      pending,
      retriever.capabilities,
      (batch) =>
        through(() =>
          callStage(
            'retrieval',
            describeBatch(batch.length),
            () =>
              timedCall(clock, batch, async () => {
                const lists = await retriever.retrieve(
                  batch.map((w) => w.source),
                  config.topK,
                );
                expectLength('Candidate retriever', lists, batch.length, 'source');
                batch.forEach((w, i) => {
                  retrieved.set(w, lists[i] ?? []);
                });
              }),
            signal,
          ),
        ),
      signal,
    );
  }
  timedEach(clock, pending, (work) => {
    if (retriever) {
      work.retrieved = true;
      work.usage.retrieval_queries = 1;
    }
    work.candidates = mergeCandidates(retrieved.get(work) ?? [], work.hitEntities, work.ids, config.topK);
    if (!retriever && work.candidates.length === 0) {
      work.decision = {
        method: 'no_match',
        stage: MATCH_STAGES.retrieval,
        matched: null,
        confidence: 0,
        reasoning: 'No candidate retriever configured; sent to review',
        modelVersion: 'none',
      };
    }
  });
}
