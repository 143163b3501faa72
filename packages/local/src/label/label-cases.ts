import { ScoredCandidate, type SourceEntity } from '@em/core';
import { z } from 'zod';
import type { LabelCase } from './label-priority.js';

/** A case to label: the source record, how it was decided, its scored candidates. */
export interface LabelCaseRow extends LabelCase {
  readonly source: SourceEntity;
  readonly matched_ciq_id: string | null;
  readonly match_confidence: number;
}

const Candidates = z.array(ScoredCandidate);

/** Every decided source with its candidates, for `labelQueue` to rank. */
export async function readLabelCases(
  query: (sql: string) => Promise<Record<string, unknown>[]>,
): Promise<LabelCaseRow[]> {
  const rows = await query(
    `SELECT s.source_id, s.source_system, s.company_name, s.ticker, s.lei, s.cusip, s.isin, s.country, s.industry,
            g.match_method, g.matched_ciq_id, g.match_confidence, g.candidates
     FROM gold.matched_entities g
     JOIN bronze.source_entities s ON s.source_id = g.source_id AND s.source_system = g.source_system
     ORDER BY s.source_system, s.source_id`,
  );
  return rows.map((r) => {
    const { match_method, matched_ciq_id, match_confidence, candidates, ...source } = r;
    return {
      source_id: source.source_id as string,
      source_system: source.source_system as string,
      source: source as unknown as SourceEntity,
      match_method: match_method as string,
      matched_ciq_id: (matched_ciq_id as string | null) ?? null,
      match_confidence: Number(match_confidence),
      candidates: Candidates.parse(JSON.parse((candidates as string | null) ?? '[]')),
    };
  });
}
