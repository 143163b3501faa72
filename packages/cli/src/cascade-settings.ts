import { type CascadeConfig, parseCascadeConfig } from '@em/core';
import { withLlmSettings } from '@em/core/engine';
import { readJsonFile } from './files.js';
import type { Io } from './io.js';

/** `--config FILE` parsed (every problem reported at once), or the defaults; frozen, read once per command. */
export async function readCascadeConfig(file: string | undefined, cwd: string): Promise<CascadeConfig> {
  return parseCascadeConfig(file ? await readJsonFile(file, cwd) : {});
}

/** The flags a matching run reads its settings from. */
export interface RunSettingFlags {
  readonly config?: string | undefined;
  readonly llmBaseUrl?: string | undefined;
  readonly llmModel?: string | undefined;
}

/** What a matching run is configured with. */
export interface RunSettings {
  readonly config: CascadeConfig;
  /** EM_LLM_API_KEY: a secret, so never part of the config a run records. */
  readonly llmApiKey: string | null;
}

/**
 * A run's settings, resolved once before anything is opened, by em's one precedence (flag >
 * environment > config file > default): `io.env` is the only place the environment is read.
 */
export async function runSettings(flags: RunSettingFlags, io: Io): Promise<RunSettings> {
  const file = await readCascadeConfig(flags.config, io.cwd);
  const config = withLlmSettings(file, { baseUrl: flags.llmBaseUrl, model: flags.llmModel }, io.env);
  return { config, llmApiKey: io.env.EM_LLM_API_KEY?.trim() || null };
}
