// STUB (owned by the identifiers work): replace with the real implementation.
import type { ValidationResult } from './validation-result.js';

export function validateIsin(value: string): ValidationResult {
  return value.length > 0 ? { valid: true } : { valid: false, reason: 'empty' };
}
