export { dittoValue } from './ditto-value.js';
export { type DittoField, type DittoPair, parseDittoPairLine, parseDittoRecord } from './parse-ditto.js';
export {
  DITTO_COMPANY_ATTRIBUTES,
  dittoPairLine,
  serializeDittoPair,
  serializeForDitto,
} from './serialize-for-ditto.js';
