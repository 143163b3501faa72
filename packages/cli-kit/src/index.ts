export { exitCodeFor, GateFailedError, reportError, UsageError } from './errors.js';
export { EXIT, type ExitCode } from './exit-codes.js';
export { type Io, jsonReplacer, type OutStream, print, printJson, processIo } from './io.js';
