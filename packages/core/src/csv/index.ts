export {
  escapeFormulaCell,
  FORMULA_PREFIX_PATTERN,
  FORMULA_PREFIXED_PATTERN,
  isFormulaCell,
  unescapeFormulaCell,
} from './formula-cells.js';
