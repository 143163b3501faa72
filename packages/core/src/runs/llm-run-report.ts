import type { LlmAdjudicatorStats } from '../adjudication/llm-adjudicator-stats.js';
import type { RunLlmReport } from '../schemas/run-report.js';

/** Stage 4's part of the run report, from an adjudicator that keeps stats (null for one that does not). */
export function llmRunReport(adjudicator: unknown): RunLlmReport | null {
  const stats = (adjudicator as { stats?: () => LlmAdjudicatorStats } | undefined)?.stats;
  if (typeof stats !== 'function') return null;
  const s = stats.call(adjudicator);
  const failedBy = Object.fromEntries(Object.entries(s.failedBy).filter(([, n]) => (n ?? 0) > 0)) as Record<
    string,
    number
  >;
  return {
    calls: s.calls,
    failedCalls: s.failedCalls,
    failedCases: s.failed,
    failedBy,
    circuitOpen: s.circuitOpen,
  };
}
