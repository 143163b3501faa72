export {
  ALERT_METRICS,
  AlertMetric,
  AlertOperator,
  AlertRule,
  AlertsConfig,
  alertRules,
  DEFAULT_ALERT_RULES,
} from './alert-rules.js';
export { type AlertMetrics, type AlertState, evaluateAlerts, formatAlertValue } from './evaluate-alerts.js';
