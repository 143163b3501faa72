import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TermDictionary } from './term-dictionary.js';

describe('TermDictionary', () => {
  it('finds every term at its id, nothing else, and gives the texts back', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ unit: 'binary', maxLength: 8 }), { maxLength: 300 }),
        fc.array(fc.string({ unit: 'binary', maxLength: 8 }), { maxLength: 50 }),
        (terms, probes) => {
          const dictionary = TermDictionary.build(terms);
          expect(dictionary.size).toBe(terms.length);
          terms.forEach((term, id) => {
            expect(dictionary.idOf(term)).toBe(id);
          });
          for (const probe of probes) expect(dictionary.idOf(probe)).toBe(terms.indexOf(probe));
          expect(dictionary.texts()).toEqual(terms);
          // What a worker gets: the same arrays, wrapped again.
          const again = new TermDictionary(structuredClone(dictionary.data));
          for (const probe of [...probes, ...terms]) expect(again.idOf(probe)).toBe(terms.indexOf(probe));
        },
      ),
    );
  });
});
