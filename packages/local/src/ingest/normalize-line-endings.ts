import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

const CR = 0x0d;
const NL = 0x0a;

/** A byte stream with every `\r\n` and lone `\r` turned into `\n` (bytes otherwise untouched). */
function lfOnly(): Transform {
  let pendingCr = false;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      const out = Buffer.allocUnsafe(chunk.length + 1);
      let n = 0;
      let i = 0;
      if (pendingCr) {
        out[n++] = NL;
        if (chunk[0] === NL) i = 1;
        pendingCr = false;
      }
      for (; i < chunk.length; i++) {
        const b = chunk[i]!;
        if (b !== CR) out[n++] = b;
        else if (i + 1 === chunk.length) pendingCr = true;
        else {
          out[n++] = NL;
          if (chunk[i + 1] === NL) i++;
        }
      }
      done(null, out.subarray(0, n));
    },
    flush(done) {
      done(null, pendingCr ? Buffer.from([NL]) : null);
    },
  });
}

/** Copy `file` into a fresh temp folder with LF line endings only; returns the copy's path. */
export async function copyWithLfLineEndings(file: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'em-ingest-'));
  const target = path.join(dir, path.basename(file));
  await pipeline(createReadStream(file), lfOnly(), createWriteStream(target));
  return target;
}
