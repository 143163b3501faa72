import { InputError } from '@em/core';
import type { EvaluationReport } from './evaluate.js';
import type { Metrics } from './metrics/metrics.js';

/** A minimum a run must reach, e.g. `auto.precision=0.995`. */
export interface Gate {
  /** As written, e.g. "precision" or "hard.f1". */
  name: string;
  subset: string | null;
  view: 'all' | 'auto';
  metric: keyof Metrics;
  min: number;
}

export interface GateResult extends Gate {
  /** Where the value lives in the JSON report, e.g. "subsets.hard.all.f1". */
  path: string;
  value: number;
  passed: boolean;
}

const METRIC_ALIASES: Record<string, keyof Metrics> = {
  precision: 'precision',
  recall: 'recall',
  f1: 'f1',
  accuracy: 'accuracy',
  auto_match: 'auto_match_rate',
  auto_match_rate: 'auto_match_rate',
  auto_match_true_match: 'auto_match_rate_true_match',
  auto_match_rate_true_match: 'auto_match_rate_true_match',
};

const SYNTAX =
  'Write gates as [subset.][all|auto.]metric=min separated by commas, e.g. f1=0.93,precision=0.95,auto_match=0.85,hard.f1=0.9';

/** Parse `f1=0.93,precision=0.95,auto_match=0.85`; the view defaults to "all", the subset to every row. */
export function parseGates(spec: string): Gate[] {
  return spec
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const [name, value, ...rest] = part.split('=').map((s) => s.trim());
      const min = Number(value);
      if (
        !name ||
        value === undefined ||
        value === '' ||
        rest.length > 0 ||
        !Number.isFinite(min) ||
        min < 0 ||
        min > 1
      ) {
        throw new InputError(
          `--fail-under: cannot read "${part}"; the minimum must be a number between 0 and 1. ${SYNTAX}.`,
        );
      }
      const segments = name.split('.');
      const metric = METRIC_ALIASES[segments.pop()!];
      const view =
        segments.at(-1) === 'all' || segments.at(-1) === 'auto' ? (segments.pop() as 'all' | 'auto') : 'all';
      if (!metric || segments.length > 1) {
        throw new InputError(
          `--fail-under: unknown gate "${name}"; metrics are ${Object.keys(METRIC_ALIASES).join(', ')}. ${SYNTAX}.`,
        );
      }
      return { name, subset: segments[0] ?? null, view, metric, min };
    });
}

/** Check each gate against a report; a gate on a subset the report lacks is an InputError. */
export function checkGates(report: EvaluationReport, gates: readonly Gate[]): GateResult[] {
  return gates.map((gate) => {
    const views = gate.subset === null ? report : report.subsets[gate.subset];
    if (!views) {
      throw new InputError(
        `--fail-under ${gate.name}: no subset ${gate.subset} in the report (subsets: ${Object.keys(report.subsets).join(', ') || 'none'}); add --subset ${gate.subset} or fix the gate.`,
      );
    }
    const value = views[gate.view][gate.metric];
    const path = `${gate.subset === null ? '' : `subsets.${gate.subset}.`}${gate.view}.${gate.metric}`;
    return { ...gate, path, value, passed: value >= gate.min };
  });
}

/** One line per failed gate, e.g. "f1 = 0.9120 < 0.93 (all.f1)". */
export function describeFailedGates(results: readonly GateResult[]): string[] {
  return results
    .filter((r) => !r.passed)
    .map((r) => `${r.name} = ${r.value.toFixed(4)} < ${r.min} (${r.path})`);
}
