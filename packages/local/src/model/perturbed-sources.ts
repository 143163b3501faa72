import type { ReferenceEntity, SourceEntity } from '@em/core';
import { type ReferenceRows, referenceRows } from '../reference/reference-rows.js';
import { perturbName } from './perturb-name.js';
import { seededRandom } from './seeded-random.js';

/** A synthetic source made from one reference row; when `absent`, training treats the row as missing from the reference. */
export interface PerturbedSource {
  readonly source: SourceEntity;
  readonly origin: ReferenceEntity;
  readonly absent: boolean;
}

export interface PerturbOptions {
  readonly seed: number;
  /** Share of sources whose origin is hidden, so every candidate is a negative (default 0.15). */
  readonly absentShare?: number;
  /** Share carrying another row's identifier, as vendor feeds do (default 0.03). */
  readonly wrongIdentifierShare?: number;
}

/**
 * `count` sources drawn from the reference (seeded), each with a perturbed name and the
 * attributes a real feed would carry: the origin's country mostly, its ISIN or CUSIP sometimes,
 * now and then another company's identifier.
 */
export function perturbedSources(
  referenceTable: readonly ReferenceEntity[] | ReferenceRows,
  count: number,
  options: PerturbOptions,
): PerturbedSource[] {
  const rand = seededRandom(options.seed);
  const absentShare = options.absentShare ?? 0.15;
  const wrongShare = options.wrongIdentifierShare ?? 0.03;
  const out: PerturbedSource[] = [];
  const reference = referenceRows(referenceTable);
  if (reference.length === 0) return out;
  for (let i = 0; i < count; i++) {
    const origin = reference.row(Math.floor(rand() * reference.length));
    const other = reference.row(Math.floor(rand() * reference.length));
    const idFrom = rand() < wrongShare ? other : origin;
    // A feed lists the company under its own exchange ticker, often with no industry.
    const roll = rand();
    const source: SourceEntity = {
      source_id: `P${i}`,
      source_system: 'PERTURBED',
      company_name: perturbName(origin.company_name, rand),
      ticker: roll < 0.3 ? origin.ticker : roll < 0.9 ? other.ticker : null,
      lei: rand() < 0.3 ? idFrom.lei : null,
      isin: rand() < 0.45 ? idFrom.isin : null,
      cusip: rand() < 0.3 ? idFrom.cusip : null,
      country: choose(rand, [0.93, origin.country], [0.05, other.country], [0.02, null]),
      industry: choose(rand, [0.4, origin.industry], [0.02, other.industry], [0.58, null]),
    };
    out.push({ source, origin, absent: rand() < absentShare });
  }
  return out;
}

/** One of the weighted values (weights sum to 1). */
function choose<T>(rand: () => number, ...options: (readonly [number, T])[]): T {
  let r = rand();
  for (const [w, v] of options) {
    if (r < w) return v;
    r -= w;
  }
  return options[options.length - 1]![1];
}
