import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { LocalEngine } from '../src/engine.js';
import { formatIngestReport } from '../src/ingest/ingest-report.js';
import { openEngine } from './helpers/engine.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const data = path.resolve(repoRoot, '../shared/data/companies');
const present = existsSync(path.join(data, 'reference.csv'));
if (!present)
  console.warn(
    `Skipping the companies test: ${data} is absent (it is shared benchmark data, not part of the repository).`,
  );

let engine: LocalEngine | undefined;
afterAll(() => engine?.close());

describe.skipIf(!present)('the companies benchmark, exact stage only', () => {
  it('puts every source row in gold or quarantine and agrees with gold_dev on exact matches', async () => {
    engine = await openEngine();
    const reference = await engine.ingest('reference', path.join(data, 'reference.csv'));
    const sources = await engine.ingest('source', path.join(data, 'source_dev.csv'));
    console.log(formatIngestReport(reference));
    console.log(formatIngestReport(sources));
    const run = await engine.run();
    expect(run.processed).toBe(sources.loaded);

    const [accounted] = await engine.query<{ read: number; gold: number; quarantined: number }>(
      `SELECT (SELECT count(*) FROM read_csv($1, all_varchar = true)) AS read,
              (SELECT count(*) FROM gold.matched_entities) AS gold,
              (SELECT count(*) FROM gold.quarantine WHERE entity_kind = 'source') AS quarantined`,
      [path.join(data, 'source_dev.csv')],
    );
    expect(accounted!.gold + accounted!.quarantined).toBe(accounted!.read);

    const [agreement] = await engine.query<{
      exact: number;
      agree: number;
      truth_none: number;
      other: number;
    }>(
      `SELECT count(*) AS exact,
              count(*) FILTER (WHERE g.matched_ciq_id = t.true_ciq_id) AS agree,
              count(*) FILTER (WHERE t.true_ciq_id IS NULL) AS truth_none,
              count(*) FILTER (WHERE t.true_ciq_id IS NOT NULL AND g.matched_ciq_id <> t.true_ciq_id) AS other
       FROM gold.matched_entities g
       JOIN read_csv($1, all_varchar = true) t ON t.source_id = g.source_id AND t.source_system = g.source_system
       WHERE g.match_method = 'exact_identifier'`,
      [path.join(data, 'gold_dev.csv')],
    );
    console.log(
      `companies: ${run.processed} sources, exact stage matched ${agreement!.exact}; ${agreement!.agree} agree with gold_dev.csv, ` +
        `${agreement!.other} name another reference row, ${agreement!.truth_none} have no true match (run ${Math.round(run.durationMs)} ms)`,
    );
    expect(agreement!.exact).toBeGreaterThan(0);
    expect(agreement!.agree / agreement!.exact).toBeGreaterThan(0.95);
  });
});
