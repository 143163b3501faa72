import { barOf } from './bar-chart.js';
import { formatCount } from './format.js';

export interface ProgressStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

export interface Progress {
  /** Report `done` of `total` units; cheap to call often. */
  update(done: number, total: number): void;
  /** End the progress display (clears the TTY line). */
  finish(): void;
}

/**
 * Progress on stderr. On a TTY: one redrawn bar line, redrawn only when the whole percent changes.
 * Otherwise: `progress stage=run done=5000 total=10000` lines, one per 10% step and one at the end,
 * so logs stay readable and grep-able.
 */
export function createProgress(stream: ProgressStream, stage: string): Progress {
  return stream.isTTY ? ttyProgress(stream, stage) : lineProgress(stream, stage);
}

function ttyProgress(stream: ProgressStream, stage: string): Progress {
  let lastPercent = -1;
  let drawn = false;
  return {
    update(done, total) {
      const percent = total > 0 ? Math.floor((done / total) * 100) : 0;
      if (percent === lastPercent) return;
      lastPercent = percent;
      drawn = true;
      const bar = barOf(done, total, 30).padEnd(30, '░');
      stream.write(
        `\r\x1b[2K${stage.padEnd(16)} ${bar} ${String(percent).padStart(3)}%  ${formatCount(done)}/${formatCount(total)}`,
      );
    },
    finish() {
      if (drawn) stream.write('\r\x1b[2K');
      drawn = false;
      lastPercent = -1;
    },
  };
}

function lineProgress(stream: ProgressStream, stage: string): Progress {
  let lastStep = -1;
  let lastDone = -1;
  return {
    update(done, total) {
      const step = total > 0 ? Math.floor((done / total) * 10) : 10;
      if (step === lastStep && done !== total) return;
      if (done === lastDone) return;
      lastStep = step;
      lastDone = done;
      stream.write(`progress stage=${stage} done=${done} total=${total}\n`);
    },
    finish() {
      lastStep = -1;
      lastDone = -1;
    },
  };
}
