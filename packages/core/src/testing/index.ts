// @em/core/testing: in-memory fakes of every port and the engine-neutral contract suites
// (vitest), which every engine runs against its own implementations.
export {
  type CandidateRetrieverHarness,
  describeCandidateRetrieverContract,
} from './contracts/candidate-retriever-contract.js';
export {
  type ChatTransportHarness,
  describeChatTransportContract,
} from './contracts/chat-transport-contract.js';
export { CONTRACT_REFERENCE, source as contractSource } from './contracts/contract-data.js';
export {
  contractResult,
  describeMatchSinkContract,
  type GoldRowView,
  type MatchSinkHarness,
} from './contracts/match-sink-contract.js';
export { describePairScorerContract, type PairScorerHarness } from './contracts/pair-scorer-contract.js';
export {
  describeReferenceLookupContract,
  type ReferenceLookupHarness,
} from './contracts/reference-lookup-contract.js';
export {
  type CallLog,
  createInMemoryBackends,
  type InMemoryBackendOptions,
  type InMemoryBackends,
  type InMemoryPortName,
} from './fake-backends.js';
export { createFakeClock, type FakeClock } from './fake-clock.js';
export { parseCsv, parseCsvObjects } from './parse-csv.js';
