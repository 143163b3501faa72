import { candidatesStatement, retrievedStatement } from './candidate-statements.js';
import type { CascadeSqlOptions, CascadeStatement } from './cascade-sql-options.js';
import { decisionsStatement } from './decision-statements.js';
import { mergeGoldStatement, runFinishStatement, runStartStatements } from './gold-statements.js';
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
