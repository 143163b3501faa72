import type { CliContext } from './context.js';
import { type Engine, type EngineName, withEngine } from './engine.js';

/**
 * The engine `--engine` names, opened, used and closed: the one place the CLI chooses between
 * engines. The embedded one works on `dbPath`; Databricks reads its workspace from io.env.
 */
export function withSelectedEngine<T>(
  ctx: CliContext,
  name: EngineName,
  dbPath: string,
  use: (engine: Engine) => Promise<T>,
): Promise<T> {
  const open = name === 'databricks' ? () => ctx.openDatabricksEngine(ctx.io.env) : ctx.openEngine;
  return withEngine<Engine, T>(open, dbPath, use);
}
