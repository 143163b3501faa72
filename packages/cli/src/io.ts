import { jsonReplacer } from './output/format.js';
import type { ProgressStream } from './output/progress.js';

export interface OutStream extends ProgressStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

/** Everything a command touches outside itself, so tests run commands in-process. */
export interface Io {
  stdout: OutStream;
  stderr: OutStream;
  env: Record<string, string | undefined>;
  cwd: string;
}

export function processIo(): Io {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() };
}

/** Write one JSON object (and a newline) on stdout: the whole of stdout in `--json` mode. */
export function printJson(io: Io, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value, jsonReplacer, 2)}\n`);
}

/** Write lines of human output on stdout. */
export function print(io: Io, ...lines: string[]): void {
  io.stdout.write(`${lines.join('\n')}\n`);
}
