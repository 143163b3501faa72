export type { ValidationResult } from './validation-result.js';
export { validateLei } from './lei.js';
export { validateIsin } from './isin.js';
export { validateCusip } from './cusip.js';
