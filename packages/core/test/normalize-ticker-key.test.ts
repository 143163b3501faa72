import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tickerKey } from '../src/normalize/ticker-key.js';

describe('tickerKey', () => {
  it.each([
    ['AAPL', 'AAPL'],
    ['aapl us', 'AAPL'],
    ['AAPL US', 'AAPL'],
    ['VOD.L', 'VOD'],
    ['VOD LN', 'VOD'],
    ['RY.TO', 'RY'],
    ['7203:JP', '7203'],
    ['BRK.B', 'BRK'],
    ['BRK/B', 'BRK'],
    ['BRK-B', 'BRK'],
    ['ALEO/A', 'ALEO'],
    ['MSFT.OQ', 'MSFT'],
    ['600519', '600519'],
  ])('%s → %s', (raw, key) => expect(tickerKey(raw)).toBe(key));

  it('is null for nothing', () => {
    expect(tickerKey('')).toBeNull();
    expect(tickerKey('  ')).toBeNull();
    expect(tickerKey(null)).toBeNull();
    expect(tickerKey('./-')).toBeNull();
  });

  it('keeps a one-letter ticker and a ticker ending in a class letter without a mark', () => {
    expect(tickerKey('F')).toBe('F');
    expect(tickerKey('ABC')).toBe('ABC');
  });

  it('leaves a ticker of letters and digits as it is, upper-cased, whatever its last letters', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9]{1,10}$/), (raw) => {
        expect(tickerKey(raw)).toBe(raw.toUpperCase());
        expect(tickerKey(` ${raw} `)).toBe(raw.toUpperCase());
      }),
    );
  });
});
