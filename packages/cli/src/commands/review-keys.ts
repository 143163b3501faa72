import { emitKeypressEvents } from 'node:readline';

/** Single keypresses from a terminal: printable characters; Ctrl-C, Ctrl-D and end of input read as 'q'. */
export interface KeyReader {
  next(): Promise<string>;
  close(): void;
}

interface Keypress {
  name?: string;
  ctrl?: boolean;
}

/** Read keys from `input` in raw mode (no Enter needed) until `close`. */
export function terminalKeys(input: NodeJS.ReadStream): KeyReader {
  const pending: string[] = [];
  const waiting: ((key: string) => void)[] = [];
  const push = (key: string) => {
    const resolve = waiting.shift();
    if (resolve) resolve(key);
    else pending.push(key);
  };
  const onKey = (text: string | undefined, key: Keypress | undefined) => {
    if (key?.ctrl && (key.name === 'c' || key.name === 'd')) push('q');
    else if (text && [...text].length === 1 && text >= ' ') push(text);
  };
  const onEnd = () => push('q');
  emitKeypressEvents(input);
  if (input.isTTY) input.setRawMode(true);
  input.on('keypress', onKey);
  input.on('end', onEnd);
  input.resume();
  return {
    next: () => {
      const key = pending.shift();
      return key === undefined ? new Promise((resolve) => waiting.push(resolve)) : Promise.resolve(key);
    },
    close: () => {
      input.off('keypress', onKey);
      input.off('end', onEnd);
      if (input.isTTY) input.setRawMode(false);
      input.pause();
    },
  };
}
