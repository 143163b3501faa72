import { type ScoringPair, type SourceEntity, sourceKey } from '@em/core';
import { PAIR_FEATURE_NAMES, PAIR_FEATURE_SET, pairFeatures } from '@em/core/features';
import { nameSimilarity } from '@em/core/text';
import { referenceRows } from '../reference/reference-rows.js';
import { candidatePairs } from './candidate-pairs.js';
import type { LabelledPair } from './labelled-pair.js';
import { perturbName } from './perturb-name.js';
import {
  type EvidenceKind,
  foundByIdentifier,
  IDENTIFIER_NAME_AGREES,
  isEvidence,
  pseudoEvidence,
} from './pseudo-evidence.js';
import { hashString, seededRandom } from './seeded-random.js';
import type { TrainingPairContext } from './training-pairs.js';

/** Sources self-supervised training reads by default: 20,000 take about 45 s of training on one core. */
export const DEFAULT_MAX_SOURCES = 20_000;

/** The sources self-supervision reads: all of them up to `max`, else a deterministic sample of about `max`. */
export function sourcesToRead(
  sources: readonly SourceEntity[],
  max: number,
  seed: number,
): readonly SourceEntity[] {
  return sources.length <= max
    ? sources
    : sources.filter((s) => hashString(sourceKey(s), seed) / 4294967296 < max / sources.length);
}

export interface SelfSupervisedOptions {
  readonly topK?: number;
  readonly seed?: number;
  /** Sources read at most (a deterministic sample beyond it; default DEFAULT_MAX_SOURCES). */
  readonly maxSources?: number;
  /** Share of evidenced sources also trained as "absent": their row hidden, every candidate a negative (default 0.3). */
  readonly absentShare?: number;
  /** Share of evidenced sources also trained under a perturbed name, identifiers blanked (default 0.5). */
  readonly perturbShare?: number;
  /** Negatives kept per candidate list: the highest-ranked ones, plus any another channel found (default 5). */
  readonly negativesPerList?: number;
}

/** The true row and the hardest negatives: the first by rank, and every one a non-name channel found. */
function hardest(list: readonly ScoringPair[], truth: string, negatives: number): ScoringPair[] {
  let kept = 0;
  return list.filter((p) => {
    if (p.candidate.entity.ciq_id === truth) return true;
    const other = (p.candidate.channels ?? ['name']).some((c) => c !== 'name');
    if (kept < negatives || other) {
      kept++;
      return true;
    }
    return false;
  });
}

/** What the unlabelled sources gave. */
export interface SelfSupervisedStats {
  readonly sourcesRead: number;
  readonly evidence: Readonly<Record<EvidenceKind, number>>;
  /** Sources whose only lead is a ticker match with a disagreeing name, and the match rate estimated for them. */
  readonly tickerOnly: number;
  readonly tickerOnlyMatchRate: number;
  /** Share of evidenced sources whose ticker also finds another row (the ticker collision rate). */
  readonly tickerCollisionRate: number;
  /** Sources with an identifier hit, and the estimated precision of trusting hits whose names agree. */
  readonly identifierSources: number;
  readonly identifierPrecision: number;
}

const similarity = (p: ScoringPair): number =>
  nameSimilarity(p.source.company_name ?? '', p.candidate.entity.company_name ?? '');

/** A labelled pair with the evidence behind it ('variant' says how the source was made). */
export interface EvidencePair extends LabelledPair {
  /** The (source, variant) this pair's candidate list came from. */
  readonly instance: string;
  readonly forTrust?: boolean;
  readonly evidence: EvidenceKind | 'ticker_only';
  readonly variant: 'original' | 'blanked' | 'perturbed' | 'absent' | 'soft';
}

/** The pairs self-supervision made, and what the sources gave. */
export interface SelfSupervisedPairs {
  readonly pairs: EvidencePair[];
  readonly stats: SelfSupervisedStats;
  readonly featureNames: readonly string[];
  readonly featureSet: string;
}

/** Ticker-only leads never train as surely right: their rate is an estimate, and such rows belong in review. */
const TICKER_ONLY_CAP = 0.85;

/**
 * Training pairs from unlabelled sources (self-supervised). Sources whose candidate list holds
 * strong evidence (see `pseudoEvidence`) give a positive and hard negatives as they are, then
 * again with identifiers blanked (so the model learns the names that identifiers usually
 * settle), under a perturbed name, and with their row hidden (so it learns to say "no match").
 * Ticker-only leads (a rename, or a ticker collision) train as soft labels at a match rate
 * estimated from the data: the collision rate seen on evidenced sources, applied to the rest.
 */
export function buildSelfSupervisedPairs(
  ctx: TrainingPairContext,
  sources: readonly SourceEntity[],
  options: SelfSupervisedOptions = {},
): SelfSupervisedPairs {
  const topK = options.topK ?? 10;
  const seed = options.seed ?? 1;
  const rand = seededRandom(seed);
  const max = options.maxSources ?? DEFAULT_MAX_SOURCES;
  const negatives = options.negativesPerList ?? 5;
  const read = sourcesToRead(sources, max, seed);
  const pairs: EvidencePair[] = [];
  const evidence: Record<EvidenceKind, number> = { identifier: 0, exact_name: 0, ticker_name: 0 };
  let identifierSources = 0;
  let identifierDisagree = 0;
  const tickerOnly: ScoringPair[][] = [];
  let collisions = 0;
  let tickered = 0;
  const candidates = (s: SourceEntity, exclude: string | null = null) =>
    candidatePairs(
      s,
      ctx.retriever.retrieveOne(s, exclude ? topK + 1 : topK),
      ctx.identifiers,
      topK,
      exclude,
    );
  for (const source of read) {
    const list = candidates(source);
    const byIdentifier = list.filter(foundByIdentifier);
    if (byIdentifier.length > 0) {
      identifierSources++;
      if (byIdentifier.every((p) => similarity(p) < IDENTIFIER_NAME_AGREES)) identifierDisagree++;
    }
    const found = pseudoEvidence(list);
    if (found === null) continue;
    if (!isEvidence(found)) {
      tickerOnly.push(list);
      continue;
    }
    const truth = list[found.index]!.candidate.entity;
    // The ticker points elsewhere than strong evidence does: a collision (and no clean example).
    if (source.ticker) tickered++;
    if (found.tickerConflict) {
      collisions++;
      continue;
    }
    evidence[found.kind]++;
    const group = `evidence:${truth.ciq_id}`;
    const push = (l: readonly ScoringPair[], variant: EvidencePair['variant']) => {
      for (const p of hardest(l, truth.ciq_id, negatives)) {
        pairs.push({
          features: pairFeatures(p),
          label: p.candidate.entity.ciq_id === truth.ciq_id ? 1 : 0,
          group,
          instance: `${sourceKey(source)}|${variant}`,
          // As it stands, an identifier-evidenced source is an exact match at run time, not the model's.
          forTrust: !(variant === 'original' && found.kind === 'identifier'),
          evidence: found.kind,
          variant,
        });
      }
    };
    push(list, 'original');
    const blanked: SourceEntity = { ...source, lei: null, isin: null, cusip: null };
    if (source.lei || source.isin || source.cusip) push(candidates(blanked), 'blanked');
    if (rand() < (options.perturbShare ?? 0.5)) {
      const name = perturbName(source.company_name ?? truth.company_name ?? '', rand);
      push(
        candidates({ ...blanked, company_name: name, ticker: rand() < 0.5 ? source.ticker : null }),
        'perturbed',
      );
    }
    if (rand() < (options.absentShare ?? 0.3)) push(candidates(blanked, truth.ciq_id), 'absent');
  }
  // Exact-identifier matches need agreeing names. Wrong identifiers show as disagreeing names,
  // except when a wrong row's name agrees by chance: estimate that chance from random pairs.
  let agreeByChance = 0;
  const trials = Math.min(400, read.length * 4);
  const reference = referenceRows(ctx.reference);
  for (let i = 0; i < trials; i++) {
    const s = read[Math.floor(rand() * read.length)]!;
    const name = reference.field('company_name', Math.floor(rand() * reference.length));
    if (nameSimilarity(s.company_name ?? '', name ?? '') >= IDENTIFIER_NAME_AGREES) agreeByChance++;
  }
  const wrongShare = identifierSources === 0 ? 0 : identifierDisagree / identifierSources;
  const identifierPrecision =
    1 - (wrongShare * ((agreeByChance + 1) / (trials + 2))) / Math.max(1e-9, 1 - wrongShare);
  const evidenced = evidence.identifier + evidence.exact_name + evidence.ticker_name;
  const collisionRate = tickered === 0 ? 0 : collisions / tickered;
  // Collisions expected among the sources without evidence, as a share of the ticker-only leads.
  const expectedCollisions = collisionRate * (read.length - evidenced);
  const rate =
    tickerOnly.length === 0
      ? 0
      : Math.min(TICKER_ONLY_CAP, Math.max(0, 1 - expectedCollisions / tickerOnly.length));
  for (const list of tickerOnly) {
    const found = pseudoEvidence(list);
    if (found === null || isEvidence(found)) continue;
    const group = `ticker-only:${sourceKey(list[0]!.source)}`;
    const instance = `${sourceKey(list[0]!.source)}|soft`;
    list.forEach((p, i) => {
      const features = pairFeatures(p);
      if (i !== found.index) {
        pairs.push({ features, label: 0, group, evidence: 'ticker_only', variant: 'soft', instance });
        return;
      }
      if (rate > 0)
        pairs.push({
          features,
          label: 1,
          group,
          weight: rate,
          evidence: 'ticker_only',
          variant: 'soft',
          instance,
        });
      if (rate < 1)
        pairs.push({
          features,
          label: 0,
          group,
          weight: 1 - rate,
          evidence: 'ticker_only',
          variant: 'soft',
          instance,
        });
    });
  }
  return {
    pairs,
    stats: {
      sourcesRead: read.length,
      evidence,
      tickerOnly: tickerOnly.length,
      tickerOnlyMatchRate: rate,
      tickerCollisionRate: collisionRate,
      identifierSources,
      identifierPrecision,
    },
    featureNames: PAIR_FEATURE_NAMES,
    featureSet: PAIR_FEATURE_SET,
  };
}
