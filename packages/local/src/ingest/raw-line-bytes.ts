import { createReadStream } from 'node:fs';

const strict = new TextDecoder('utf-8', { fatal: true });

/** Length of the UTF-8 sequence a lead byte starts (1 for ASCII, 0 for a byte no sequence starts with). */
const sequenceLength = (b: number): number =>
  b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;

/**
 * Bytes as text that loses nothing: valid UTF-8 decoded, every byte that is not part of a valid
 * sequence written as `\xE9`, so the letters around a bad byte survive and the byte stays visible.
 */
export function visibleText(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const n = sequenceLength(bytes[i]!);
    if (n > 0 && i + n <= bytes.length) {
      try {
        out += strict.decode(bytes.subarray(i, i + n));
        i += n;
        continue;
      } catch {
        // not a valid sequence: show the lead byte, go on with the next
      }
    }
    out += `\\x${bytes[i]!.toString(16).toUpperCase().padStart(2, '0')}`;
    i++;
  }
  return out;
}

/** The given 1-based lines of a file as visibleText (without their line breaks), read in one pass. */
export async function readVisibleLines(
  file: string,
  wanted: ReadonlySet<number>,
): Promise<Map<number, string>> {
  const found = new Map<number, string>();
  if (wanted.size === 0) return found;
  const last = Math.max(...wanted);
  let line = 1;
  let pending: Buffer[] = [];
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    let start = 0;
    for (let nl = chunk.indexOf(0x0a); nl !== -1; nl = chunk.indexOf(0x0a, start)) {
      if (wanted.has(line))
        found.set(line, visibleText(stripCr(Buffer.concat([...pending, chunk.subarray(start, nl)]))));
      pending = [];
      line++;
      start = nl + 1;
      if (line > last) return found;
    }
    if (wanted.has(line)) pending.push(chunk.subarray(start));
  }
  if (wanted.has(line) && pending.length > 0) found.set(line, visibleText(stripCr(Buffer.concat(pending))));
  return found;
}

const stripCr = (b: Buffer): Buffer => (b.length > 0 && b[b.length - 1] === 0x0d ? b.subarray(0, -1) : b);
