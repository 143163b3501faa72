import { DatabaseBusyError, EmError, InputError } from '@em/core';
import { redactSecrets } from '@em/core/transport';
import type { z } from 'zod';

/** An error with the HTTP status it answers with; the message is safe to show. */
export class HttpError extends EmError {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 413 | 415 | 500 | 501 | 503,
    message: string,
    readonly issues?: { path: string; message: string }[],
  ) {
    super(message, { name: 'HttpError' });
  }
}

export const zodIssues = (error: z.ZodError) =>
  error.issues.map((i) => ({ path: i.path.length > 0 ? i.path.join('.') : '(root)', message: i.message }));

const BUSY = /Could not set lock|Conflicting lock|holds it/;

/** What a thrown error means for the client: status and a message naming the cause (never a stack or secret). */
export function httpErrorOf(error: unknown, secrets: readonly (string | null)[] = []): HttpError {
  if (error instanceof HttpError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (DatabaseBusyError.isInstance(error) || BUSY.test(message)) {
    return new HttpError(
      503,
      'The database is busy with another process (an `em run`?); this retries by itself.',
    );
  }
  if (InputError.isInstance(error)) {
    return new HttpError(/^No gold row/.test(message) ? 404 : 400, redactSecrets(message, secrets));
  }
  return new HttpError(500, `em failed: ${redactSecrets(message.split('\n')[0] ?? '', secrets)}`);
}
