import { z } from 'zod';

/**
 * What an alert can watch, each computed over the latest day with matching activity
 * (the newest CAST(match_timestamp AS DATE) in gold.matched_entities; runs by started_at):
 * - auto_match_rate: auto_matched rows / rows decided by the machine that day (0–1)
 * - review_share: rows that need review / rows decided by the machine that day (0–1)
 * - cost_per_entity: SUM(cost_usd) / COUNT(*) that day, in USD
 * - avg_latency_ms: AVG(processing_time_ms) that day
 * - failed_runs: matching runs (ops.runs kind = 'match') that ended 'failed', started that day
 * Human decisions (match_method = 'human_review') are left out of the two rates, so a busy
 * review team does not lower the machine's auto-match rate.
 */
export const ALERT_METRICS = [
  'auto_match_rate',
  'review_share',
  'cost_per_entity',
  'avg_latency_ms',
  'failed_runs',
] as const;
export const AlertMetric = z.enum(ALERT_METRICS);
export type AlertMetric = z.output<typeof AlertMetric>;

export const AlertOperator = z.enum(['<', '<=', '>', '>=']);
export type AlertOperator = z.output<typeof AlertOperator>;

export const AlertRule = z
  .object({
    /** Stable name; a config rule with a default's id replaces that default. */
    id: z.string().regex(/^[a-z][a-z0-9_-]*$/, 'lower-case letters, digits, _ and -; starts with a letter'),
    metric: AlertMetric,
    op: AlertOperator,
    threshold: z.number().finite(),
    enabled: z.boolean().default(true),
    /** Shown when it fires; the default says what was measured against what. */
    description: z.string().optional(),
  })
  .strict();
export type AlertRule = z.output<typeof AlertRule>;

/** The deployment guide's alerts: the machine auto-matches ≥ 85%, sends ≤ 15% to review, costs ≤ $0.02 and answers within 1 s per entity, and no run fails. */
export const DEFAULT_ALERT_RULES: readonly AlertRule[] = [
  { id: 'auto_match_rate_low', metric: 'auto_match_rate', op: '<', threshold: 0.85, enabled: true },
  { id: 'review_share_high', metric: 'review_share', op: '>', threshold: 0.15, enabled: true },
  { id: 'cost_per_entity_high', metric: 'cost_per_entity', op: '>', threshold: 0.02, enabled: true },
  { id: 'avg_latency_high', metric: 'avg_latency_ms', op: '>', threshold: 1000, enabled: true },
  { id: 'run_failed', metric: 'failed_runs', op: '>', threshold: 0, enabled: true },
];

/** `alerts` in the --config file: rules added to (or, by id, replacing) the defaults. */
export const AlertsConfig = z
  .object({
    rules: z.array(AlertRule).default([]),
    /** false: only the rules listed here. */
    includeDefaults: z.boolean().default(true),
  })
  .strict();
export type AlertsConfig = z.output<typeof AlertsConfig>;

/** The rules in force: the defaults (unless turned off) with config rules replacing them by id, then new ones. */
export function alertRules(config: AlertsConfig | undefined): AlertRule[] {
  const given = config?.rules ?? [];
  const byId = new Map(given.map((r) => [r.id, r]));
  const base = config?.includeDefaults === false ? [] : DEFAULT_ALERT_RULES.map((r) => byId.get(r.id) ?? r);
  const baseIds = new Set(base.map((r) => r.id));
  return [...base, ...given.filter((r) => !baseIds.has(r.id))];
}
