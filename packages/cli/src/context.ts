import type { OpenDatabricksEngine, OpenEngine } from './engine.js';
import type { Io } from './io.js';

/** What every command receives at registration: its I/O and how to open each engine. */
export interface CliContext {
  io: Io;
  /** The embedded engine on a database file (with the running command's access mode). */
  openEngine: OpenEngine;
  /** The Databricks engine (`--engine databricks`). */
  openDatabricksEngine: OpenDatabricksEngine;
}
