import { existsSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalEngine } from '../src/engine.js';
import { tempDir } from './helpers/files.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

/** A pid no process has: beyond Linux's pid_max (4,194,304). */
const DEAD_PID = 9_999_999;

describe('stale temp files of crashed writers', () => {
  it('are swept when the database is opened; live writers and other files are left alone', async () => {
    const db = tmp.file('em.duckdb');
    await (await LocalEngine.open({ dbPath: db })).close();
    const stale = [
      tmp.file(`em.duckdb.em-index.tmp-${DEAD_PID}`),
      tmp.file(`em.duckdb.em-model.json.tmp-${DEAD_PID}`),
    ];
    const live = tmp.file(`em.duckdb.em-index.tmp-${process.pid}`);
    const other = tmp.file(`other.duckdb.em-index.tmp-${DEAD_PID}`);
    for (const file of [...stale, live, other]) writeFileSync(file, 'x'.repeat(1000));
    const engine = await LocalEngine.open({ dbPath: db, access: 'read' });
    await engine.close();
    expect(stale.filter(existsSync)).toEqual([]);
    expect(existsSync(live)).toBe(true);
    expect(existsSync(other)).toBe(true);
  });
});
