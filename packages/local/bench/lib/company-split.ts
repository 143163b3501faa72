import { type SourceEntity, sourceKey } from '@em/core';
import { inHashFraction } from '../../src/index.js';
import type { CompaniesData } from './companies-data.js';

/**
 * Split by true company, never by row: a source's group is its true ciq_id, or (no match) its
 * own key. No company has listings on both sides, so nothing learnt about a company in the
 * training half helps on the evaluation half.
 */
export function companyGroup(data: CompaniesData, source: SourceEntity): string {
  const key = sourceKey(source);
  const truth = data.gold.get(key)?.trueCiqId ?? null;
  return truth === null ? `none:${key}` : `ciq:${truth}`;
}

export interface CompanySplit {
  readonly train: SourceEntity[];
  readonly evaluation: SourceEntity[];
}

/** Half of the companies (by hash of the group, seed 0) train, the rest evaluate; `swap` exchanges them. */
export function splitByCompany(data: CompaniesData, swap = false): CompanySplit {
  return splitSources(data, data.sources, 0, swap);
}

/**
 * For tuning without touching the reported rows: the training half alone, split again by
 * company (seed 1) into a development train and evaluation part. Its data holds only the
 * training half's sources, so even unlabelled training never reads an evaluation-half row.
 */
export function developmentSplit(data: CompaniesData): { data: CompaniesData; split: CompanySplit } {
  const half = splitByCompany(data).train;
  return { data: { ...data, sources: half }, split: splitSources(data, half, 1, false) };
}

function splitSources(
  data: CompaniesData,
  sources: readonly SourceEntity[],
  seed: number,
  swap: boolean,
): CompanySplit {
  const train: SourceEntity[] = [];
  const evaluation: SourceEntity[] = [];
  for (const s of sources) {
    const first = inHashFraction(companyGroup(data, s), 0.5, seed);
    (first !== swap ? train : evaluation).push(s);
  }
  return { train, evaluation };
}
