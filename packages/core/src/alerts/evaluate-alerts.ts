import type { AlertMetric, AlertOperator, AlertRule } from './alert-rules.js';

/** The measured value of every metric (see ALERT_METRICS); null where there is nothing to measure. */
export interface AlertMetrics {
  /** The day measured (YYYY-MM-DD), or null when gold is empty. */
  readonly day: string | null;
  readonly values: Readonly<Record<AlertMetric, number | null>>;
}

export interface AlertState {
  readonly rule: AlertRule;
  /** 'no_data': the metric could not be measured (e.g. no rows that day); never counted as firing. */
  readonly status: 'firing' | 'ok' | 'no_data' | 'disabled';
  readonly value: number | null;
  readonly day: string | null;
  /** One line: what was measured against what. */
  readonly message: string;
}

const compare: Record<AlertOperator, (a: number, b: number) => boolean> = {
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
};

/** A metric's value as people read it: rates in %, money in $, latency in ms. */
export function formatAlertValue(metric: AlertMetric, value: number): string {
  if (metric === 'auto_match_rate' || metric === 'review_share') return `${(value * 100).toFixed(1)}%`;
  if (metric === 'cost_per_entity') return `$${value.toFixed(value < 0.01 ? 5 : 4)}`;
  if (metric === 'avg_latency_ms') return `${value.toFixed(1)} ms`;
  return String(value);
}

/** The state of every rule against the metrics. Pure: the same inputs give the same states. */
export function evaluateAlerts(rules: readonly AlertRule[], metrics: AlertMetrics): AlertState[] {
  return rules.map((rule) => {
    const value = metrics.values[rule.metric];
    const limit = `${rule.op} ${formatAlertValue(rule.metric, rule.threshold)}`;
    const base = { rule, value, day: metrics.day };
    if (!rule.enabled) return { ...base, status: 'disabled', message: `${rule.id}: disabled` };
    if (value === null || !Number.isFinite(value)) {
      return { ...base, status: 'no_data', message: `${rule.id}: no data to measure ${rule.metric}` };
    }
    const firing = compare[rule.op](value, rule.threshold);
    const shown = formatAlertValue(rule.metric, value);
    const when = metrics.day ? ` on ${metrics.day}` : '';
    return {
      ...base,
      status: firing ? 'firing' : 'ok',
      message: firing
        ? `${rule.description ?? rule.id}: ${rule.metric} ${shown}${when} (alert when ${limit})`
        : `${rule.id}: ${rule.metric} ${shown}${when} (fires when ${limit})`,
    };
  });
}
