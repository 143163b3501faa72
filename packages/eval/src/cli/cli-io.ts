import { EmError, InputError } from '@em/core';
import { EXIT, type ExitCode } from './exit-codes.js';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
}

export const processCliIo = (): CliIo => ({
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
});

/** A command-line mistake (unknown flag, missing value): exit 2 with a pointer to the usage. */
export class UsageError extends InputError {}

/** Turn an error into a message on stderr and an exit code: 2 for input, 1 for anything else. */
export function reportCliError(error: unknown, io: CliIo, program: string): ExitCode {
  if (InputError.isInstance(error)) {
    io.stderr(`${program}: ${error.message}\n`);
    if (error instanceof UsageError) io.stderr(`Run \`${program} -h\` for usage.\n`);
    return EXIT.input;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr(
    EmError.isInstance(error) ? `${program}: ${message}\n` : `${program}: internal error: ${message}\n`,
  );
  if (io.env.EM_DEBUG === '1' && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
  else io.stderr('(set EM_DEBUG=1 for the stack trace)\n');
  return EXIT.internal;
}

/** A number flag, e.g. --threshold 0.9; not a number is a UsageError. */
export function numberFlag(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value))
    throw new UsageError(`${flag} ${JSON.stringify(text)}: expected a number, e.g. ${flag} 0.9.`);
  return value;
}
