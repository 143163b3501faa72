import {
  type Candidate,
  type ReferenceEntity,
  type ScoringPair,
  type SourceEntity,
  sourceKey,
} from '@em/core';
import { type ChannelRecall, channelRecall, type RecallCase } from '@em/core/cascade';
import { PAIR_FEATURE_NAMES, PAIR_FEATURE_SET, pairFeatures } from '@em/core/features';
import type { ReferenceRows } from '../reference/reference-rows.js';
import { candidatePairs } from './candidate-pairs.js';
import type { LabelledPair } from './labelled-pair.js';
import { perturbName } from './perturb-name.js';
import { perturbedSources } from './perturbed-sources.js';
import type { ReferenceIdentifiers } from './reference-identifiers.js';
import { seededRandom } from './seeded-random.js';
import type { TrustPair } from './train-with-trust.js';

/** A source with its true reference id (null: the company is not in the reference). */
export interface GoldLabel {
  readonly source: SourceEntity;
  readonly trueCiqId: string | null;
}

export interface TrainingPairContext {
  /** Columnar (`ReferenceStore`) or an array; rows are read one at a time, as needed. */
  readonly reference: readonly ReferenceEntity[] | ReferenceRows;
  /** The run's retriever, answering synchronously (`IndexRetriever`, `ChannelRetriever`). */
  readonly retriever: { retrieveOne(source: SourceEntity, k: number): Candidate[] };
  readonly identifiers: ReferenceIdentifiers;
}

/**
 * Training weight of a pair from a person's word (a review decision or an `em label` answer),
 * against 1 for a gold-file or pseudo-labelled pair: a few hundred of them must be heard among
 * the 100,000 pairs self-supervision makes. `em train` and `em label` use the same weight.
 */
export const HUMAN_LABEL_WEIGHT = 3;

/**
 * Share of matched gold labels also trained under a perturbed name. On the companies
 * development split (`trust-eval --dev`, labels mode, mean of seeds 1–12), 0.5 against none:
 * hard-row F1 0.9143 → 0.9192, auto-match rate 0.846 → 0.884, auto-matched precision 0.9971 →
 * 0.9969, F1 0.9774 → 0.9763 (a little more leniency on easy rows). 1.0 gave hard-row F1 0.9172.
 */
export const LABEL_PERTURB_SHARE = 0.5;

/**
 * Perturbed-name copies of each matched review decision or `em label` answer (identifiers
 * blanked; a copy whose name loses the true row is dropped), each weighted as the answer: a
 * hundred answers hold few positives, and the copies teach that such names still match.
 */
export const HUMAN_LABEL_COPIES = 3;

export interface TrainingPairOptions {
  /** Candidates per source, as the cascade's top-k (default 10). */
  readonly topK?: number;
  readonly seed?: number;
  /** Without labels: about this many labelled pairs are generated (default 1000). */
  readonly pairs?: number;
  /** Without labels: hardest negatives kept per perturbed source (default 4). */
  readonly negativesPerSource?: number;
  /**
   * Human review decisions as labels (see `reviewTrainingLabels`), added on top of `labels` or
   * of the perturbed pairs and built the same way as gold labels. A source that also has a gold
   * label takes the review decision (the latest human word on it).
   */
  readonly review?: readonly GoldLabel[];
  /** Training weight of each review pair (default HUMAN_LABEL_WEIGHT); deterministic, like everything else here. */
  readonly reviewWeight?: number;
  /**
   * With gold labels: share of the matched labels also trained under a perturbed name (listing
   * style, abbreviations, dropped words; see `perturbName`), identifiers blanked (default
   * LABEL_PERTURB_SHARE). Gold labels hold few sources whose name only loosely matches the
   * reference's; these teach the model that such names still match.
   */
  readonly perturbShare?: number;
}

/** What the review decisions added to the training pairs. */
export interface ReviewPairStats {
  readonly sources: number;
  /** Decisions that chose a reference row (the others said "no match": every candidate a negative). */
  readonly matches: number;
  /** Every pair, the perturbed copies' included. */
  readonly pairs: number;
  /** Sources whose chosen row is among their candidates (a positive pair). */
  readonly positives: number;
  /** Candidate lists added under a perturbed name (HUMAN_LABEL_COPIES per matched decision, fewer where the name loses the row). */
  readonly perturbedCopies: number;
  /** Chosen rows that were not among the source's candidates (no positive pair for them). */
  readonly truthNotRetrieved: number;
  /** Gold labels dropped because a review decision covers the same source. */
  readonly replacedGold: number;
}

export interface TrainingPairs {
  readonly pairs: TrustPair[];
  readonly source: 'labels' | 'perturbation';
  readonly sources: number;
  readonly positives: number;
  /** Labelled sources whose true row was not among their candidates (no positive pair). */
  readonly truthNotRetrieved: number;
  /** With gold labels: per candidate channel, the labelled matches whose true row it found (recall@k). */
  readonly channelRecall: ChannelRecall | null;
  readonly review: ReviewPairStats;
  readonly featureNames: readonly string[];
  readonly featureSet: string;
}

const labelled = (pair: ScoringPair, label: 0 | 1, weight?: number, human?: boolean): LabelledPair => ({
  features: pairFeatures(pair),
  label,
  group: sourceKey(pair.source),
  ...(weight !== undefined && weight !== 1 ? { weight } : {}),
  ...(human ? { human } : {}),
});

/** Every candidate the cascade would score for a labelled source: the true row positive, the rest hard negatives. */
function labelPairs(
  ctx: TrainingPairContext,
  { source, trueCiqId }: GoldLabel,
  topK: number,
  weight?: number,
  human?: boolean,
): { pairs: LabelledPair[]; retrieved: boolean; recall: RecallCase | null } {
  const list = candidatePairs(source, ctx.retriever.retrieveOne(source, topK), ctx.identifiers, topK);
  const pairs = list.map((p) => labelled(p, p.candidate.entity.ciq_id === trueCiqId ? 1 : 0, weight, human));
  const recall =
    trueCiqId === null
      ? null
      : {
          truth: trueCiqId,
          candidates: list.map((p) => ({
            ciq_id: p.candidate.entity.ciq_id,
            ...(p.candidate.channels ? { channels: p.candidate.channels } : {}),
          })),
        };
  return { pairs, retrieved: trueCiqId === null || pairs.some((p) => p.label === 1), recall };
}

/**
 * Labelled pairs for `trainPairModel`. With gold labels: every candidate the cascade would
 * score for each labelled source (retriever top-k plus identifier hits); the true row is the
 * positive, every other candidate a hard negative. Without labels: perturbed copies of
 * reference rows, the origin as the positive (or hidden, for "absent" companies) and the
 * highest-ranked other candidates as hard negatives. Review decisions (`options.review`) add
 * their sources' candidates the way gold labels do, on top of either.
 */
export function buildTrainingPairs(
  ctx: TrainingPairContext,
  labels: readonly GoldLabel[] | null,
  options: TrainingPairOptions = {},
): TrainingPairs {
  const topK = options.topK ?? 10;
  const pairs: TrustPair[] = [];
  let truthNotRetrieved = 0;
  let sources = 0;
  const review = options.review ?? [];
  const reviewed = new Set(review.map((l) => sourceKey(l.source)));
  const gold = labels?.filter((l) => !reviewed.has(sourceKey(l.source))) ?? null;
  const recallCases: RecallCase[] = [];
  if (gold !== null) {
    const rand = seededRandom(options.seed ?? 1);
    for (const label of gold) {
      const built = labelPairs(ctx, label, topK);
      if (built.recall) recallCases.push(built.recall);
      sources++;
      if (!built.retrieved) truthNotRetrieved++;
      pairs.push(...built.pairs);
      if (
        label.trueCiqId !== null &&
        built.retrieved &&
        rand() < (options.perturbShare ?? LABEL_PERTURB_SHARE)
      )
        pairs.push(...perturbedLabelPairs(ctx, label, topK, rand));
    }
  } else {
    const perSource = 1 + (options.negativesPerSource ?? 4);
    const count = Math.ceil((options.pairs ?? 1000) / perSource);
    for (const { source, origin, absent } of perturbedSources(ctx.reference, count, {
      seed: options.seed ?? 1,
    })) {
      const retrieved = ctx.retriever.retrieveOne(source, topK + 1);
      const list = candidatePairs(source, retrieved, ctx.identifiers, topK, absent ? origin.ciq_id : null);
      sources++;
      const positive = absent ? undefined : list.find((p) => p.candidate.entity.ciq_id === origin.ciq_id);
      if (!absent && positive === undefined) truthNotRetrieved++;
      if (positive) pairs.push(labelled(positive, 1));
      const negatives = list.filter((p) => p.candidate.entity.ciq_id !== origin.ciq_id);
      for (const p of negatives.slice(0, perSource - (positive ? 1 : 0))) pairs.push(labelled(p, 0));
    }
  }
  const fromReview = reviewPairs(
    ctx,
    review,
    topK,
    options.reviewWeight ?? HUMAN_LABEL_WEIGHT,
    HUMAN_LABEL_COPIES,
    options.seed ?? 1,
  );
  pairs.push(...fromReview.pairs);
  return {
    pairs,
    source: labels !== null ? 'labels' : 'perturbation',
    sources: sources + review.length,
    positives: pairs.filter((p) => p.label === 1).length,
    truthNotRetrieved: truthNotRetrieved + fromReview.truthNotRetrieved,
    channelRecall: recallCases.length === 0 ? null : channelRecall(recallCases),
    review: {
      sources: review.length,
      matches: review.filter((l) => l.trueCiqId !== null).length,
      pairs: fromReview.pairs.length,
      positives: fromReview.pairs.filter((p) => p.label === 1 && p.instance === undefined).length,
      perturbedCopies: new Set(fromReview.pairs.flatMap((p) => (p.instance ? [p.instance] : []))).size,
      truthNotRetrieved: fromReview.truthNotRetrieved,
      replacedGold: (labels?.length ?? 0) - (gold?.length ?? 0),
    },
    featureNames: PAIR_FEATURE_NAMES,
    featureSet: PAIR_FEATURE_SET,
  };
}

/**
 * The candidates of a matched gold label's source under a perturbed name, identifiers blanked,
 * labelled by its true row; none when the perturbed name no longer retrieves it (such all-negative
 * lists taught the model to refuse true matches: hard-row F1 0.916 with them, 0.919 without). Same
 * group as the label, so it stays on the label's side of the held-out split; its own decision
 * list; and left out of the trust estimate, which judges the model on real labelled sources only.
 * With `person`, the copy of a review decision or `em label` answer: weighted as it, and `human`.
 */
function perturbedLabelPairs(
  ctx: TrainingPairContext,
  { source, trueCiqId }: GoldLabel,
  topK: number,
  rand: () => number,
  person?: { readonly weight: number; readonly copy: number },
): TrustPair[] {
  const group = sourceKey(source);
  const perturbed: SourceEntity = {
    ...source,
    lei: null,
    isin: null,
    cusip: null,
    company_name: perturbName(source.company_name ?? '', rand),
  };
  const list = candidatePairs(perturbed, ctx.retriever.retrieveOne(perturbed, topK), ctx.identifiers, topK);
  if (!list.some((p) => p.candidate.entity.ciq_id === trueCiqId)) return [];
  return list.map((p) => ({
    ...labelled(p, p.candidate.entity.ciq_id === trueCiqId ? 1 : 0, person?.weight, person !== undefined),
    instance: `${group}|perturbed${person ? person.copy : ''}`,
    forTrust: false,
  }));
}

/**
 * Review decisions and `em label` answers as labelled pairs, each a person's word (`human`:
 * boosted on after the model is fit without them, see `trainPairModel`): every candidate of the
 * source, and `copies` perturbed-name lists per matched one.
 */
function reviewPairs(
  ctx: TrainingPairContext,
  review: readonly GoldLabel[],
  topK: number,
  weight: number,
  copies: number,
  seed: number,
): { pairs: LabelledPair[]; truthNotRetrieved: number } {
  const pairs: LabelledPair[] = [];
  let truthNotRetrieved = 0;
  const rand = seededRandom(seed + 7);
  for (const label of review) {
    const built = labelPairs(ctx, label, topK, weight, true);
    if (!built.retrieved) truthNotRetrieved++;
    pairs.push(...built.pairs);
    if (label.trueCiqId !== null && built.retrieved)
      for (let c = 1; c <= copies; c++)
        pairs.push(...perturbedLabelPairs(ctx, label, topK, rand, { weight, copy: c }));
  }
  return { pairs, truthNotRetrieved };
}
