import { InputError } from '@em/core';
import { readLines } from './ditto-pairs.js';

const parseProbability = (text: string): number | undefined => {
  const value = Number(text.trim());
  return text.trim() !== '' && Number.isFinite(value) && value >= 0 && value <= 1 ? value : undefined;
};

/**
 * Read a scorer's predictions for a pairs file with `pairCount` lines: either one probability
 * per line (exactly `pairCount` lines), or CSV `index,probability` (optional header; index =
 * 0-based line of the pairs file; lines without a prediction are null).
 */
export async function readPairPredictions(
  path: string,
  pairCount: number,
  file = path,
): Promise<(number | null)[]> {
  const lines = await readLines(path);
  const csv = lines.some((line) => line.includes(','));
  const out: (number | null)[] = new Array(pairCount).fill(null);
  if (!csv) {
    if (lines.length !== pairCount) {
      throw new InputError(
        `${file}: ${lines.length} probabilities for ${pairCount} pairs; write one probability per pair line, in the same order (or CSV index,probability).`,
      );
    }
    lines.forEach((line, i) => {
      const p = parseProbability(line);
      if (p === undefined)
        throw new InputError(
          `${file} line ${i + 1}: ${JSON.stringify(line)} is not a probability between 0 and 1.`,
        );
      out[i] = p;
    });
    return out;
  }
  lines.forEach((line, i) => {
    if (line.trim() === '' || (i === 0 && /^\s*index\s*,/i.test(line))) return;
    const [indexText, probabilityText, ...rest] = line.split(',');
    const index = Number(indexText?.trim());
    const p = parseProbability(probabilityText ?? '');
    if (rest.length > 0 || !Number.isInteger(index) || p === undefined) {
      throw new InputError(
        `${file} line ${i + 1}: expected index,probability (a 0-based pair line and a number in [0, 1]), found ${JSON.stringify(line)}.`,
      );
    }
    if (index < 0 || index >= pairCount)
      throw new InputError(
        `${file} line ${i + 1}: index ${index} is outside the pairs file (lines 0 to ${pairCount - 1}).`,
      );
    if (out[index] !== null)
      throw new InputError(
        `${file} line ${i + 1}: index ${index} appears twice; keep one probability per pair.`,
      );
    out[index] = p;
  });
  return out;
}
