import { userInfo } from 'node:os';
import { EmError } from '@em/core';
import type { LocalEngine } from '@em/local';
import { type Engine, type OpenEngine, withEngine } from '../engine.js';
import type { Io } from '../io.js';

/** The review part of the engine beyond the CLI's common `Engine`: cases, history, CSV round trip. */
const REVIEW_METHODS = [
  'reviewCase',
  'reviewDecisions',
  'exportReviewQueue',
  'importReviewDecisions',
] as const;
export type ReviewEngine = Engine & Pick<LocalEngine, (typeof REVIEW_METHODS)[number]>;
export type ReviewCase = Awaited<ReturnType<ReviewEngine['reviewCase']>>;

/** Open the engine for a review command, checking it implements the review methods. */
export function withReviewEngine<T>(
  open: OpenEngine,
  dbPath: string,
  use: (engine: ReviewEngine) => Promise<T>,
): Promise<T> {
  return withEngine(open, dbPath, (engine) => {
    const missing = REVIEW_METHODS.filter((m) => typeof (engine as Partial<ReviewEngine>)[m] !== 'function');
    if (missing.length > 0) {
      throw new EmError(`This engine does not support review (${missing.join(', ')} missing).`);
    }
    return use(engine as ReviewEngine);
  });
}

/** Who decides when --by is not given: $USER, else the OS account name. */
export function defaultDecider(io: Io): string {
  if (io.env.USER) return io.env.USER;
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}
