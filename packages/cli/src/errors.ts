import { DatabaseBusyError, EmError, InputError } from '@em/core';
import { EXIT, type ExitCode } from './exit-codes.js';
import type { Io } from './io.js';

/** A command-line usage error commander has already printed (unknown option, missing argument…). */
export class UsageError extends Error {
  constructor(readonly exitCode: ExitCode) {
    super('usage error');
    this.name = 'UsageError';
  }
}

/** An evaluation gate failed (`em eval --fail-under …`): exit code 3, message names each failed gate. */
export class GateFailedError extends EmError {
  constructor(message: string) {
    super(message, { name: 'GateFailedError' });
  }
}

/**
 * Turn anything a command threw into a message on stderr and an exit code:
 * 2 for input the user can fix (never with a stack), 3 for failed gates, 4 when the database is busy,
 * 1 for everything else (stack only with EM_DEBUG=1).
 */
export function reportError(error: unknown, io: Io): ExitCode {
  if (error instanceof UsageError) return error.exitCode;
  if (InputError.isInstance(error)) {
    io.stderr.write(`em: ${error.message}\n`);
    return EXIT.input;
  }
  if (DatabaseBusyError.isInstance(error)) {
    io.stderr.write(`em: ${error.message}\n`);
    return EXIT.busy;
  }
  if (error instanceof GateFailedError) {
    io.stderr.write(`em: ${error.message}\n`);
    return EXIT.gate;
  }
  const debug = io.env.EM_DEBUG === '1';
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(EmError.isInstance(error) ? `em: ${message}\n` : `em: internal error: ${message}\n`);
  if (debug && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
  if (!debug) io.stderr.write('(set EM_DEBUG=1 for the stack trace)\n');
  return EXIT.internal;
}
