import { EmError } from '@em/core';
import type { RunReport } from '../engine.js';
import { formatCount } from '../output/format.js';

/** What stage 4 did, when it ran: calls that answered, calls that failed, and cases it could not decide. */
export function llmLines(report: RunReport): string[] {
  const llm = report.llm;
  if (!llm) return [];
  const lines = ['', `LLM calls: ${formatCount(llm.calls)} answered, ${formatCount(llm.failedCalls)} failed`];
  if (llm.failedCases > 0) lines.push(llmFailureLine(report));
  return lines;
}

/** "LLM failed for N cases: …" with the circuit breaker's reason first, then the count per kind. */
export function llmFailureLine(report: RunReport): string {
  const llm = report.llm!;
  const kinds = Object.entries(llm.failedBy)
    .sort(([, a], [, b]) => b - a)
    .map(([kind, n]) => `${kind.replaceAll('_', ' ')} ${formatCount(n)}`)
    .join(', ');
  const why = llm.circuitOpen ? `${llm.circuitOpen} (${kinds})` : kinds;
  return `LLM failed for ${formatCount(llm.failedCases)} cases: ${why}. They are in review (em review list); \`em run --full\` asks again once the endpoint works.`;
}

/** --strict-llm: any case the LLM could not decide fails the command (after the summary was printed). */
export function failOnLlmFailures(report: RunReport): void {
  if (!report.llm || report.llm.failedCases === 0) return;
  throw new EmError(`--strict-llm: ${llmFailureLine(report)}`, { name: 'LlmFailedError' });
}
