/** A stream a command writes to (process.stdout, or a test's collector). */
export interface OutStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** Everything a command touches outside itself, so tests run commands in-process. */
export interface Io {
  stdout: OutStream;
  stderr: OutStream;
  env: Record<string, string | undefined>;
  /** The user's working directory: every relative path on the command line is resolved against it. */
  cwd: string;
}

export function processIo(): Io {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() };
}

/** JSON.stringify replacer: bigint → number (or string beyond 2^53), so driver values serialize. */
export function jsonReplacer(_key: string, value: unknown): unknown {
  if (typeof value === 'bigint') {
    return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER)
      ? Number(value)
      : value.toString();
  }
  return value;
}

/** Write one JSON object (and a newline) on stdout: the whole of stdout in `--json` mode. */
export function printJson(io: Io, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value, jsonReplacer, 2)}\n`);
}

/** Write lines of human output on stdout. */
export function print(io: Io, ...lines: string[]): void {
  io.stdout.write(`${lines.join('\n')}\n`);
}
