import type { CascadeBackends } from '../cascade/cascade-types.js';
import { canonicalIdentifier, IDENTIFIER_SCHEMES } from '../cascade/validated-identifiers.js';
import type { Adjudication, AdjudicationRequest, Adjudicator } from '../ports/adjudicator.js';
import type { Candidate, CandidateRetriever } from '../ports/candidate-retriever.js';
import type { PortCapabilities } from '../ports/capabilities.js';
import type { MatchSink } from '../ports/match-sink.js';
import type { PairScorer, ScoringPair } from '../ports/pair-scorer.js';
import type { IdentifierHit, ReferenceLookup } from '../ports/reference-lookup.js';
import type { MatchResult } from '../schemas/match-result.js';
import type { ReferenceEntity } from '../schemas/reference-entity.js';
import type { FakeClock } from './fake-clock.js';

export type InMemoryPortName = 'lookup' | 'retriever' | 'scorer' | 'adjudicator' | 'sink';

export interface InMemoryBackendOptions {
  /** Per-port capabilities; default `{ maxBatchSize: 1000, maxParallelCalls: 4 }`. */
  readonly capabilities?: Partial<Record<InMemoryPortName, Partial<PortCapabilities>>>;
  /** Include the token-overlap retriever (default true). */
  readonly retriever?: boolean;
  /** Pair scorer from a function; without it there is no scorer. */
  readonly score?: (pair: ScoringPair) => number;
  readonly scorerVersion?: string;
  /** Scripted adjudicator; without it there is no adjudicator. */
  readonly adjudicate?: (request: AdjudicationRequest) => Adjudication | Promise<Adjudication>;
  /** Each call to a port advances this clock by `callMs[port]` (for exact timing tests). */
  readonly clock?: FakeClock;
  readonly callMs?: Partial<Record<InMemoryPortName, number>>;
}

/** What the fakes saw: the size of every call, and the most calls in flight at once. */
export interface CallLog {
  readonly sizes: Record<InMemoryPortName, number[]>;
  readonly maxInFlight: Record<InMemoryPortName, number>;
}

export interface InMemoryBackends extends CascadeBackends {
  readonly sink: MatchSink;
  readonly calls: CallLog;
  /** Every sink upsert, in order. */
  readonly upserts: MatchResult[][];
}

const perPort = <T>(make: () => T): Record<InMemoryPortName, T> => ({
  lookup: make(),
  retriever: make(),
  scorer: make(),
  adjudicator: make(),
  sink: make(),
});

/** Lower-cased letter/digit runs. */
const nameTokens = (name: string): Set<string> => new Set(name.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);

function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}

/**
 * In-process fakes of every port over a reference array: exact identifier lookup, a token-overlap
 * (Jaccard) retriever, a scorer from a function, a scripted adjudicator and a recording sink. Each
 * records call sizes and peak concurrency, so tests can check how the cascade drives ports.
 */
export function createInMemoryBackends(
  reference: readonly ReferenceEntity[],
  opts: InMemoryBackendOptions = {},
): InMemoryBackends {
  const calls: CallLog = { sizes: perPort(() => []), maxInFlight: perPort(() => 0) };
  const inFlight = perPort(() => 0);
  const caps = (port: InMemoryPortName): PortCapabilities => ({
    maxBatchSize: 1000,
    maxParallelCalls: 4,
    ...opts.capabilities?.[port],
  });
  const track = async <R>(port: InMemoryPortName, size: number, work: () => R | Promise<R>): Promise<R> => {
    calls.sizes[port].push(size);
    inFlight[port] += 1;
    calls.maxInFlight[port] = Math.max(calls.maxInFlight[port], inFlight[port]);
    opts.clock?.advance(opts.callMs?.[port] ?? 0);
    try {
      await Promise.resolve(); // yield, so concurrent calls really overlap
      return await work();
    } finally {
      inFlight[port] -= 1;
    }
  };

  const byIdentifier = new Map<string, ReferenceEntity[]>();
  for (const entity of reference) {
    for (const scheme of IDENTIFIER_SCHEMES) {
      const value = canonicalIdentifier(entity[scheme]);
      if (value === null) continue;
      const key = `${scheme}:${value}`;
      byIdentifier.set(key, [...(byIdentifier.get(key) ?? []), entity]);
    }
  }
  const lookup: ReferenceLookup = {
    capabilities: caps('lookup'),
    lookupByIdentifiers: (queries) =>
      track('lookup', queries.length, () =>
        queries.map((q) =>
          IDENTIFIER_SCHEMES.flatMap((scheme): IdentifierHit[] => {
            const value = q[scheme];
            if (value === null) return [];
            return (byIdentifier.get(`${scheme}:${value}`) ?? []).map((entity) => ({
              scheme,
              value,
              entity,
            }));
          }),
        ),
      ),
  };

  const tokens = reference.map((e) => nameTokens(e.company_name));
  const retriever: CandidateRetriever = {
    capabilities: caps('retriever'),
    retrieve: (sources, k) =>
      track('retriever', sources.length, () =>
        sources.map((source): Candidate[] => {
          const query = nameTokens(source.company_name);
          return reference
            .map((entity, i) => ({ entity, i, score: jaccard(query, tokens[i]!) }))
            .filter((c) => c.score > 0)
            .sort((a, b) => b.score - a.score || a.i - b.i)
            .slice(0, k)
            .map((c, rank) => ({ entity: c.entity, score: c.score, rank }));
        }),
      ),
  };

  const { score, adjudicate } = opts;
  const scorerVersion = opts.scorerVersion ?? 'fake-scorer-1';
  const scorer: PairScorer | undefined = score && {
    capabilities: caps('scorer'),
    modelVersion: scorerVersion,
    scorePairs: (pairs) =>
      track('scorer', pairs.length, () => ({ probabilities: pairs.map(score), modelVersion: scorerVersion })),
  };
  const adjudicator: Adjudicator | undefined = adjudicate && {
    capabilities: caps('adjudicator'),
    adjudicate: (request) => track('adjudicator', 1, () => adjudicate(request)),
  };

  const upserts: MatchResult[][] = [];
  const sink: MatchSink = {
    capabilities: caps('sink'),
    upsert: (results) =>
      track('sink', results.length, () => {
        upserts.push([...results]);
      }),
  };

  return {
    lookup,
    retriever: opts.retriever === false ? undefined : retriever,
    scorer,
    adjudicator,
    sink,
    calls,
    upserts,
  };
}
