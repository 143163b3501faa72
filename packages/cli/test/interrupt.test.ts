import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LocalEngine } from '@em/local';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI_ROOT, REPO_ROOT, removeTempDirs, tempDir } from './helpers.js';

afterAll(removeTempDirs);
const TSX = pathToFileURL(createRequire(path.join(REPO_ROOT, 'package.json')).resolve('tsx')).href;

describe('Ctrl-C', () => {
  it('prints what happened and what to do, and exits 130', async () => {
    const dir = tempDir('em-cli-sigint-');
    const db = path.join(dir, 'em.duckdb');
    const engine = await LocalEngine.open({ dbPath: db });
    await engine.init();
    await engine.close();
    const rows = Array.from({ length: 100_000 }, (_, i) => `S${i},CRM,Company number ${i} Holdings Inc.`);
    writeFileSync(path.join(dir, 'big.csv'), `source_id,source_system,company_name\n${rows.join('\n')}\n`);
    const child = spawn(
      process.execPath,
      [
        '--import',
        TSX,
        '--conditions=@em/source',
        path.join(CLI_ROOT, 'src/bin.ts'),
        'ingest',
        'source',
        'big.csv',
        '--db',
        db,
      ],
      { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, EM_DEBUG: '' } },
    );
    let stderr = '';
    let sent = false;
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      // Interrupt once the ingest is under way (its first progress line).
      if (!sent && stderr.includes('progress')) {
        sent = true;
        child.kill('SIGINT');
      }
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect(sent).toBe(true);
    expect(code).toBe(130);
    expect(stderr).toContain('em: em ingest source interrupted (Ctrl-C). Work already committed is kept');
  }, 120_000);
});
