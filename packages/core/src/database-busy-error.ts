import { EmError } from './errors.js';

/**
 * Another process holds the database (DuckDB allows one writing process, or many reading ones).
 * CLIs map it to the "database busy" exit code; waiting and trying again is the remedy.
 */
export class DatabaseBusyError extends EmError {
  constructor(
    message: string,
    readonly holder: { readonly pid: number | null; readonly command: string | null } = {
      pid: null,
      command: null,
    },
    options: { cause?: unknown } = {},
  ) {
    super(message, { ...options, name: 'DatabaseBusyError', isRetryable: true });
  }

  static override isInstance(error: unknown): error is DatabaseBusyError {
    return EmError.isInstance(error) && error.name === 'DatabaseBusyError';
  }
}
