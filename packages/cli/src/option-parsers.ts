import { InvalidArgumentError } from 'commander';

/** Commander parser for a whole number ≥ min (a bad value is a usage error, exit 2). */
export function integerAtLeast(min: number): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!/^\s*-?\d+\s*$/.test(value) || !Number.isSafeInteger(n) || n < min) {
      throw new InvalidArgumentError(`expected a whole number ≥ ${min}, got "${value}".`);
    }
    return n;
  };
}

/** Commander parser for a confidence in [0, 1]. */
export function probability(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1) {
    throw new InvalidArgumentError(`expected a number from 0 to 1, got "${value}".`);
  }
  return n;
}

/** A TCP port, 0 (any free one) to 65535. */
export function parsePort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65_535) {
    throw new InvalidArgumentError(`"${value}" is not a port; give a whole number from 0 to 65535.`);
  }
  return n;
}
