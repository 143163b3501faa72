import type { Io } from '@em/cli-kit';

/** An Io that collects what a command writes. */
export function captureIo(cwd = process.cwd()): Io & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: { write: (text: string) => (out += text) },
    stderr: { write: (text: string) => (err += text) },
    env: {},
    cwd,
    out: () => out,
    err: () => err,
  };
}
