import { DatabaseBusyError, EmError, InputError } from '@em/core';
import { EXIT, type ExitCode } from './exit-codes.js';
import type { Io } from './io.js';

/**
 * A command-line mistake (unknown flag, missing value). With a message it is printed with a
 * pointer to `-h`; without one, the argument parser has already printed it.
 */
export class UsageError extends InputError {
  constructor(
    message = '',
    readonly exitCode: ExitCode = EXIT.input,
  ) {
    super(message);
  }
}

/** An evaluation gate or an alert failed (`--fail-under …`): exit 3, the message names each one. */
export class GateFailedError extends EmError {
  constructor(message: string) {
    super(message, { name: 'GateFailedError' });
  }

  static override isInstance(error: unknown): error is GateFailedError {
    return EmError.isInstance(error) && error.name === 'GateFailedError';
  }
}

/** The exit code for an error: who must act (see EXIT). */
export function exitCodeFor(error: unknown): ExitCode {
  if (error instanceof UsageError) return error.exitCode;
  if (InputError.isInstance(error)) return EXIT.input;
  if (GateFailedError.isInstance(error)) return EXIT.gate;
  if (DatabaseBusyError.isInstance(error)) return EXIT.busy;
  return EXIT.internal;
}

/**
 * Turn anything a command threw into a message on stderr and an exit code (see EXIT). Input,
 * gate and busy errors print their message only; anything else is internal (exit 1): the
 * message, and the stack with EM_DEBUG=1.
 */
export function reportError(error: unknown, io: Io, program: string): ExitCode {
  const code = exitCodeFor(error);
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof UsageError) {
    if (message !== '') io.stderr.write(`${program}: ${message}\nRun \`${program} -h\` for usage.\n`);
    return code;
  }
  if (code !== EXIT.internal) {
    io.stderr.write(`${program}: ${message}\n`);
    return code;
  }
  const debug = io.env.EM_DEBUG === '1';
  io.stderr.write(
    EmError.isInstance(error) ? `${program}: ${message}\n` : `${program}: internal error: ${message}\n`,
  );
  if (debug && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
  if (!debug) io.stderr.write('(set EM_DEBUG=1 for the stack trace)\n');
  return code;
}
