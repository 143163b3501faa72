import type { PairDatasetResult } from './evaluate-pairs.js';
import type { PublishedResult } from './published.js';

/**
 * Put each published F1 on its dataset: exact dataset id (case-insensitive), else the last
 * path segment when it names exactly one dataset ("Beer" → "Structured/Beer"). Returns the
 * published rows that matched no dataset, as "system: dataset".
 */
export function attachPublished(
  results: PairDatasetResult[],
  published: readonly PublishedResult[],
): string[] {
  const unmatched: string[] = [];
  for (const row of published) {
    const wanted = row.dataset.toLowerCase();
    let matches = results.filter((r) => r.dataset.toLowerCase() === wanted);
    if (matches.length === 0)
      matches = results.filter((r) => r.dataset.toLowerCase().split('/').at(-1) === wanted);
    if (matches.length === 1) matches[0]!.published[row.system] = row.published_f1;
    else unmatched.push(`${row.system}: ${row.dataset}${matches.length > 1 ? ' (ambiguous)' : ''}`);
  }
  return unmatched;
}
