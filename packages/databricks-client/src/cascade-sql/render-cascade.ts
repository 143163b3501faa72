import { candidatesStatement, retrievedStatement } from './candidate-statements.js';
import type { CascadeSqlOptions, CascadeStatement } from './cascade-sql-options.js';
import { decisionsStatement } from './decision-statements.js';
import {
  mergeGoldStatement,
  runFinishStatement,
  runMarkFailedStatement,
  runStartStatements,
} from './gold-statements.js';
import { identifierHitsStatement, identifierRoutesStatement } from './identifier-statements.js';
import { llmAnswersStatement, llmRendered, llmRepliesStatement } from './llm-statements.js';
import { pairDecisionsStatement, pairScoresStatement, rankedCandidatesStatement } from './pair-statements.js';
import { pendingStatement } from './pending-statement.js';

/** The statements that decide (stage 1 to the final decision), without writing gold or the run log. */
export function renderDecisionStatements(o: CascadeSqlOptions): CascadeStatement[] {
  return [
    identifierRoutesStatement(o),
    retrievedStatement(o),
    candidatesStatement(o),
    pairScoresStatement(o),
    rankedCandidatesStatement(o),
    pairDecisionsStatement(o),
    ...(llmRendered(o) ? [llmRepliesStatement(o), llmAnswersStatement(o)] : []),
    decisionsStatement(o),
  ];
}

/**
 * A whole daily run as a fixed list of statements over all pending rows: the count depends on
 * the config, never on the number of rows. Between `identifier_hits` and `identifier_routes` the
 * runner fills the name similarities of new name pairs (name-similarity-fill.ts).
 */
export interface RenderedCascade {
  /** Run log start, pending set, identifier hits. */
  readonly prepare: CascadeStatement[];
  /** Routing to the final decision. */
  readonly decide: CascadeStatement[];
  /** The gold MERGE and the run log. */
  readonly commit: CascadeStatement[];
}

export function renderCascade(o: CascadeSqlOptions): RenderedCascade {
  return {
    prepare: [...runStartStatements(o), pendingStatement(o), identifierHitsStatement(o)],
    decide: renderDecisionStatements(o),
    commit: [mergeGoldStatement(o), runFinishStatement(o)],
  };
}

/** A step that does nothing in this config (stage 4 off), so the job's task list stays fixed. */
const skipped = (name: string, why: string): CascadeStatement => ({
  name,
  sql: `SELECT '${name} skipped: ${why}' AS note`,
});

/**
 * The daily job's steps, always the same 16 in the same order (resources/em_daily_job.yml runs one
 * task per step): a config without stage 4 renders its two steps as no-ops.
 */
export function renderJobSteps(o: CascadeSqlOptions): CascadeStatement[] {
  const run = renderCascade(o);
  const llm = llmRendered(o);
  const decide = run.decide.filter((s) => s.name !== 'llm_replies' && s.name !== 'llm_answers');
  const beforeLlm = decide.slice(0, decide.length - 1);
  const why = 'stage 4 (LLM) is off in the cascade config';
  return [
    ...run.prepare,
    ...beforeLlm,
    llm ? llmRepliesStatement(o) : skipped('llm_replies', why),
    llm ? llmAnswersStatement(o) : skipped('llm_answers', why),
    decide.at(-1)!,
    ...run.commit,
    runMarkFailedStatement(o),
  ];
}
