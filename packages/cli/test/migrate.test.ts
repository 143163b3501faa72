import path from 'node:path';
import { LocalEngine } from '@em/local';
import { afterAll, describe, expect, it } from 'vitest';
import { EXIT, runCli } from '../src/index.js';
import { captureIo, removeTempDirs, tempDir } from './helpers.js';

afterAll(removeTempDirs);

const dir = tempDir('em-cli-migrate-');

async function em(args: readonly string[]) {
  const io = captureIo({ cwd: dir });
  const code = await runCli(args, { io });
  return { code, out: io.out(), err: io.err() };
}

/** A database as the release before schema versions left it (the same tables, no version rows); returns the current version. */
async function previousRelease(file: string): Promise<number> {
  const engine = await LocalEngine.open({ dbPath: file });
  const { to } = await engine.migrate();
  await engine.query('DELETE FROM ops.schema_version');
  await engine.close();
  return to;
}

describe('em migrate', () => {
  it('read-only commands refuse an older database and name em migrate; em migrate upgrades it once', async () => {
    const db = path.join(dir, 'old.duckdb');
    const SCHEMA_VERSION = await previousRelease(db);
    const stats = await em(['stats', '--db', db]);
    expect(stats.code).toBe(EXIT.input);
    expect(stats.err).toContain(`has schema version 1; this em needs version ${SCHEMA_VERSION}`);
    expect(stats.err).toContain(`Run \`em migrate --db ${db}\``);

    const migrated = await em(['migrate', '--db', db]);
    expect(migrated.code).toBe(0);
    expect(migrated.out).toContain(`Migrated ${db} from schema version 1 to ${SCHEMA_VERSION}:`);
    expect(migrated.out).toContain('002 neutral_method_names');

    expect((await em(['stats', '--db', db])).code).toBe(0);
    const again = await em(['migrate', '--db', db, '--json']);
    expect(JSON.parse(again.out)).toMatchObject({ command: 'migrate', from: SCHEMA_VERSION, applied: [] });
  });
});
