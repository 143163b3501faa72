import { spawn } from 'node:child_process';
import { copyFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { REFERENCE_COLUMNS, SOURCE_COLUMNS } from '@em/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { range, referenceRow, sourceRow } from './helpers/dataset.js';
import { openEngine, stableGold } from './helpers/engine.js';
import { recordsToCsv, tempDir, writeText } from './helpers/files.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../..');
const N = 2000;
const BATCH = 100;
const KILL_AFTER = 5;

const tmp = tempDir();
const killed = tmp.file('killed.duckdb');
const clean = tmp.file('clean.duckdb');

/** Run a matching run in a child process and SIGKILL it once it has committed `killAfter` batches. */
function runChildAndKill(
  dbPath: string,
  killAfter: number,
): Promise<{ committed: number; signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    // node itself (not the tsx wrapper, which would leave its node child holding the database lock).
    const args = [
      '--import',
      'tsx',
      '--conditions=@em/source',
      path.join(here, 'helpers/run-child.ts'),
      dbPath,
      String(BATCH),
    ];
    const child = spawn(process.execPath, args, {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let committed = 0;
    let buffered = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        if (line.startsWith('committed ')) committed++;
        if (committed === killAfter) child.kill('SIGKILL');
      }
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => resolve({ committed, signal }));
  });
}

beforeAll(async () => {
  const engine = await openEngine(killed);
  await engine.ingest(
    'reference',
    writeText(tmp.file('ref.csv'), recordsToCsv(REFERENCE_COLUMNS, range(N).map(referenceRow))),
  );
  await engine.ingest(
    'source',
    writeText(tmp.file('src.csv'), recordsToCsv(SOURCE_COLUMNS, range(N).map(sourceRow))),
  );
  await engine.close();
  copyFileSync(killed, clean);
  if (existsSync(`${killed}.wal`)) copyFileSync(`${killed}.wal`, `${clean}.wal`);
});
afterAll(() => tmp.cleanup());

describe('a run killed with SIGKILL and started again', () => {
  it('finishes with the same gold table as an uninterrupted run: nothing lost, nothing twice', async () => {
    const { committed, signal } = await runChildAndKill(killed, KILL_AFTER);
    expect(signal).toBe('SIGKILL');
    expect(committed).toBeGreaterThanOrEqual(KILL_AFTER);

    const resumed = await openEngine(killed);
    try {
      const [left] = await resumed.query<{ status: string; rows_processed: number }>(
        `SELECT status, rows_processed FROM ops.runs WHERE kind = 'match'`,
      );
      expect(left?.status).toBe('running');
      const [gold] = await resumed.query<{ n: number }>('SELECT count(*) AS n FROM gold.matched_entities');
      // Batches commit with the run log: gold holds exactly what the log says was processed.
      expect(gold?.n).toBe(left?.rows_processed);
      expect(gold?.n).toBeGreaterThanOrEqual(KILL_AFTER * BATCH);
      expect(gold?.n).toBeLessThan(N);

      const report = await resumed.run({ config: { batchSize: BATCH }, autoTrain: false });
      expect(report.abandonedRuns).toBe(1);
      expect(report.processed).toBe(N - (gold?.n ?? 0));
      const runs = await resumed.query<{ status: string }>(
        `SELECT status FROM ops.runs WHERE kind = 'match' ORDER BY started_at`,
      );
      expect(runs.map((r) => r.status)).toEqual(['failed', 'succeeded']);

      const reference = await openEngine(clean);
      try {
        await reference.run({ config: { batchSize: BATCH }, autoTrain: false });
        expect(await stableGold(resumed)).toEqual(await stableGold(reference));
      } finally {
        await reference.close();
      }
    } finally {
      await resumed.close();
    }
  });
});
