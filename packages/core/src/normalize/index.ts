export { ABBREVIATIONS, expandAbbreviation } from './abbreviations.js';
export { foldText } from './fold-text.js';
export {
  LEGAL_FORMS,
  type LegalForm,
  type LegalFormFamily,
  legalFormFamily,
  PREFIX_LEGAL_FORMS,
} from './legal-forms.js';
export { type NormalizedName, nameTokens, normalizeCompanyName } from './normalize-company-name.js';
export { tickerKey } from './ticker-key.js';
export { transliterationKey } from './transliteration-key.js';
