import path from 'node:path';
import { InputError } from '@em/core';
import { afterAll, describe, expect, it } from 'vitest';
import { EXIT, runCli } from '../src/index.js';
import { captureIo, fakeEngine, removeTempDirs, spawnEm, tempDir } from './helpers.js';

afterAll(removeTempDirs);

const STACK_LINE = /^\s+at /m;

describe('exit codes of the real bin', () => {
  it('a missing input file is bad input: exit 2, message names the file, no stack', () => {
    const dir = tempDir('em-cli-');
    const result = spawnEm(['ingest', 'source', 'no-such-file.csv', '--db', path.join(dir, 'em.duckdb')], {
      cwd: dir,
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no-such-file.csv: no such file');
    expect(result.stderr).not.toMatch(STACK_LINE);
    expect(result.stdout).toBe('');
  });

  it('an unknown option is a usage error: exit 2 and a hint to run -h', () => {
    const result = spawnEm(['run', '--no-such-option']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown option '--no-such-option'");
    expect(result.stderr).toContain('Run `em run -h` for usage.');
  });

  it('--help exits 0', () => {
    const result = spawnEm(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: em');
  });
});

describe('exit codes in-process', () => {
  it('a missing argument is exit 2 with a hint', async () => {
    const io = captureIo();
    expect(await runCli(['ingest', 'reference'], { io })).toBe(EXIT.input);
    expect(io.err()).toContain("missing required argument 'file'");
    expect(io.err()).toContain('Run `em ingest reference -h` for usage.');
  });

  it('a bad option value is exit 2', async () => {
    const io = captureIo();
    expect(await runCli(['review', 'list', '--min', '1.5'], { io })).toBe(EXIT.input);
    expect(io.err()).toContain('expected a number from 0 to 1');
  });

  it('an InputError from the library is exit 2 with its message and never a stack, even with EM_DEBUG', async () => {
    const engine = fakeEngine({
      run: () => {
        throw new InputError('source.csv line 3: company_name is empty.');
      },
    });
    const io = captureIo({ env: { EM_DEBUG: '1' } });
    expect(await runCli(['run'], { io, openEngine: engine.open })).toBe(EXIT.input);
    expect(io.err()).toBe('em: source.csv line 3: company_name is empty.\n');
  });

  it('an unexpected error is exit 1, "internal error", stack only with EM_DEBUG=1', async () => {
    const boom = () => {
      throw new TypeError('boom');
    };
    const quiet = captureIo();
    expect(await runCli(['stats'], { io: quiet, openEngine: fakeEngine({ stats: boom }).open })).toBe(
      EXIT.internal,
    );
    expect(quiet.err()).toContain('em: internal error: boom');
    expect(quiet.err()).not.toMatch(STACK_LINE);
    const debug = captureIo({ env: { EM_DEBUG: '1' } });
    expect(await runCli(['stats'], { io: debug, openEngine: fakeEngine({ stats: boom }).open })).toBe(
      EXIT.internal,
    );
    expect(debug.err()).toMatch(STACK_LINE);
  });

  it('the engine is closed even when a command fails', async () => {
    const engine = fakeEngine({
      stats: () => {
        throw new Error('x');
      },
    });
    await runCli(['stats'], { io: captureIo(), openEngine: engine.open });
    expect(engine.calls.map((c) => c.method)).toEqual(['stats', 'close']);
  });
});
