export { normalizeCompanyName, type NormalizedName } from './normalize-company-name.js';
