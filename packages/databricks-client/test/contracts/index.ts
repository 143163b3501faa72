// Contract suites: one per port, runnable against any engine (the Databricks client here, the
// embedded engine from packages/local's tests). Each takes a name and a factory.
export {
  type CandidateRetrieverHarness,
  describeCandidateRetrieverContract,
} from './candidate-retriever-contract.js';
export { type ChatTransportHarness, describeChatTransportContract } from './chat-transport-contract.js';
export { CONTRACT_REFERENCE, source as contractSource } from './contract-data.js';
export {
  contractResult,
  describeMatchSinkContract,
  type GoldRowView,
  type MatchSinkHarness,
} from './match-sink-contract.js';
export { describePairScorerContract, type PairScorerHarness } from './pair-scorer-contract.js';
export { describeReferenceLookupContract, type ReferenceLookupHarness } from './reference-lookup-contract.js';
