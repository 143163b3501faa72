import { nameSimilarity } from '@em/core/text';
import type { CascadeSqlOptions } from './cascade-sql-options.js';

/**
 * The identifier-trust check needs core's `nameSimilarity`, which no SQL function computes
 * identically (it normalizes with core's legal-form tables and compares by longest common
 * subsequence). So it is computed once per distinct (source name, reference name) pair by core
 * and stored; a pair's similarity never changes, so each pair is computed once ever. This selects
 * the identifier-hit pairs of this run that have none yet.
 */
export function missingNamePairsSql(o: CascadeSqlOptions, limit: number): string {
  const { tables } = o;
  return `SELECT DISTINCT h.source_name, h.reference_name
FROM ${tables.work('identifier_hits')} h
WHERE NOT EXISTS (SELECT 1 FROM ${tables.nameSimilarity} s WHERE s.source_name = h.source_name AND s.reference_name = h.reference_name)
ORDER BY h.source_name ASC, h.reference_name ASC
LIMIT ${limit}`;
}

export type NamePairSimilarity = {
  readonly source_name: string;
  readonly reference_name: string;
  readonly name_similarity: number;
};

export function computeNamePairs(pairs: readonly Readonly<Record<string, unknown>>[]): NamePairSimilarity[] {
  return pairs.map((p) => {
    const source = String(p.source_name ?? '');
    const reference = String(p.reference_name ?? '');
    return {
      source_name: source,
      reference_name: reference,
      name_similarity: nameSimilarity(source, reference),
    };
  });
}
