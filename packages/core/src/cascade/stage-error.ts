import { EmError } from '../errors.js';

export const STAGE_LABELS = {
  lookup: 'Stage 1 (identifier lookup)',
  retrieval: 'Stage 2 (candidate retrieval)',
  scoring: 'Stage 3 (pair scoring)',
  adjudication: 'Stage 4 (LLM adjudication)',
  sink: 'Writing results (match sink)',
} as const;
export type StageKey = keyof typeof STAGE_LABELS;

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "batch of 3 sources" / "batch of 12 pairs from 3 sources". */
export function describeBatch(count: number, unit = 'source', sources?: number): string {
  const from = sources === undefined ? '' : ` from ${plural(sources, 'source')}`;
  return `batch of ${plural(count, unit)}${from}`;
}

const messageOf = (cause: unknown): string => (cause instanceof Error ? cause.message : String(cause));

/** Wrap a backend failure with the stage that called it; retryability is carried over. */
export function stageError(stage: StageKey, batch: string, cause: unknown): EmError {
  const isRetryable = EmError.isInstance(cause) ? cause.isRetryable : false;
  return new EmError(`${STAGE_LABELS[stage]} failed for ${batch}: ${messageOf(cause)}`, {
    cause,
    isRetryable,
  });
}

/** Call a backend; any failure (thrown or a malformed answer) comes out as a stage error. An abort passes through. */
export async function callStage<R>(
  stage: StageKey,
  batch: string,
  call: () => Promise<R>,
  signal?: AbortSignal,
): Promise<R> {
  try {
    return await call();
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw stageError(stage, batch, cause);
  }
}

/** A backend answered with the wrong shape: fail loudly rather than mis-assign answers. */
export function expectLength(what: string, actual: unknown, expected: number, unit: string): void {
  const length = Array.isArray(actual) ? actual.length : -1;
  if (length !== expected) {
    throw new EmError(
      `${what} returned ${length < 0 ? 'no list' : length} for ${plural(expected, unit)}; expected one entry per ${unit}.`,
    );
  }
}
