import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAdjudicationReply } from './parse-adjudication-reply.js';

const ids = ['IQ1', 'IQ5'];

describe('parseAdjudicationReply', () => {
  it('reads a plain JSON reply', () => {
    expect(
      parseAdjudicationReply('{"choice":"IQ5","confidence":0.8,"reasoning":"ticker agrees"}', ids),
    ).toEqual({
      ok: true,
      choice: 'IQ5',
      confidence: 0.8,
      reasoning: 'ticker agrees',
    });
  });

  it('tolerates fences, prose around the object, trailing commas and extra fields', () => {
    const reply =
      'Sure! Here it is:\n```json\n{"choice": "IQ1", "confidence": "0.7", "reasoning": "x", "extra": 1,}\n```\nDone.';
    expect(parseAdjudicationReply(reply, ids)).toMatchObject({ ok: true, choice: 'IQ1', confidence: 0.7 });
  });

  it('reads "none" (any case, or null) as no match, and a percentage as a probability', () => {
    expect(parseAdjudicationReply('{"choice":"None","confidence":95}', ids)).toMatchObject({
      choice: null,
      confidence: 0.95,
    });
    expect(parseAdjudicationReply('{"choice":null,"confidence":0.2}', ids)).toMatchObject({
      ok: true,
      choice: null,
    });
  });

  it('maps a bracketed or differently cased id only when it is unambiguous', () => {
    expect(parseAdjudicationReply('{"choice":"[iq5]","confidence":0.6}', ids)).toMatchObject({
      choice: 'IQ5',
    });
    expect(parseAdjudicationReply('{"choice":"iq1","confidence":0.6}', ['IQ1', 'iq1'])).toMatchObject({
      choice: 'iq1',
    });
    expect(parseAdjudicationReply('{"choice":"Iq1","confidence":0.6}', ['IQ1', 'iq1'])).toMatchObject({
      ok: false,
      problem: 'invalid_choice',
    });
  });

  it('a choice outside the candidates is invalid, with the candidates named', () => {
    expect(parseAdjudicationReply('{"choice":"IQ2","confidence":0.99,"reasoning":"r"}', ids)).toEqual({
      ok: false,
      problem: 'invalid_choice',
      reason: 'model chose "IQ2", which is not among the candidates (IQ1, IQ5)',
    });
  });

  it('malformed replies say what was wrong', () => {
    expect(parseAdjudicationReply('I think it is Apple.', ids)).toMatchObject({
      ok: false,
      problem: 'malformed',
    });
    expect(parseAdjudicationReply('{"choice": "IQ1", confidence: high}', ids)).toMatchObject({
      problem: 'malformed',
    });
    expect(parseAdjudicationReply('{"choice":"IQ1"}', ids)).toMatchObject({
      problem: 'malformed',
      reason: expect.stringContaining('confidence'),
    });
    expect(parseAdjudicationReply('{"choice":"IQ1","confidence":1.7e9}', ids)).toMatchObject({
      problem: 'malformed',
    });
  });

  it('never returns a choice that is not a candidate id or null, whatever the reply', () => {
    const reply = fc.oneof(
      fc.string(),
      fc
        .record({ choice: fc.oneof(fc.string(), fc.constantFrom(...ids)), confidence: fc.double() })
        .map((o) => JSON.stringify(o)),
    );
    fc.assert(
      fc.property(reply, (text) => {
        const parsed = parseAdjudicationReply(text, ids);
        if (parsed.ok) {
          expect(parsed.choice === null || ids.includes(parsed.choice)).toBe(true);
          expect(parsed.confidence).toBeGreaterThanOrEqual(0);
          expect(parsed.confidence).toBeLessThanOrEqual(1);
        }
      }),
    );
  });
});
