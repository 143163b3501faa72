import {
  type Candidate,
  InputError,
  parseCascadeConfig,
  type ReferenceEntity,
  type SourceEntity,
  validatedIdentifiers,
} from '@em/core';
import { mergeCandidates } from '@em/core/cascade';
import { describe, expect, it } from 'vitest';
import { blockingKeyFunctions, parseBlockingKey } from './blocking-keys.js';
import { ChannelRetriever, type NameRetriever } from './channel-retriever.js';

const ref = (
  ciq_id: string,
  company_name: string,
  ticker: string,
  country = 'United States',
): ReferenceEntity => ({
  ciq_id,
  company_name,
  ticker,
  lei: null,
  cusip: null,
  isin: null,
  country,
  industry: null,
  sector: null,
  market_cap: null,
});
const reference = [
  ref('IQ1', 'Meta Platforms, Inc.', 'META'),
  ref('IQ2', 'Facebook Fans Club Inc.', 'FANS'),
  ref('IQ3', 'Alphabet Inc.', 'GOOGL'),
  ref('IQ4', 'Acme Widgets Corp', 'ACME'),
];
const source = (company_name: string, ticker: string | null): SourceEntity => ({
  source_id: '1',
  source_system: 'T',
  company_name,
  ticker,
  lei: null,
  cusip: null,
  isin: null,
  country: 'United States',
  industry: null,
});
/** A name channel that always answers the given rows. */
const names = (...ids: string[]): NameRetriever => ({
  capabilities: { maxBatchSize: 10, maxParallelCalls: 1 },
  retrieve: async (sources) => sources.map(() => names(...ids).retrieveOne!(sources[0]!, 10)),
  retrieveOne: () =>
    ids.map((id, rank) => ({ entity: reference.find((r) => r.ciq_id === id)!, score: 1 - rank / 10, rank })),
});

describe('ChannelRetriever', () => {
  it('adds the row sharing the ticker key, and records every channel that found each candidate', () => {
    const retriever = new ChannelRetriever(names('IQ2', 'IQ4'), reference);
    const list = retriever.retrieveOne(source('FACEBOOK INC', 'meta us'), 2);
    expect(list.map((c) => [c.entity.ciq_id, c.channels])).toEqual([
      ['IQ2', ['name']],
      ['IQ4', ['name']],
      ['IQ1', ['ticker']],
    ]);
  });

  it('merges a row both channels found into one candidate', () => {
    const retriever = new ChannelRetriever(names('IQ1', 'IQ2'), reference);
    const list = retriever.retrieveOne(source('Meta Platforms', 'META'), 2);
    expect(list.map((c) => [c.entity.ciq_id, c.channels])).toEqual([
      ['IQ1', ['name', 'ticker']],
      ['IQ2', ['name']],
    ]);
  });

  it('keeps other channels past top-k in the merged cascade list', () => {
    const retriever = new ChannelRetriever(names('IQ2', 'IQ4', 'IQ3'), reference);
    const s = source('FACEBOOK INC', 'META');
    const merged = mergeCandidates(retriever.retrieveOne(s, 3), [], validatedIdentifiers(s), 2);
    expect(merged.map((c) => c.entity.ciq_id)).toEqual(['IQ2', 'IQ4', 'IQ1']);
    expect(merged.at(-1)!.channels).toEqual(['ticker']);
  });

  it('finds rows by a declared blocking key', () => {
    const retriever = new ChannelRetriever(names(), reference, [
      parseBlockingKey('country+first_name_token'),
    ]);
    const list: Candidate[] = retriever.retrieveOne(source('Acme Holdings', null), 5);
    expect(list.map((c) => [c.entity.ciq_id, c.channels])).toEqual([['IQ4', ['country+first_name_token']]]);
    expect(
      retriever
        .coverage([source('Acme Holdings', null), source('Nobody', 'NONE')])
        .get('country+first_name_token'),
    ).toBe(1);
  });
});

describe('blocking keys', () => {
  it('are checked when the config is parsed, before anything is read or written', () => {
    expect(() => parseCascadeConfig({ blockingKeys: ['country+first_name_token', 'exchange'] })).toThrow(
      /blockingKeys\.1: "exchange" uses "exchange", which is not a column/,
    );
    expect(parseCascadeConfig({ blockingKeys: ['country+first_name_token'] }).blockingKeys).toEqual([
      'country+first_name_token',
    ]);
  });

  it('names an unknown column and the choices', () => {
    expect(() => blockingKeyFunctions([parseBlockingKey('country+exchange')])).toThrow(InputError);
    expect(() => blockingKeyFunctions([parseBlockingKey('country+exchange')])).toThrow(
      /"exchange", which is not a column of both the sources and the reference; use columns or derived keys joined with "\+": company_name/,
    );
  });
});
