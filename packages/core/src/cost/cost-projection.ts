import { z } from 'zod';
import { InputError } from '../errors.js';
import type { StageId } from '../schemas/cascade-vocabulary.js';

const share = z.number().min(0).max(1);
const usd = z.number().nonnegative();

/**
 * Inputs of the annual cost projection. Defaults are the deployment guide's table for 500K
 * entities a year: exact match covers 35%; vector search runs for every entity at $0.0001;
 * of the entities exact match leaves, 90% are scored by Ditto at $0.001 and 10% go to the
 * foundation model at $0.05; compute $18,000 and storage & serving $12,000 a year are fixed.
 */
export const CostProjection = z
  .object({
    entitiesPerYear: z.number().nonnegative().default(500_000),
    /** Share of all entities that exact identifier match resolves. */
    exactMatchShare: share.default(0.35),
    /** Share of all entities that go through candidate retrieval. */
    retrievalShare: share.default(1),
    /** Share of the entities exact match leaves that the pair model scores. */
    pairModelShareOfNonExact: share.default(0.9),
    /** Share of the entities exact match leaves that go to the LLM. */
    llmShareOfNonExact: share.default(0.1),
    perEntity: z
      .object({
        exactMatch: usd.default(0),
        retrieval: usd.default(0.0001),
        pairModel: usd.default(0.001),
        llm: usd.default(0.05),
      })
      .strict()
      .default({ exactMatch: 0, retrieval: 0.0001, pairModel: 0.001, llm: 0.05 }),
    fixedPerYear: z
      .object({
        compute: usd.default(18_000),
        storageAndServing: usd.default(12_000),
      })
      .strict()
      .default({ compute: 18_000, storageAndServing: 12_000 }),
  })
  .strict();
export type CostProjection = z.output<typeof CostProjection>;
export type CostProjectionInput = z.input<typeof CostProjection>;

export interface CostProjectionLine {
  /** The stage's id (@em/core's STAGE_IDS), or a fixed cost. */
  readonly component: Exclude<StageId, 'human_review'> | 'compute' | 'storage_and_serving';
  /** The guide's wording, e.g. "Ditto Matcher (90% of non-exact)". */
  readonly label: string;
  /** Entities a year this line pays for; null for fixed costs. */
  readonly entities: number | null;
  /** USD per entity; null for fixed costs. */
  readonly unitCost: number | null;
  /** USD a year, unrounded (the guide prints $293 for 292.5). */
  readonly annualCost: number;
  /** annualCost / total, in [0, 1]; 0 for every line when the total is 0. */
  readonly shareOfTotal: number;
}

export interface AnnualCostProjection {
  readonly entitiesPerYear: number;
  readonly lines: readonly CostProjectionLine[];
  /** Sum of the lines' annualCost. */
  readonly total: number;
  /** total / entitiesPerYear (0 with no entities). */
  readonly costPerEntity: number;
}

const percent = (x: number) => `${Math.round(x * 1000) / 10}%`;

/** The guide's annual cost table, computed from a (partial) `CostProjection`. Throws InputError listing every bad field. */
export function projectAnnualCost(input: CostProjectionInput = {}): AnnualCostProjection {
  const parsed = CostProjection.safeParse(input ?? {});
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  - ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new InputError(`Invalid cost projection (${problems.length} problem(s)):\n${problems.join('\n')}`);
  }
  const p = parsed.data;
  const exact = p.entitiesPerYear * p.exactMatchShare;
  const nonExact = p.entitiesPerYear - exact;
  const variable = (
    component: CostProjectionLine['component'],
    label: string,
    entities: number,
    unitCost: number,
  ) => ({ component, label, entities, unitCost, annualCost: entities * unitCost });
  const rows = [
    variable(
      'exact_identifier',
      `Exact Match (${percent(p.exactMatchShare)} coverage)`,
      exact,
      p.perEntity.exactMatch,
    ),
    variable(
      'retrieval',
      `Vector Search (${percent(p.retrievalShare)} of entities)`,
      p.entitiesPerYear * p.retrievalShare,
      p.perEntity.retrieval,
    ),
    variable(
      'pair_model',
      `Ditto Matcher (${percent(p.pairModelShareOfNonExact)} of non-exact)`,
      nonExact * p.pairModelShareOfNonExact,
      p.perEntity.pairModel,
    ),
    variable(
      'llm',
      `Foundation Model (${percent(p.llmShareOfNonExact)} of non-exact)`,
      nonExact * p.llmShareOfNonExact,
      p.perEntity.llm,
    ),
    {
      component: 'compute',
      label: 'Databricks Compute',
      entities: null,
      unitCost: null,
      annualCost: p.fixedPerYear.compute,
    },
    {
      component: 'storage_and_serving',
      label: 'Storage & Serving',
      entities: null,
      unitCost: null,
      annualCost: p.fixedPerYear.storageAndServing,
    },
  ] as const;
  const total = rows.reduce((sum, row) => sum + row.annualCost, 0);
  return {
    entitiesPerYear: p.entitiesPerYear,
    lines: rows.map((row) => ({ ...row, shareOfTotal: total > 0 ? row.annualCost / total : 0 })),
    total,
    costPerEntity: p.entitiesPerYear > 0 ? total / p.entitiesPerYear : 0,
  };
}
