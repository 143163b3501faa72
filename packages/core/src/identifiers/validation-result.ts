export interface ValidationResult {
  readonly valid: boolean;
  /** Why the value is invalid, in words a user can act on. */
  readonly reason?: string;
}
