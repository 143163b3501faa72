import { attachPublished } from './attach-published.js';
import type { PairDatasetResult } from './evaluate-pairs.js';
import { loadPublished } from './published.js';

export const PAIRS_SCHEMA_VERSION = 1;

export interface PairsReport {
  schema_version: typeof PAIRS_SCHEMA_VERSION;
  /** Systems with published F1, in the order first seen. */
  systems: string[];
  datasets: PairDatasetResult[];
  /** Published rows that matched no dataset ("system: dataset"). */
  unmatched_published: string[];
}

/** Attach the published F1 of a CSV/JSON file (if any) to the results. */
export async function withPublished(
  results: PairDatasetResult[],
  publishedPath?: string,
): Promise<PairsReport> {
  const published = publishedPath ? await loadPublished(publishedPath) : [];
  const unmatched = attachPublished(results, published);
  return {
    schema_version: PAIRS_SCHEMA_VERSION,
    systems: [...new Set(published.map((p) => p.system))],
    datasets: results,
    unmatched_published: unmatched,
  };
}
