import { formatDuration } from './format.js';
import type { ProgressStream } from './progress.js';

/**
 * One line per finished step on stderr: `✓ ingest source  5,000 rows  (1.20 s)` on a TTY,
 * `step name=ingest-source duration_ms=1200` otherwise.
 */
export function logStep(
  stream: ProgressStream,
  step: { name: string; title: string },
  ms: number,
  detail: string,
) {
  if (stream.isTTY) {
    stream.write(`✓ ${step.title.padEnd(22)} ${detail}${detail ? '  ' : ''}(${formatDuration(ms)})\n`);
  } else {
    stream.write(`step name=${step.name} duration_ms=${Math.round(ms)}\n`);
  }
}
