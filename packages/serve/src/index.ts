export { createConsoleApp } from './app.js';
export type { ConsoleContext } from './console-context.js';
export { MatchService } from './match/match-service.js';
export { type AccessMode, createAccessPolicy, generateToken, isLoopback } from './security/access.js';
export { type RunningConsole, type ServeOptions, startConsole } from './server.js';
export type { ConsoleStore, QueueFilter } from './store/console-store.js';
export { DuckDbConsoleStore } from './store/duckdb-store.js';
