export { cusipCheckDigit, validateCusip } from './cusip.js';
export { isinCheckDigit, validateIsin } from './isin.js';
export { ISIN_PREFIXES } from './isin-prefixes.js';
export { leiCheckDigits, validateLei } from './lei.js';
export { normalizeIdentifier } from './normalize-identifier.js';
export type { ValidationResult } from './validation-result.js';
