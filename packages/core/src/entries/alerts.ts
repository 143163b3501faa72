// @em/core/alerts: alert rules over a run's metrics (review rate, cost per entity, …) and their evaluation.
export * from '../alerts/index.js';
