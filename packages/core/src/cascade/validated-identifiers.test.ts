import { describe, expect, it } from 'vitest';
import { referenceEntity } from '../testing/reference-fixtures.js';
import { sharedIdentifierSchemes, validatedIdentifiers } from './validated-identifiers.js';

describe('validatedIdentifiers', () => {
  it('canonicalises valid identifiers and drops invalid ones with a note', () => {
    const ids = validatedIdentifiers({ lei: null, isin: ' us0378331005 ', cusip: '037833109' });
    expect(ids.isin).toBe('US0378331005');
    expect(ids.cusip).toBeNull();
    expect(ids.lei).toBeNull();
    expect(ids.notes).toHaveLength(1);
    expect(ids.notes[0]).toMatch(/^CUSIP 037833109 ignored: .*check digit/i);
  });

  it('treats blank values as absent, without a note', () => {
    expect(validatedIdentifiers({ lei: '  ', isin: '', cusip: undefined })).toEqual({
      lei: null,
      isin: null,
      cusip: null,
      notes: [],
    });
  });

  it('names the schemes a candidate shares with the source', () => {
    const apple = referenceEntity(1, 'Apple Inc.');
    const ids = validatedIdentifiers({ lei: apple.lei, isin: apple.isin?.toLowerCase(), cusip: '000000000' });
    expect(sharedIdentifierSchemes(ids, apple)).toEqual(['lei', 'isin']);
    expect(sharedIdentifierSchemes(ids, referenceEntity(2, 'Other'))).toEqual([]);
  });
});
