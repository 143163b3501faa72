import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sourceKey } from '@em/core';
import { describe, expect, it } from 'vitest';
import { loadCompanies } from '../bench/lib/companies-data.js';
import { NameIndex } from '../src/retrieval/name-index.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const companies = path.resolve(repoRoot, '../shared/data/companies');
const present = existsSync(path.join(companies, 'reference.csv'));
if (!present)
  console.warn(`retrieval-companies: skipped, ${companies} not found (the shared benchmark data).`);

describe.skipIf(!present)('retrieval on the companies benchmark', () => {
  it('finds the true reference row in the top 10 for ≥ 99.5% of matched sources (≥ 98.5% of hard ones)', () => {
    const data = loadCompanies(companies);
    const index = NameIndex.build(data.reference);
    let n = 0;
    let hit = 0;
    let hard = 0;
    let hardHit = 0;
    for (const s of data.sources) {
      const g = data.gold.get(sourceKey(s))!;
      if (g.trueCiqId === null) continue;
      const found = index.search(s, 10).some((h) => data.reference[h.doc]!.ciq_id === g.trueCiqId);
      n++;
      if (found) hit++;
      if (g.hard) {
        hard++;
        if (found) hardHit++;
      }
    }
    expect(hit / n).toBeGreaterThanOrEqual(0.995);
    expect(hardHit / hard).toBeGreaterThanOrEqual(0.985);
  });
});
