import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readReferenceRows, readSourceRows, trainLocalModel } from '../src/index.js';
import { COMMITTED_DATA, ingestedCommittedData } from './helpers/committed-fixture.js';

const fixture = ingestedCommittedData();
const { db } = fixture;

describe('em run without a pair model', () => {
  it('trains one without labels first, says so, and estimates its auto-match precision close to the truth', async () => {
    const engine = fixture.engine();
    const report = await engine.run();
    expect(report.trainedModel?.source).toBe('self-supervised');
    const pairStage = report.stages?.find((s) => s.stage === 'pair model');
    expect(pairStage).toEqual({ stage: 'pair model', ran: true, detail: report.trainedModel!.modelVersion });
    expect(report.byMethod.pair_model).toBeGreaterThan(0);
    const estimate = report.estimatedAutoPrecision!;
    expect(estimate.validatedOnLabels).toBe(false);
    const [measured] = await engine.query<{ auto: number; right: number }>(
      `SELECT count(*) AS auto, count(*) FILTER (WHERE g.matched_ciq_id = t.true_ciq_id) AS right
       FROM gold.matched_entities g
       JOIN read_csv($1, all_varchar = true) t ON t.source_id = g.source_id AND t.source_system = g.source_system
       WHERE g.auto_matched AND g.matched_ciq_id IS NOT NULL`,
      [path.join(COMMITTED_DATA, 'gold.csv')],
    );
    const precision = Number(measured!.right) / Number(measured!.auto);
    console.log(
      `generated data: estimated auto-match precision ${estimate.estimate.toFixed(4)} ± ${estimate.halfWidth.toFixed(4)}, measured ${precision.toFixed(4)} (${measured!.auto} auto-matches)`,
    );
    expect(Math.abs(estimate.estimate - precision)).toBeLessThanOrEqual(0.02);
  });

  it('after a new model, rescores the rows an older model decided, never a human decision', async () => {
    const engine = fixture.engine();
    const [item] = await engine.reviewQueue({ limit: 1 });
    await engine.decide({
      source_id: item!.source_id,
      source_system: item!.source_system,
      ciq_id: null,
      decidedBy: 'ana',
    });
    const steady = await engine.run();
    expect(steady.processed).toBe(0);
    const query = (sql: string) => engine.query(sql);
    const retrained = trainLocalModel(db, await readReferenceRows(query), {
      sources: await readSourceRows(query),
      seed: 2,
    });
    const [byModel] = await engine.query<{ n: number }>(
      `SELECT count(*) AS n FROM gold.matched_entities
       WHERE match_stage IN ('Stage 2: Candidate Retrieval', 'Stage 3: Pair Model')`,
    );
    const again = await engine.run();
    expect(again.trainedModel).toBeNull();
    expect(again.processed).toBe(Number(byModel!.n));
    const [human] = await engine.query<{ match_method: string }>(
      'SELECT match_method FROM gold.matched_entities WHERE source_id = $1 AND source_system = $2',
      [item!.source_id, item!.source_system],
    );
    expect(human!.match_method).toBe('human_review');
    const [versions] = await engine.query<{ stale: number }>(
      `SELECT count(*) AS stale FROM gold.matched_entities
       WHERE match_stage = 'Stage 3: Pair Model' AND NOT ends_with(model_version, '/' || $1)`,
      [retrained.modelVersion],
    );
    expect(Number(versions!.stale)).toBe(0);
  });
});
