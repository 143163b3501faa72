import { describe, expect, it } from 'vitest';
import type { IdentifierHit } from '../ports/reference-lookup.js';
import { config, ENTITIES } from '../testing/reference-fixtures.js';
import { routeIdentifierHits } from './identifier-routing.js';
import { validatedIdentifiers } from './validated-identifiers.js';

const { apple, microsoft, railway } = ENTITIES;
const hit = (scheme: IdentifierHit['scheme'], entity: typeof apple): IdentifierHit => ({
  scheme,
  value: entity[scheme],
  entity,
});

describe('routeIdentifierHits', () => {
  const cfg = config();

  it('trusts a single-entity hit whose name agrees: exact match at 1.0', () => {
    const ids = validatedIdentifiers({ isin: apple.isin });
    const outcome = routeIdentifierHits('Apple Inc.', ids, [hit('isin', apple)], cfg);
    expect(outcome.kind).toBe('exact');
    if (outcome.kind !== 'exact') return;
    expect(outcome.decision).toMatchObject({ method: 'exact_match', confidence: 1, matched: apple });
    expect(outcome.decision.reasoning).toBe(`Exact ISIN match (${apple.isin}); name similarity 1.00`);
  });

  it('lists every scheme when several agree on one entity', () => {
    const ids = validatedIdentifiers({ lei: apple.lei, isin: apple.isin });
    const outcome = routeIdentifierHits('Apple Inc.', ids, [hit('isin', apple), hit('lei', apple)], cfg);
    expect(outcome.kind === 'exact' && outcome.decision.reasoning).toBe(
      `Exact LEI + ISIN match (LEI ${apple.lei}, ISIN ${apple.isin}); name similarity 1.00`,
    );
  });

  it('does not trust a hit whose name disagrees', () => {
    const ids = validatedIdentifiers({ cusip: railway.cusip });
    const outcome = routeIdentifierHits('Centuria Capital Group', ids, [hit('cusip', railway)], cfg);
    expect(outcome.kind).toBe('untrusted');
    if (outcome.kind !== 'untrusted') return;
    expect(outcome.entities).toEqual([railway]);
    expect(outcome.note).toMatch(
      /^CUSIP hit Canadian National Railway \(IQ4\) but names disagree \(similarity 0\.\d\d\)$/,
    );
  });

  it('trusts every hit when minNameSimilarity is 0', () => {
    const ids = validatedIdentifiers({ cusip: railway.cusip });
    const outcome = routeIdentifierHits('Centuria Capital Group', ids, [hit('cusip', railway)], {
      identifierTrust: { minNameSimilarity: 0 },
    });
    expect(outcome.kind).toBe('exact');
  });

  it('reports a conflict when hits point to two entities', () => {
    const ids = validatedIdentifiers({ lei: apple.lei, isin: microsoft.isin });
    const outcome = routeIdentifierHits('Apple Inc.', ids, [hit('isin', microsoft), hit('lei', apple)], cfg);
    expect(outcome.kind).toBe('conflict');
    if (outcome.kind !== 'conflict') return;
    expect(outcome.note).toBe(
      'identifier conflict: LEI → Apple Inc. (IQ1), ISIN → Microsoft Corporation (IQ2)',
    );
    expect(outcome.entities.map((e) => e.ciq_id)).toEqual(['IQ1', 'IQ2']);
  });

  it('ignores hits on identifiers that were not asked about', () => {
    const ids = validatedIdentifiers({ lei: apple.lei });
    expect(
      routeIdentifierHits('Apple Inc.', ids, [hit('isin', microsoft), hit('lei', apple)], cfg).kind,
    ).toBe('exact');
    expect(routeIdentifierHits('Apple Inc.', ids, [], cfg).kind).toBe('none');
  });
});
