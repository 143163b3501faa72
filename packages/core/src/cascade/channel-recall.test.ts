import { describe, expect, it } from 'vitest';
import { channelRecall } from './channel-recall.js';

describe('channelRecall', () => {
  it('counts, per channel, the labelled matches whose true row that channel found', () => {
    const recall = channelRecall([
      { truth: 'A', candidates: [{ ciq_id: 'A', channels: ['name', 'ticker'] }, { ciq_id: 'B' }] },
      { truth: 'C', candidates: [{ ciq_id: 'C', channels: ['isin'] }] },
      { truth: 'D', candidates: [{ ciq_id: 'D' }] },
      { truth: 'E', candidates: [{ ciq_id: 'F', channels: ['name'] }] },
    ]);
    expect(recall).toEqual({ matches: 4, found: 3, byChannel: { name: 2, ticker: 1, isin: 1 } });
  });

  it('is empty without cases', () => {
    expect(channelRecall([])).toEqual({ matches: 0, found: 0, byChannel: {} });
  });
});
