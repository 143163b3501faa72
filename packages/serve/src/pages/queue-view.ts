import type { ReviewItem } from '@em/local';
import type { QueueFilter } from '../store/console-store.js';

/** Confidence bands of the queue filter (all below the auto-match threshold). */
export const BANDS = {
  low: { label: '< 0.50', min: undefined, max: 0.4999999 },
  mid: { label: '0.50 – 0.80', min: 0.5, max: 0.7999999 },
  high: { label: '≥ 0.80', min: 0.8, max: undefined },
} as const;
export type Band = keyof typeof BANDS;

export type QueueSort = 'confidence' | 'teach';

/** The queue as a page asks for it (from the URL): filters and order. */
export interface QueueView {
  readonly system?: string | undefined;
  readonly stage?: string | undefined;
  readonly method?: string | undefined;
  readonly band?: Band | undefined;
  readonly sort: QueueSort;
}

/** Cases read for one queue page (then sorted and cut to PAGE_SIZE). */
export const QUEUE_READ_LIMIT = 20_000;
export const PAGE_SIZE = 100;

const pick = (value: string | undefined): string | undefined =>
  value && value.length <= 200 ? value : undefined;

export function parseQueueView(query: Record<string, string | undefined>): QueueView {
  const band = query.band && query.band in BANDS ? (query.band as Band) : undefined;
  return {
    system: pick(query.system),
    stage: pick(query.stage),
    method: pick(query.method),
    band,
    sort: query.sort === 'teach' ? 'teach' : 'confidence',
  };
}

export function queueFilter(view: QueueView, limit = QUEUE_READ_LIMIT): QueueFilter {
  const band = view.band ? BANDS[view.band] : undefined;
  return {
    limit,
    system: view.system,
    stage: view.stage,
    method: view.method,
    minConfidence: band?.min,
    maxConfidence: band?.max,
  };
}

/** The view as a query string (for links that keep the filters), '' when it is the default. */
export function viewQuery(view: QueueView): string {
  const params = new URLSearchParams();
  for (const key of ['system', 'stage', 'method', 'band'] as const) {
    const value = view[key];
    if (value) params.set(key, value);
  }
  if (view.sort !== 'confidence') params.set('sort', view.sort);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * How much deciding this case would teach the pair model (uncertainty sampling): highest when
 * the best candidate's pair score is near 0.5 and when the runner-up is close behind it.
 * Cases without pair scores (no model, or no candidates) score by retrieval alone: 0.5.
 */
export function teachValue(item: ReviewItem): number {
  const scores = item.candidates
    .map((c) => c.pair_score)
    .filter((s): s is number => s !== null)
    .sort((a, b) => b - a);
  if (scores.length === 0) return 0.5;
  const p1 = scores[0]!;
  const p2 = scores[1] ?? 0;
  return 0.5 * (1 - Math.abs(2 * p1 - 1)) + 0.5 * (1 - (p1 - p2));
}

export function sortQueue(items: readonly ReviewItem[], sort: QueueSort): ReviewItem[] {
  if (sort === 'confidence') return [...items];
  return items
    .map((item, i) => ({ item, i, t: teachValue(item) }))
    .sort((a, b) => b.t - a.t || a.i - b.i)
    .map((x) => x.item);
}
