import type { OpenEngine } from './engine.js';
import type { Io } from './io.js';

/** What every command receives at registration: its I/O and how to open the engine. */
export interface CliContext {
  io: Io;
  openEngine: OpenEngine;
}
