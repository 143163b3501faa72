export { costOfUsage } from './cost-of-usage.js';
