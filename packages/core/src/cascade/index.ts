// The cascade (exact identifiers → retrieval → pair model → LLM), its pure routing pieces,
// the port-driving policy (mapBatches). Fakes of every port live in @em/core/testing.
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
  sharedIdentifierSchemes,
  type ValidatedIdentifiers,
  validatedIdentifiers,
} from './validated-identifiers.js';
