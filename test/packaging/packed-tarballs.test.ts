import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, workspacePackages } from '../architecture/workspace.js';

// What a user gets from the registry: every package built, packed with `npm pack`, installed
// from the tarballs into an empty folder, and the two bins run there — no workspace links, no
// sources, no repository files. Slow (a build and an install); EM_SKIP_PACK_TEST=1 skips it
// while iterating, CI always runs it.
const skip = process.env.EM_SKIP_PACK_TEST === '1' && process.env.CI !== 'true';
const run = (cmd: string, args: string[], cwd: string, timeout = 600_000) =>
  execFileSync(cmd, args, { cwd, encoding: 'utf8', timeout, stdio: ['ignore', 'pipe', 'pipe'] });

describe.skipIf(skip)('packed tarballs installed outside the repository', () => {
  let work: string;
  let app: string;

  beforeAll(() => {
    work = mkdtempSync(path.join(tmpdir(), 'em-pack-'));
    const tarballs = path.join(work, 'tarballs');
    app = path.join(work, 'app');
    mkdirSync(tarballs);
    mkdirSync(app);
    run('npx', ['turbo', 'run', 'build', '--output-logs=errors-only'], ROOT);
    for (const pkg of workspacePackages().filter((p) => !p.private)) {
      run('npm', ['pack', '--silent', '--pack-destination', tarballs], pkg.dir);
    }
    writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'em-pack-check', private: true }));
    const files = readdirSync(tarballs).map((f) => path.join(tarballs, f));
    run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', ...files], app);
  }, 1_200_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('runs `em-eval -h`', () => {
    expect(run('npx', ['--no-install', 'em-eval', '-h'], app)).toMatch(/^Usage: em-eval --predictions PATH/);
  });

  it('runs `em demo` end to end (generate, ingest, train, run, evaluate)', () => {
    const out = run(
      'npx',
      ['--no-install', 'em', 'demo', '--reference', '2000', '--sources', '400', '--json'],
      app,
    );
    const demo = JSON.parse(out);
    expect(demo.run.processed).toBeGreaterThan(0);
    expect(demo.evaluation).toBeDefined();
  }, 300_000);
});
