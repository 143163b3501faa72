export { type LabelCaseRow, readLabelCases } from './label-cases.js';
export { type LabelCase, labelPriority, labelQueue } from './label-priority.js';
export {
  appendPairLabels,
  labelledKeys,
  labelsPathFor,
  type PairLabel,
  readPairLabels,
} from './label-store.js';
export { pairLabelsAsReview } from './labels-for-training.js';
