const marker = Symbol.for('em.error');

/**
 * Base of every error em throws on purpose. `name` is stable, `isRetryable`
 * is data, and `EmError.isInstance` works across package copies.
 */
export class EmError extends Error {
  private readonly [marker] = true;
  readonly isRetryable: boolean;

  constructor(message: string, options: { cause?: unknown; isRetryable?: boolean; name?: string } = {}) {
    super(message, { cause: options.cause });
    this.name = options.name ?? 'EmError';
    this.isRetryable = options.isRetryable ?? false;
  }

  static isInstance(error: unknown): error is EmError {
    return typeof error === 'object' && error !== null && marker in error;
  }
}

/** Input a user can fix: a bad file, field, flag or config value. CLIs map it to exit code 2. */
export class InputError extends EmError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, { ...options, name: 'InputError' });
  }

  static override isInstance(error: unknown): error is InputError {
    return EmError.isInstance(error) && error.name === 'InputError';
  }
}
