import { describe, expect, it } from 'vitest';
import { redactSecrets } from './redact-secrets.js';

describe('redactSecrets', () => {
  it('replaces every occurrence of each secret, ignoring empty and short ones', () => {
    expect(
      redactSecrets('token dapi1234 then dapi1234; key abc', ['dapi1234', 'abc', null, undefined, '']),
    ).toBe('token [REDACTED] then [REDACTED]; key abc');
  });
});
