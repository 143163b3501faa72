import type { CascadeBackends, CascadeConfig, RunStage } from '@em/core';
import { ChannelRetriever } from '../retrieval/channels/channel-retriever.js';

/** What each stage of a run ran with, for the run summary. */
export function describeStages(
  backends: Partial<Pick<CascadeBackends, 'retriever' | 'scorer' | 'adjudicator'>>,
  config: CascadeConfig,
  /** Why training a model without labels failed, when `em run` tried. */
  trainingFailed: string | null = null,
  /** Nothing was new or changed: no stage ran, and stages 2–4 were not even loaded. */
  idle = false,
): RunStage[] {
  if (idle) {
    const skipped = (stage: string): RunStage => ({
      stage,
      ran: false,
      detail: 'skipped: nothing new or changed',
    });
    return [
      skipped('exact identifiers'),
      skipped('candidate retrieval'),
      skipped('pair model'),
      skipped('LLM adjudication'),
    ];
  }
  const { retriever, scorer, adjudicator } = backends;
  const channels =
    retriever instanceof ChannelRetriever ? retriever.channels.map((c) => c.name).join(', ') : null;
  return [
    { stage: 'exact identifiers', ran: true, detail: 'LEI, ISIN, CUSIP with valid check digits' },
    retriever
      ? {
          stage: 'candidate retrieval',
          ran: true,
          detail: channels ? `name index + ${channels}` : 'retriever',
        }
      : { stage: 'candidate retrieval', ran: false, detail: 'skipped: no reference rows to search' },
    scorer
      ? { stage: 'pair model', ran: true, detail: scorer.modelVersion }
      : {
          stage: 'pair model',
          ran: false,
          detail: trainingFailed
            ? `skipped: could not train one without labels (${trainingFailed})`
            : 'skipped: no pair model (run em train)',
        },
    adjudicator && config.llm.enabled
      ? { stage: 'LLM adjudication', ran: true, detail: config.llm.model ?? 'configured endpoint' }
      : { stage: 'LLM adjudication', ran: false, detail: 'off: no OpenAI-compatible endpoint configured' },
  ];
}
