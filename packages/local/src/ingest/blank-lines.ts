import { open } from 'node:fs/promises';

const NL = 0x0a;
const CR = 0x0d;

/** 1-based numbers of the empty lines of a file (`\n` or `\r\n` alone), read in chunks. */
export async function findBlankLines(file: string): Promise<number[]> {
  const handle = await open(file, 'r');
  const blanks: number[] = [];
  try {
    const buffer = Buffer.alloc(1 << 20);
    let line = 1;
    let lineLength = 0;
    let lastByte = -1;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      let start = 0;
      for (let nl = buffer.indexOf(NL, 0); nl !== -1 && nl < bytesRead; nl = buffer.indexOf(NL, nl + 1)) {
        const length = lineLength + (nl - start);
        const onlyCr = length === 1 && (nl > start ? buffer[nl - 1] === CR : lastByte === CR);
        if (length === 0 || onlyCr) blanks.push(line);
        line++;
        lineLength = 0;
        start = nl + 1;
      }
      lineLength += bytesRead - start;
      lastByte = buffer[bytesRead - 1]!;
    }
  } finally {
    await handle.close();
  }
  return blanks;
}
