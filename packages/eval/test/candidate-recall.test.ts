import { describe, expect, it } from 'vitest';
import { evaluate, loadPredictions, loadTruth, renderTerminalReport } from '../src/index.js';
import { fixture } from './fixture-paths.js';

const candidate = (ciq_id: string, channels?: string[]) => ({
  ciq_id,
  company_name: ciq_id,
  rank: 0,
  retrieval_score: 1,
  pair_score: 0.5,
  ...(channels ? { channels } : {}),
});
const row = (source_id: string, method: string, candidates: ReturnType<typeof candidate>[]) => ({
  source_id,
  source_system: 'crm',
  matched_ciq_id: null,
  match_confidence: 0.5,
  match_method: method,
  candidates,
});

describe('candidate recall per channel', () => {
  it('counts true rows among the stored candidates per channel, leaving out exact-identifier rows and no-match truths', () => {
    const report = evaluate({
      predictions: [
        row('1', 'pair_model', [candidate('A', ['name', 'ticker']), candidate('X', ['name'])]),
        row('2', 'pair_model', [candidate('X', ['name']), candidate('B', ['ticker'])]),
        row('3', 'no_match', [candidate('X', ['name'])]),
        row('4', 'exact_identifier', [candidate('D', ['isin'])]),
        row('5', 'pair_model', [candidate('X', ['name'])]),
      ],
      truth: [
        { source_id: '1', source_system: 'crm', true_ciq_id: 'A' },
        { source_id: '2', source_system: 'crm', true_ciq_id: 'B' },
        { source_id: '3', source_system: 'crm', true_ciq_id: 'C' },
        { source_id: '4', source_system: 'crm', true_ciq_id: 'D' },
        { source_id: '5', source_system: 'crm', true_ciq_id: null },
      ],
    });
    expect(report.candidate_recall).toEqual({ matches: 3, found: 2, byChannel: { name: 1, ticker: 2 } });
    expect(renderTerminalReport(report)).toContain(
      'candidate recall@k 66.7% of 3 true matches that went through retrieval; by channel: ticker 66.7% · name 33.3%',
    );
  });

  it('is null when no prediction stores candidates, and reads them from a predictions file', async () => {
    expect(
      evaluate({
        predictions: [row('1', 'no_match', [])],
        truth: [{ source_id: '1', source_system: 'crm', true_ciq_id: 'A' }],
      }).candidate_recall,
    ).toBeNull();
    const report = evaluate({
      predictions: await loadPredictions(fixture('predictions.csv')),
      truth: await loadTruth(fixture('truth.csv')),
    });
    // 002 holds its true row (name channel); 004 retrieved nothing; the other matches store no candidates.
    expect(report.candidate_recall).toEqual({ matches: 2, found: 1, byChannel: { name: 1 } });
  });
});
