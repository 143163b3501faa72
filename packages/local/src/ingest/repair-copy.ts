import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Copy `file` into a fresh temp folder with the byte ranges `blank` removed (each is one line's
 * content, so the line stays, empty, and keeps every later line's number). Returns the copy's path.
 */
export async function copyWithBlankedRanges(
  file: string,
  blank: readonly { start: number; end: number }[],
): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'em-ingest-'));
  const target = path.join(dir, path.basename(file));
  const input = openSync(file, 'r');
  const output = openSync(target, 'w');
  try {
    const buffer = Buffer.alloc(1 << 20);
    const ranges = [...blank].sort((a, b) => a.start - b.start);
    let pos = 0;
    const copyUntil = (end: number) => {
      while (pos < end) {
        const n = readSync(input, buffer, 0, Math.min(buffer.length, end - pos), pos);
        if (n === 0) return;
        writeSync(output, buffer, 0, n);
        pos += n;
      }
    };
    for (const range of ranges) {
      copyUntil(range.start);
      pos = Math.max(pos, range.end);
    }
    copyUntil(Number.POSITIVE_INFINITY);
  } finally {
    closeSync(input);
    closeSync(output);
  }
  return target;
}
