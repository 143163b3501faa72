import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tsFiles, workspacePackages } from './workspace.js';

/**
 * The process entries that may read the environment: the CLIs' io (`processIo`, whose `io.env`
 * every command passes on as options), the Databricks App's main and the data generator's bin. Library code takes `env`
 * as an option, so one precedence (flag > environment > config file > default) holds everywhere.
 */
const ENTRIES = new Set([
  'packages/cli-kit/src/io.ts',
  'packages/serve/src/databricks/app-main.ts',
  'fixtures/src/cli.ts',
]);

describe('the environment reaches libraries only through options', () => {
  it('no source file outside the process entries reads process.env', () => {
    const readers = workspacePackages()
      .flatMap((p) => tsFiles(path.join(p.dir, 'src')))
      .filter((file) => !/\.test\.ts$/.test(file))
      .map((file) => path.relative(ROOT, file))
      .filter((file) => !ENTRIES.has(file))
      .filter((file) => /process\.env\b/.test(readFileSync(path.join(ROOT, file), 'utf8')));
    expect(readers).toEqual([]);
  });
});
