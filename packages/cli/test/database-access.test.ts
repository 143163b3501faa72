import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LocalEngine } from '@em/local';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT, runCli } from '../src/index.js';
import { captureIo, REPO_ROOT, removeTempDirs, tempDir } from './helpers.js';

const dir = tempDir('em-cli-db-');
const db = path.join(dir, 'em.duckdb');
const TSX = pathToFileURL(createRequire(path.join(REPO_ROOT, 'package.json')).resolve('tsx')).href;

beforeAll(async () => {
  const engine = await LocalEngine.open({ dbPath: db });
  await engine.init();
  await engine.close();
});
afterAll(removeTempDirs);

async function em(...args: string[]) {
  const io = captureIo({ cwd: dir });
  const code = await runCli(args, { io });
  return { code, out: io.out(), err: io.err() };
}

/** Another process holding the database as em does (read or write) until killed; resolves once it holds it. */
async function holder(access: 'read' | 'write', command: string): Promise<ChildProcess> {
  const script = `
    const { LocalEngine } = await import('@em/local');
    await LocalEngine.open({ dbPath: ${JSON.stringify(db)}, access: '${access}', command: ${JSON.stringify(command)} });
    process.stdout.write('holding\\n');
    setInterval(() => {}, 1000);`;
  const child = spawn(
    process.execPath,
    ['--import', TSX, '--conditions=@em/source', '--input-type=module', '-e', script],
    {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('holding') && resolve());
    child.on('exit', (code) => reject(new Error(`holder exited with ${code}`)));
  });
  return child;
}
const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    child.on('exit', () => resolve());
    child.kill('SIGKILL');
  });

describe('--db checks', () => {
  it('refuses to open a CSV or Parquet file as the database, and leaves it untouched', async () => {
    const csv = path.join(dir, 'source.csv');
    writeFileSync(csv, 'source_id,source_system,company_name\n1,a,Acme\n');
    const before = statSync(csv).size;
    const result = await em('init', '--db', csv);
    expect(result.code).toBe(EXIT.input);
    expect(result.err).toMatch(/source\.csv is a csv file, not a DuckDB database/);
    expect(result.out).not.toContain('Initialized');
    expect(statSync(csv).size).toBe(before);
    const parquet = path.join(dir, 'data.parquet');
    writeFileSync(parquet, Buffer.from('PAR1\0\0\0\0\0\0\0\0\0\0\0\0PAR1'));
    expect((await em('stats', '--db', parquet)).err).toMatch(/is a Parquet file, not a DuckDB database/);
  });

  it('creates a database only in em init: a typo in --db creates nothing', async () => {
    const typo = path.join(dir, 'typo.duckdb');
    const result = await em('run', '--db', typo);
    expect(result.code).toBe(EXIT.input);
    expect(result.err).toContain('no em database there. Create one with `em init --db');
    expect(existsSync(typo)).toBe(false);
    expect((await em('init', '--db', typo)).code).toBe(EXIT.ok);
    expect(existsSync(typo)).toBe(true);
  });

  it('says :memory: is not a database file and creates no file of that name', async () => {
    const result = await em('run', '--db', ':memory:');
    expect(result.code).toBe(EXIT.input);
    expect(result.err).toContain('--db :memory: is not a database file');
    expect(existsSync(path.join(dir, ':memory:'))).toBe(false);
  });
});

describe('lock conflicts', () => {
  it('a writer blocks other commands with exit 4 and a message naming its command', async () => {
    const writer = await holder('write', 'em run --full');
    try {
      for (const args of [['stats'], ['review', 'accept', 'X']]) {
        const result = await em(...args, '--db', db);
        expect(result.code, result.err).toBe(EXIT.busy);
        expect(result.err).toContain(`is in use by process ${writer.pid} running \`em run --full\``);
        expect(result.err).toContain('--wait SECONDS');
        expect(result.err).not.toContain('IO Error');
      }
    } finally {
      await stop(writer);
    }
  });

  it('--wait retries until the writer is gone', async () => {
    const writer = await holder('write', 'em ingest source big.csv');
    setTimeout(() => writer.kill('SIGKILL'), 700);
    const result = await em('stats', '--db', db, '--wait', '20', '--json');
    expect(result.code, result.err).toBe(EXIT.ok);
    expect(JSON.parse(result.out).command).toBe('stats');
  });

  it('read-only commands run together', async () => {
    const reader = await holder('read', 'em stats');
    try {
      expect((await em('stats', '--db', db)).code).toBe(EXIT.ok);
      expect((await em('export', '--out', path.join(dir, 'gold.csv'), '--db', db)).code).toBe(EXIT.ok);
      expect((await em('review', 'list', '--db', db)).code).toBe(EXIT.ok);
    } finally {
      await stop(reader);
    }
  });
});
