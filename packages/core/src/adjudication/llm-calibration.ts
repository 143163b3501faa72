import { z } from 'zod';
import { InputError } from '../errors.js';

/** One labelled outcome: what the LLM said its confidence was, and whether its answer was right. */
export interface LlmCalibrationSample {
  readonly statedConfidence: number;
  readonly correct: boolean;
}

/**
 * A monotone map from the LLM's stated confidence to the observed rate of correct answers:
 * isotonic regression (pool adjacent violators) over the stated confidences, each block's rate
 * smoothed as (correct + 1) / (n + 2), interpolated linearly between block centres. The
 * smoothing means a block needs evidence to reach a high probability: n answers, all right,
 * give (n + 1) / (n + 2), so 8 of 8 is the least that reaches 0.90.
 */
export const LlmCalibration = z.object({
  kind: z.literal('isotonic'),
  /** Block centres (mean stated confidence), increasing. */
  x: z.array(z.number().min(0).max(1)).min(1),
  /** Smoothed rate of correct answers per block, non-decreasing. */
  y: z.array(z.number().min(0).max(1)).min(1),
  samples: z.number().int().positive(),
  correct: z.number().int().nonnegative(),
});
export type LlmCalibration = z.output<typeof LlmCalibration>;

/** Fewer labelled outcomes than this and `fitLlmCalibration` refuses: the map would be noise. */
export const MIN_LLM_CALIBRATION_SAMPLES = 20;

interface Block {
  sumX: number;
  correct: number;
  n: number;
}
const rate = (b: Block): number => (b.correct + 1) / (b.n + 2);

/** Fit the map on labelled outcomes (e.g. review decisions on LLM-decided cases). Throws InputError with too few. */
export function fitLlmCalibration(samples: readonly LlmCalibrationSample[]): LlmCalibration {
  const usable = samples.filter((s) => Number.isFinite(s.statedConfidence));
  if (usable.length < MIN_LLM_CALIBRATION_SAMPLES) {
    throw new InputError(
      `LLM calibration needs at least ${MIN_LLM_CALIBRATION_SAMPLES} labelled outcomes, got ${usable.length}; ` +
        'review more LLM-adjudicated cases first. Until then LLM answers stay below the auto-match threshold.',
    );
  }
  const sorted = usable
    .map((s) => ({ x: Math.min(1, Math.max(0, s.statedConfidence)), y: s.correct ? 1 : 0 }))
    .sort((a, b) => a.x - b.x);
  // Equal stated confidences form one block first: the map is a function of the stated value.
  const groups: Block[] = [];
  for (const [i, s] of sorted.entries()) {
    const last = groups[groups.length - 1];
    if (last && i > 0 && sorted[i - 1]!.x === s.x) {
      last.sumX += s.x;
      last.correct += s.y;
      last.n += 1;
    } else groups.push({ sumX: s.x, correct: s.y, n: 1 });
  }
  const blocks: Block[] = [];
  for (const group of groups) {
    blocks.push({ ...group });
    while (blocks.length > 1 && rate(blocks[blocks.length - 2]!) >= rate(blocks[blocks.length - 1]!)) {
      const top = blocks.pop()!;
      const below = blocks[blocks.length - 1]!;
      below.sumX += top.sumX;
      below.correct += top.correct;
      below.n += top.n;
    }
  }
  return {
    kind: 'isotonic',
    x: blocks.map((b) => b.sumX / b.n),
    y: blocks.map(rate),
    samples: usable.length,
    correct: sorted.reduce((sum, s) => sum + s.y, 0),
  };
}

/** The calibrated probability for a stated confidence (clamped to the fitted range at the ends). */
export function applyLlmCalibration(calibration: LlmCalibration, statedConfidence: number): number {
  const { x, y } = calibration;
  const c = Number.isFinite(statedConfidence) ? statedConfidence : 0;
  if (c <= x[0]!) return y[0]!;
  if (c >= x[x.length - 1]!) return y[y.length - 1]!;
  let hi = 1;
  while (x[hi]! < c) hi++;
  const lo = hi - 1;
  const t = (c - x[lo]!) / (x[hi]! - x[lo]!);
  return y[lo]! + t * (y[hi]! - y[lo]!);
}
