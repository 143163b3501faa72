import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CascadeConfig } from '@em/core';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/index.js';
import { captureIo, fakeEngine, removeTempDirs, tempDir } from './helpers.js';

afterAll(removeTempDirs);

const dir = tempDir('em-cli-settings-');
writeFileSync(
  path.join(dir, 'cascade.json'),
  JSON.stringify({ llm: { baseUrl: 'https://file.example/v1', model: 'file-model' } }),
);

/** The stage-4 settings `em run` hands the engine, for these flags and this environment. */
async function runWith(args: readonly string[], env: Record<string, string>) {
  const engine = fakeEngine();
  const io = captureIo({ cwd: dir, env });
  const code = await runCli(['run', '--json', ...args], { io, openEngine: engine.open });
  expect(code, io.err()).toBe(0);
  const run = engine.calls.find((c) => c.method === 'run')!;
  const options = run.args[0] as { config: CascadeConfig; llmApiKey: string | null };
  return { baseUrl: options.config.llm.baseUrl, model: options.config.llm.model, key: options.llmApiKey };
}

describe('one precedence for every setting: flag > environment > config file > default', () => {
  const env = { EM_LLM_BASE_URL: 'https://env.example/v1', EM_LLM_MODEL: 'env-model', EM_LLM_API_KEY: 'k' };
  const flags = ['--llm-base-url', 'https://flag.example/v1', '--llm-model', 'flag-model'];
  const file = ['--config', 'cascade.json'];

  it('the LLM endpoint and model: flag wins over all', async () => {
    expect(await runWith([...flags, ...file], env)).toEqual({
      baseUrl: 'https://flag.example/v1',
      model: 'flag-model',
      key: 'k',
    });
  });

  it('then the environment (io.env, the only place the CLI reads it), over the config file', async () => {
    expect(await runWith(file, env)).toEqual({
      baseUrl: 'https://env.example/v1',
      model: 'env-model',
      key: 'k',
    });
  });

  it('then the config file, then the default (no endpoint: stage 4 off)', async () => {
    expect(await runWith(file, {})).toEqual({
      baseUrl: 'https://file.example/v1',
      model: 'file-model',
      key: null,
    });
    expect(await runWith([], {})).toEqual({ baseUrl: null, model: null, key: null });
  });

  it('sources mix per setting, and a bad value is exit 2 naming where it can be set', async () => {
    expect(
      await runWith([...file, '--llm-model', 'flag-model'], { EM_LLM_BASE_URL: 'https://env.example/v1' }),
    ).toEqual({ baseUrl: 'https://env.example/v1', model: 'flag-model', key: null });
    const io = captureIo({ cwd: dir, env: { EM_LLM_BASE_URL: 'https://env.example/v1' } });
    const engine = fakeEngine();
    expect(await runCli(['run'], { io, openEngine: engine.open })).toBe(2);
    expect(io.err()).toMatch(/set EM_LLM_MODEL \(or --llm-model/);
    expect(engine.calls).toEqual([]);
  });
});
