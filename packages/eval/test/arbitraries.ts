import fc from 'fast-check';
import type { PredictionRow, TruthRow } from '../src/index.js';

export const IDS = ['IQ1', 'IQ2', 'IQ3', 'IQ4', 'IQ5'] as const;

export interface Case {
  truth: string | null;
  predicted: string | null;
  confidence: number;
  /** The source has no prediction row. */
  missing: boolean;
  hard: boolean;
}

export const casesArb = fc.array(
  fc.record({
    truth: fc.option(fc.constantFrom(...IDS), { nil: null }),
    predicted: fc.option(fc.constantFrom(...IDS), { nil: null }),
    confidence: fc.double({ min: 0, max: 1, noNaN: true }),
    missing: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
    hard: fc.boolean(),
  }),
  { minLength: 1, maxLength: 60 },
);

/** Gold standard and predictions for generated cases; keys are the case index. */
export function toRows(cases: readonly Case[]): { truth: TruthRow[]; predictions: PredictionRow[] } {
  const truth = cases.map((c, i) => ({
    source_id: String(i),
    source_system: 's',
    true_ciq_id: c.truth,
    hard: c.hard ? '1' : '0',
  }));
  const predictions = cases.flatMap((c, i) =>
    c.missing
      ? []
      : [
          {
            source_id: String(i),
            source_system: 's',
            matched_ciq_id: c.predicted,
            match_confidence: c.confidence,
            match_method: c.predicted ? 'pair_model' : 'no_match',
          },
        ],
  );
  return { truth, predictions };
}
