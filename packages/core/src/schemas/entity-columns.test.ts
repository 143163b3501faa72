import { describe, expect, it } from 'vitest';
import { GOLD_STANDARD_COLUMNS, GoldStandardRow } from './gold-standard.js';
import { REFERENCE_COLUMNS, ReferenceEntity } from './reference-entity.js';
import { SOURCE_COLUMNS, SourceEntity } from './source-entity.js';

describe('entity columns', () => {
  it('list the schema fields in table order', () => {
    expect(REFERENCE_COLUMNS).toEqual([
      'ciq_id',
      'company_name',
      'ticker',
      'lei',
      'cusip',
      'isin',
      'country',
      'industry',
      'sector',
      'market_cap',
    ]);
    expect(SOURCE_COLUMNS).toEqual([
      'source_id',
      'source_system',
      'company_name',
      'ticker',
      'lei',
      'cusip',
      'isin',
      'country',
      'industry',
    ]);
    expect(GOLD_STANDARD_COLUMNS).toEqual(['source_id', 'source_system', 'true_ciq_id']);
  });

  it('are frozen', () => {
    expect(Object.isFrozen(REFERENCE_COLUMNS)).toBe(true);
    expect(Object.isFrozen(SOURCE_COLUMNS)).toBe(true);
    expect(Object.isFrozen(GOLD_STANDARD_COLUMNS)).toBe(true);
  });

  it('read missing and empty optional text as null', () => {
    const blank = Object.fromEntries(SOURCE_COLUMNS.map((c) => [c, '']));
    const source = SourceEntity.parse({
      ...blank,
      source_id: 'S1',
      source_system: 'crm',
      company_name: 'Acme',
    });
    expect(source.ticker).toBeNull();
    const reference = ReferenceEntity.parse({
      ciq_id: 'IQ1',
      company_name: 'Acme',
      lei: undefined,
      isin: null,
    });
    expect([reference.lei, reference.isin, reference.market_cap]).toEqual([null, null, null]);
    // A NULL market_cap from a database reads as null, not as the text "null".
    expect(
      ReferenceEntity.parse({ ciq_id: 'IQ1', company_name: 'Acme', market_cap: null }).market_cap,
    ).toBeNull();
    expect(ReferenceEntity.parse({ ciq_id: 'IQ1', company_name: 'Acme', market_cap: 12.5 }).market_cap).toBe(
      '12.5',
    );
    expect(
      GoldStandardRow.parse({ source_id: 'S1', source_system: 'crm', true_ciq_id: '' }).true_ciq_id,
    ).toBeNull();
  });
});
