// @em/core/text: company-name normalization, string similarity, spreadsheet-safe cells and the
// Ditto text serialization of records.
export * from '../csv/index.js';
export * from '../ditto/index.js';
export * from '../normalize/index.js';
export * from '../similarity/index.js';
