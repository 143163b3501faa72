import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/index.js';
import { captureIo, REPO_ROOT, removeTempDirs, tempDir } from './helpers.js';

afterAll(removeTempDirs);

const DATA = path.join(REPO_ROOT, 'fixtures/data');
const reference = path.join(DATA, 'reference.csv');
const source = path.join(DATA, 'source.csv');
const present = existsSync(reference) && existsSync(source);
if (!present)
  console.warn(`skipping the em end-to-end test: ${DATA}/{reference,source}.csv are not there yet`);

/** Run one command with --json in-process against the real engine; returns the parsed object. */
async function em(cwd: string, ...args: string[]) {
  const io = captureIo({ cwd });
  const code = await runCli([...args, '--db', path.join(cwd, 'em.duckdb'), '--json'], { io });
  expect(code, `em ${args.join(' ')} failed:\n${io.err()}`).toBe(0);
  return JSON.parse(io.out());
}

describe.skipIf(!present)('em end to end on fixtures/data', () => {
  it('init → ingest → run → export → stats reconcile every source row', async () => {
    const dir = tempDir('em-cli-e2e-');
    await em(dir, 'init');
    const ref = await em(dir, 'ingest', 'reference', reference);
    expect(ref.read).toBe(ref.loaded + ref.quarantined);
    const src = await em(dir, 'ingest', 'source', source);
    expect(src.read).toBe(src.loaded + src.quarantined);
    expect(src.read).toBeGreaterThan(0);

    const run = await em(dir, 'run');
    expect(run.processed).toBe(src.loaded);
    const byMethod = Object.values(run.byMethod as Record<string, number>).reduce((a, b) => a + b, 0);
    expect(byMethod).toBe(run.processed);

    const exported = await em(dir, 'export', '--out', 'gold.csv');
    expect(existsSync(path.join(dir, 'gold.csv'))).toBe(true);

    const stats = await em(dir, 'stats');
    expect(stats.counts.total_gold + src.quarantined).toBe(src.read);
    expect(exported.rows).toBe(stats.counts.total_gold);
    expect(stats.counts.matched + stats.counts.no_match).toBeLessThanOrEqual(stats.counts.total_gold);

    const again = await em(dir, 'run');
    expect(again.processed).toBe(0);
  });
});
