import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PERTURBATIONS, perturbName } from './perturb-name.js';
import { seededRandom } from './seeded-random.js';

describe('perturbName', () => {
  it('is total and never returns an empty name', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 80 }).filter((s) => s.trim() !== ''),
        fc.integer(),
        (name, seed) => {
          const out = perturbName(name, seededRandom(seed));
          expect(typeof out).toBe('string');
          expect(out.trim().length).toBeGreaterThan(0);
        },
      ),
    );
  });

  it('is deterministic for a seed', () => {
    const names = [
      'Shanghai Fosun Pharmaceutical (Group) Co., Ltd.',
      'Siemens Aktiengesellschaft',
      'Apple Inc.',
    ];
    const run = (seed: number) => names.map((n) => perturbName(n, seededRandom(seed)));
    expect(run(3)).toEqual(run(3));
  });

  it('writes listing style the way exchanges do', () => {
    const out = PERTURBATIONS.listingStyle!('International Business Machines Corporation', seededRandom(2));
    expect(out).toBe(out.toUpperCase());
    expect(PERTURBATIONS.legalForm!('Acme Holdings Limited', () => 0)).toBe('Acme Holdings');
  });
});
