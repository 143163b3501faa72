export { type CostBreakdown, costBreakdown, costOfUsage } from './cost-of-usage.js';
export {
  type AnnualCostProjection,
  CostProjection,
  type CostProjectionInput,
  type CostProjectionLine,
  projectAnnualCost,
} from './cost-projection.js';
export { databricksProjection, type PaidUsage, spentCost } from './spent-cost.js';
export { emptyUsage, sumUsage } from './sum-usage.js';
