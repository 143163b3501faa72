import type { ScoredCandidate } from '@em/core';

/** A decided source as the labelling queue sees it. */
export interface LabelCase {
  readonly source_id: string;
  readonly source_system: string;
  readonly match_method: string;
  readonly candidates: readonly ScoredCandidate[];
}

/**
 * How much a person's answer on this case would teach the model (higher first), as dedupe
 * and Zingg pick pairs. First disagreement among the top candidates: a runner-up close behind
 * a plausible best (two listings of one company, a rename against a namesake), which is where
 * the model's mistakes are; then uncertainty (the best pair score near 0.5), which alone mostly
 * finds sources with no counterpart; then disagreement between channels (the model's choice is
 * not the name index's first, or another channel's row is in the running), as far as the best
 * is plausible (with every score near 0 the answer is "none" and teaches little). Exact-identifier
 * and human decisions teach nothing new: 0.
 */
export function labelPriority(c: LabelCase): number {
  if (c.match_method === 'exact_identifier' || c.match_method === 'human_review') return 0;
  const scored = c.candidates.filter((x) => x.pair_score !== null);
  if (scored.length === 0) return 0;
  const ranked = [...scored].sort((a, b) => (b.pair_score ?? 0) - (a.pair_score ?? 0));
  const p1 = ranked[0]!.pair_score ?? 0;
  const p2 = ranked[1]?.pair_score ?? 0;
  const uncertainty = 1 - Math.abs(2 * p1 - 1);
  // The runner-up's share of the best, counted in full once the best is a plausible match.
  const plausible = Math.min(1, 2 * p1);
  const disagreement = p1 > 0 ? (p2 / p1) * plausible : 0;
  const byName = [...scored].sort((a, b) => a.rank - b.rank)[0]!;
  const channelsDisagree =
    byName.ciq_id !== ranked[0]!.ciq_id ||
    ranked.slice(0, 3).some((x) => (x.channels ?? ['name']).some((ch) => ch !== 'name') && x !== ranked[0]);
  // Counted as far as the best is plausible: when every score is near 0, which one is "best" is noise.
  return disagreement + 0.5 * uncertainty + (channelsDisagree ? 0.3 * plausible : 0);
}

/**
 * The `count` cases worth labelling most, not yet labelled; ties broken by key so the order is
 * stable. One question per best-scored candidate: the same listing from several exchanges (six
 * "Henkel AG & Co. KGaA Pref" rows in the companies data) is one lesson, asked once; the rest
 * come up again after the retrain, if the model still needs them.
 */
export function labelQueue<T extends LabelCase>(
  cases: readonly T[],
  count: number,
  labelled: ReadonlySet<string> = new Set(),
): T[] {
  const asked = new Set<string>();
  return cases
    .map((c) => ({ c, p: labelPriority(c), key: `${c.source_system}\u0000${c.source_id}` }))
    .filter((x) => x.p > 0 && !labelled.has(x.key))
    .sort((a, b) => b.p - a.p || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .filter((x) => {
      const best = bestCandidate(x.c);
      if (asked.has(best)) return false;
      asked.add(best);
      return true;
    })
    .slice(0, count)
    .map((x) => x.c);
}

/** The id of the highest pair score (the first of equals). */
function bestCandidate(c: LabelCase): string {
  let best = c.candidates[0]!;
  for (const x of c.candidates) if ((x.pair_score ?? 0) > (best.pair_score ?? 0)) best = x;
  return best.ciq_id;
}
