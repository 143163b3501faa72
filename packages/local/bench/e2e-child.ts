/**
 * End-to-end `em run` throughput in a fresh process: a new DuckDB database, ingest the generated
 * reference and sources, build the index, train the pair model from perturbed reference rows
 * (em train's default: no labels), then one full run with the LLM off. Prints one JSON line.
 * Run by bench.ts: e2e-child.ts <dir>
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sourceKey } from '@em/core';
import { LocalEngine, loadLocalBackends, readReferenceRows, trainLocalModel } from '../src/index.js';
import { readCsv } from './lib/csv.js';
import { metrics } from './lib/match-metrics.js';

const dir = process.argv[2]!;
const work = mkdtempSync(path.join(tmpdir(), 'em-bench-e2e-'));
const dbPath = path.join(work, 'bench.duckdb');
try {
  const engine = await LocalEngine.open({ dbPath });
  await engine.init();
  let t = performance.now();
  await engine.ingest('reference', path.join(dir, 'reference.csv'));
  await engine.ingest('source', path.join(dir, 'source.csv'));
  const ingestMs = performance.now() - t;
  t = performance.now();
  const reference = await readReferenceRows((sql) => engine.query(sql));
  const readMs = performance.now() - t;
  const trained = trainLocalModel(dbPath, reference, { seed: 1 });
  t = performance.now();
  const workers = process.env.EM_BENCH_WORKERS;
  const backends = loadLocalBackends(dbPath, reference, workers ? { workers: Number(workers) } : {});
  const loadMs = performance.now() - t;
  const report = await engine.run({
    full: true,
    backends: { retriever: backends.retriever, scorer: backends.scorer },
  });
  await backends.close();
  const rows = await engine.query<{
    source_id: string;
    source_system: string;
    matched_ciq_id: string | null;
    match_confidence: number;
  }>('SELECT source_id, source_system, matched_ciq_id, match_confidence FROM gold.matched_entities');
  const gold = new Map(
    readCsv(path.join(dir, 'gold.csv')).map((g) => [
      sourceKey({ source_id: g.source_id!, source_system: g.source_system! }),
      g.true_ciq_id || null,
    ]),
  );
  const scored = rows.map((r) => ({
    predicted: r.matched_ciq_id,
    truth: gold.get(sourceKey(r)) ?? null,
    confidence: r.match_confidence,
  }));
  await engine.close();
  console.log(
    JSON.stringify({
      reference: reference.length,
      sources: report.processed,
      ingestMs: Math.round(ingestMs),
      readReferenceMs: Math.round(readMs),
      indexAndModelLoadMs: Math.round(loadMs),
      retrievalWorkers: backends.retriever.capabilities.maxParallelCalls,
      modelVersion: trained.modelVersion,
      runMs: Math.round(report.durationMs),
      entitiesPerSecond: Math.round(report.entitiesPerSecond),
      f1: metrics(scored, 'all').f1,
      peakRssMb: Math.round((process.resourceUsage().maxRSS * 1024) / 2 ** 20),
    }),
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
