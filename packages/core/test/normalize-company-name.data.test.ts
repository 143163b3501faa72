import { describe, expect, it } from 'vitest';
import { normalizeCompanyName } from '../src/index.js';
import { hasSharedData, readSharedCsv } from './helpers/shared-data.js';

const present =
  hasSharedData('companies/reference.csv') &&
  hasSharedData('companies/source_dev.csv') &&
  hasSharedData('companies/gold_dev.csv');

/**
 * Floors sit just below the shares measured when the normalizer was written
 * (90.6% of matched sources, 71.8% of hard ones; `npm run bench -w @em/core`), so a
 * regression fails here while small gains pass.
 */
const FLOOR_ALL = 0.9;
const FLOOR_HARD = 0.71;

describe.skipIf(!present)('normalizeCompanyName on ../shared/data/companies', () => {
  it('gives most matched sources the same base as their reference', () => {
    const reference = new Map(
      readSharedCsv('companies/reference.csv').map((row) => [row.ciq_id, row.company_name]),
    );
    const sources = new Map(
      readSharedCsv('companies/source_dev.csv').map((row) => [
        `${row.source_id}|${row.source_system}`,
        row.company_name,
      ]),
    );
    let matched = 0;
    let equal = 0;
    let hard = 0;
    let hardEqual = 0;
    for (const gold of readSharedCsv('companies/gold_dev.csv')) {
      const referenceName = reference.get(gold.true_ciq_id);
      const sourceName = sources.get(`${gold.source_id}|${gold.source_system}`);
      if (referenceName === undefined || sourceName === undefined) continue;
      const same = normalizeCompanyName(sourceName).base === normalizeCompanyName(referenceName).base;
      matched += 1;
      if (same) equal += 1;
      if (gold.hard === '1') {
        hard += 1;
        if (same) hardEqual += 1;
      }
    }
    expect(matched).toBeGreaterThan(8000);
    expect(equal / matched).toBeGreaterThan(FLOOR_ALL);
    expect(hardEqual / hard).toBeGreaterThan(FLOOR_HARD);
  });
});
