// The cascade (exact identifiers → retrieval → pair model → LLM), its pure routing pieces,
// the port-driving policy (mapBatches) and in-memory fakes of every port for contract tests.
export { mergeCandidates } from './candidate-merge.js';
export type { CascadeBackends, CascadeOptions } from './cascade-types.js';
export { type ChannelRecall, channelRecall, type RecallCase } from './channel-recall.js';
export { type Decision as CascadeDecision, reviewCap, type WorkingCandidate } from './entity-work.js';
export { type IdentifierOutcome, routeIdentifierHits } from './identifier-routing.js';
export { shouldAdjudicate } from './llm-routing.js';
export { mapBatches, mapConcurrent } from './map-batches.js';
export { decidePair, PAIR_MARGIN_EPSILON, type PairDecision, type PairVerdict } from './pair-decision.js';
export { runCascade } from './run-cascade.js';
export { RunTally } from './run-tally.js';
export {
  type CallLog,
  createInMemoryBackends,
  type InMemoryBackendOptions,
  type InMemoryBackends,
  type InMemoryPortName,
} from './testing/fake-backends.js';
export { createFakeClock, type FakeClock } from './testing/fake-clock.js';
export {
  sharedIdentifierSchemes,
  type ValidatedIdentifiers,
  validatedIdentifiers,
} from './validated-identifiers.js';
