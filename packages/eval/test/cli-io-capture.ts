import type { CliIo } from '../src/index.js';

/** A CliIo that collects what a command writes. */
export function captureIo(): CliIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: (text) => {
      out += text;
    },
    stderr: (text) => {
      err += text;
    },
    env: {},
    out: () => out,
    err: () => err,
  };
}
