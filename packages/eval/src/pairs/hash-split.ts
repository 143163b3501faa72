import { fnv1a } from '@em/core/features';

/** Split line indexes in two halves by the hash of each line: even hashes tune, odd hashes test. */
export function hashHalves(lines: readonly string[]): { tune: number[]; test: number[] } {
  const tune: number[] = [];
  const test: number[] = [];
  lines.forEach((line, i) => {
    (fnv1a(line) % 2 === 0 ? tune : test).push(i);
  });
  return { tune, test };
}
