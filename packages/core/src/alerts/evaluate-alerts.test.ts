import { describe, expect, it } from 'vitest';
import { parseCascadeConfig } from '../config/cascade-config.js';
import { alertRules, DEFAULT_ALERT_RULES } from './alert-rules.js';
import { type AlertMetrics, evaluateAlerts } from './evaluate-alerts.js';

const healthy: AlertMetrics = {
  day: '2026-12-06',
  values: {
    auto_match_rate: 0.93,
    review_share: 0.07,
    cost_per_entity: 0.0006,
    avg_latency_ms: 3.2,
    failed_runs: 0,
  },
};

describe('evaluateAlerts', () => {
  it('fires nothing on a healthy day, and each default rule at its edge', () => {
    expect(evaluateAlerts(DEFAULT_ALERT_RULES, healthy).map((s) => s.status)).toEqual(Array(5).fill('ok'));
    const bad: AlertMetrics = {
      day: '2026-12-06',
      values: {
        auto_match_rate: 0.8499,
        review_share: 0.1501,
        cost_per_entity: 0.0201,
        avg_latency_ms: 1000.1,
        failed_runs: 1,
      },
    };
    const states = evaluateAlerts(DEFAULT_ALERT_RULES, bad);
    expect(states.map((s) => s.status)).toEqual(Array(5).fill('firing'));
    expect(states[0]!.message).toBe(
      'auto_match_rate_low: auto_match_rate 85.0% on 2026-12-06 (alert when < 85.0%)',
    );
    const edge = { ...healthy, values: { ...healthy.values, auto_match_rate: 0.85, review_share: 0.15 } };
    expect(evaluateAlerts(DEFAULT_ALERT_RULES, edge).every((s) => s.status === 'ok')).toBe(true);
  });

  it('says no_data instead of firing when a metric cannot be measured', () => {
    const empty: AlertMetrics = {
      day: null,
      values: {
        auto_match_rate: null,
        review_share: null,
        cost_per_entity: null,
        avg_latency_ms: null,
        failed_runs: 0,
      },
    };
    expect(evaluateAlerts(DEFAULT_ALERT_RULES, empty).map((s) => s.status)).toEqual([
      'no_data',
      'no_data',
      'no_data',
      'no_data',
      'ok',
    ]);
  });
});

describe('alert rules from the config file', () => {
  it('replaces a default by id, adds new rules, disables, or drops the defaults', () => {
    const config = parseCascadeConfig({
      alerts: {
        rules: [
          { id: 'auto_match_rate_low', metric: 'auto_match_rate', op: '<', threshold: 0.95 },
          { id: 'slow', metric: 'avg_latency_ms', op: '>=', threshold: 5, description: 'Too slow' },
          { id: 'run_failed', metric: 'failed_runs', op: '>', threshold: 0, enabled: false },
        ],
      },
    });
    const rules = alertRules(config.alerts);
    expect(rules.map((r) => r.id)).toEqual([
      'auto_match_rate_low',
      'review_share_high',
      'cost_per_entity_high',
      'avg_latency_high',
      'run_failed',
      'slow',
    ]);
    const states = evaluateAlerts(rules, { ...healthy, values: { ...healthy.values, failed_runs: 3 } });
    expect(states.find((s) => s.rule.id === 'auto_match_rate_low')!.status).toBe('firing');
    expect(states.find((s) => s.rule.id === 'run_failed')!.status).toBe('disabled');
    expect(states.find((s) => s.rule.id === 'slow')!.status).toBe('ok');
    expect(alertRules({ rules: [], includeDefaults: false })).toEqual([]);
    expect(alertRules(undefined)).toEqual(DEFAULT_ALERT_RULES);
  });

  it('names the bad field of a rule', () => {
    expect(() =>
      parseCascadeConfig({ alerts: { rules: [{ id: 'x', metric: 'speed', op: '<', threshold: 1 }] } }),
    ).toThrow(/alerts\.rules\.0\.metric/);
  });
});
