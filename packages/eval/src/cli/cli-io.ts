import { UsageError } from '@em/cli-kit';

/** A number flag, e.g. --threshold 0.9; not a number is a UsageError. */
export function numberFlag(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value))
    throw new UsageError(`${flag} ${JSON.stringify(text)}: expected a number, e.g. ${flag} 0.9.`);
  return value;
}
