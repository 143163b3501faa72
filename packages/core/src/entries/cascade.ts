// @em/core/cascade: the cascade's pure routing pieces (for engines that run a stage their own
// way, e.g. set-based SQL), the port-driving policy, run tallies, and cost math.
export * from '../cascade/index.js';
export * from '../cost/index.js';
