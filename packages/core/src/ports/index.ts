export type { PortCapabilities } from './capabilities.js';
export type { IdentifierScheme, IdentifierQuery, IdentifierHit, ReferenceLookup } from './reference-lookup.js';
export type { Candidate, CandidateRetriever } from './candidate-retriever.js';
export type { ScoringPair, PairScores, PairScorer } from './pair-scorer.js';
export type { AdjudicationRequest, AdjudicationUsage, Adjudication, Adjudicator } from './adjudicator.js';
export type { MatchSink } from './match-sink.js';
export type { ChatMessage, ChatRequest, ChatResponse, ChatTransport } from './chat-transport.js';
