/**
 * End-to-end bench on a generated dataset, each stage in its own process (see e2e-stage.ts):
 * ingest (reference timed alone), model training without labels, index build, then one full
 * `em run` with the LLM off, whose decisions are scored against gold.csv. Prints one JSON line.
 * Run by bench.ts: e2e-child.ts <dir>
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sourceKey } from '@em/core';
import { LocalEngine } from '../src/index.js';
import { readCsv } from './lib/csv.js';
import { metrics } from './lib/match-metrics.js';

/** References above this train on their first rows only (training holds rows as objects). */
const TRAIN_ROWS = 1_000_000;
const here = path.dirname(fileURLToPath(import.meta.url));
const tsx = path.resolve(here, '../../../node_modules/.bin/tsx');
const dir = process.argv[2]!;
const work = mkdtempSync(path.join(tmpdir(), 'em-bench-e2e-'));
const dbPath = path.join(work, 'bench.duckdb');
const stage = (...args: string[]): Record<string, number | string> => {
  const out = execFileSync(tsx, ['--conditions=@em/source', path.join(here, 'e2e-stage.ts'), ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(out.trim().split('\n').at(-1)!);
};
try {
  const ingest = stage('ingest', dbPath, dir);
  // Train first: it saves an index of the rows it trained on, which the index stage replaces.
  const train = stage('train', dbPath, String(TRAIN_ROWS));
  const index = stage('index', dbPath);
  const run = stage('run', dbPath);
  const engine = await LocalEngine.open({ dbPath });
  const rows = await engine.query<{
    source_id: string;
    source_system: string;
    matched_ciq_id: string | null;
    match_confidence: number;
  }>('SELECT source_id, source_system, matched_ciq_id, match_confidence FROM gold.matched_entities');
  await engine.close();
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
  console.log(JSON.stringify({ ingest, index, train, run, f1: metrics(scored, 'all').f1 }));
} finally {
  rmSync(work, { recursive: true, force: true });
}
