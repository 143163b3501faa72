import { InputError } from './errors.js';

const marker = Symbol.for('em.error.engine-operation-unsupported');

/**
 * An engine was asked for an operation it cannot do (e.g. `em ingest --engine databricks`).
 * The message names the operation, the engine and what to use instead. Exit code 2: the caller
 * chose the wrong tool, and can fix that.
 */
export class EngineOperationUnsupportedError extends InputError {
  private readonly [marker] = true;

  constructor(
    readonly engine: string,
    readonly operation: string,
    instead: string,
  ) {
    super(`The ${engine} engine cannot ${operation}: ${instead}`);
  }

  static override isInstance(error: unknown): error is EngineOperationUnsupportedError {
    return InputError.isInstance(error) && marker in error;
  }
}
