// After `build:app`: run apps/console/server.mjs alone in an empty folder (no node_modules anywhere up the
// tree) with no Databricks settings. A self-contained bundle loads every module and stops at
// the missing workspace settings; a bundle that still needs a package fails to load it.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const bundle = new URL('../../../apps/console/server.mjs', import.meta.url).pathname;
const dir = mkdtempSync(path.join(tmpdir(), 'em-app-check-'));
try {
  copyFileSync(bundle, path.join(dir, 'server.mjs'));
  const run = spawnSync(process.execPath, ['server.mjs'], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? '' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  const said = `${run.stdout}${run.stderr}`;
  if (
    /ERR_MODULE_NOT_FOUND|Cannot find (module|package)/.test(said) ||
    !/em console could not start/.test(said)
  ) {
    console.error(`apps/console/server.mjs is not self-contained:\n${said}`);
    process.exit(1);
  }
  console.log(
    `apps/console/server.mjs: ${(statSync(bundle).size / 2 ** 20).toFixed(1)} MiB, loads with no node_modules (stops at: ${said.trim().split('\n')[0]})`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
