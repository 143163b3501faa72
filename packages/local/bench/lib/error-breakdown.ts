import type { MatchResult } from '@em/core';

/** Why rows went wrong: the true row never retrieved, another candidate picked, "none" for a match, a match for "none". */
export interface ErrorBreakdown {
  readonly notRetrieved: number;
  readonly wrongCandidate: number;
  readonly missedMatch: number;
  readonly falseMatch: number;
}

export function errorBreakdown(
  results: readonly MatchResult[],
  truths: readonly (string | null)[],
): ErrorBreakdown {
  const counts = { notRetrieved: 0, wrongCandidate: 0, missedMatch: 0, falseMatch: 0 };
  results.forEach((r, i) => {
    const truth = truths[i] ?? null;
    if (r.matched_ciq_id === truth) return;
    if (truth === null) counts.falseMatch++;
    else if (!r.candidates.some((c) => c.ciq_id === truth) && r.matched_ciq_id !== truth)
      counts.notRetrieved++;
    else if (r.matched_ciq_id === null) counts.missedMatch++;
    else counts.wrongCandidate++;
  });
  return counts;
}
