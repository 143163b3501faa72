import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/index.js';
import { captureIo, fakeEngine, removeTempDirs, tempDir } from './helpers.js';

afterAll(removeTempDirs);

const dir = tempDir('em-cli-engines-');
const csv = path.join(dir, 'source.csv');
writeFileSync(csv, 'source_id,company_name\nS-1,Acme\n');
/** A workspace that is never called: what Databricks cannot do is refused before any request. */
const WORKSPACE = {
  DATABRICKS_HOST: 'https://dbc-test.cloud.databricks.com',
  DATABRICKS_TOKEN: 'dapi-test',
  DATABRICKS_WAREHOUSE_ID: 'wh-1',
};

describe('--engine picks the factory; commands call the engine port', () => {
  it('each port command opens the engine --engine names (the embedded one by default)', async () => {
    for (const args of [['stats'], ['review', 'list'], ['run']]) {
      const local = fakeEngine();
      const databricks = fakeEngine();
      const io = captureIo({ cwd: dir });
      const run = (extra: string[]) =>
        runCli([...args, ...extra, '--json'], {
          io,
          openEngine: local.open,
          openDatabricksEngine: databricks.open as never,
        });
      expect(await run([])).toBe(0);
      expect(await run(['--engine', 'databricks'])).toBe(0);
      expect(local.calls.map((c) => c.method).at(-1)).toBe('close');
      expect(databricks.calls.map((c) => c.method)).toEqual(local.calls.map((c) => c.method));
    }
  });

  it.each([
    [
      ['ingest', 'source', csv],
      /The databricks engine cannot ingest: load bronze with DatabricksEngine\.load/,
    ],
    [['train'], /cannot train: the pair model on Databricks is the Ditto model trained by notebooks\//],
    [['index'], /cannot index: stage 2 on Databricks is the Vector Search index/],
    [['stats'], /cannot report stats or monitoring figures: read gold\.daily_stats/],
    [['review', 'list'], /cannot list, show, decide, export or import review cases/],
    [['export', '--out', path.join(dir, 'gold.csv')], /cannot export the gold table/],
  ])(
    'em %s --engine databricks: exit 2 naming the operation and what to use instead',
    async (args, message) => {
      const io = captureIo({ cwd: dir, env: WORKSPACE });
      expect(await runCli([...args, '--engine', 'databricks'], { io })).toBe(2);
      expect(io.err()).toMatch(message);
    },
  );

  it('an unknown engine is a usage error', async () => {
    const io = captureIo({ cwd: dir });
    expect(await runCli(['stats', '--engine', 'spark'], { io })).toBe(2);
    expect(io.err()).toMatch(/Allowed choices are local, databricks/);
  });
});
