export type { Adjudication, AdjudicationRequest, AdjudicationUsage, Adjudicator } from './adjudicator.js';
export type { Candidate, CandidateRetriever } from './candidate-retriever.js';
export type { PortCapabilities } from './capabilities.js';
export type { ChatMessage, ChatRequest, ChatResponse, ChatTransport } from './chat-transport.js';
export type { MatchSink } from './match-sink.js';
export type { PairScorer, PairScores, ScoringPair } from './pair-scorer.js';
export type {
  IdentifierHit,
  IdentifierQuery,
  IdentifierScheme,
  ReferenceLookup,
} from './reference-lookup.js';
export type {
  PendingCriteria,
  PendingCursor,
  RunOutcome,
  RunStore,
  UnfinishedFullRun,
  VersionedSource,
} from './run-store.js';
