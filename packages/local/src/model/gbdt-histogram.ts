/**
 * Gradient, hessian and count per (feature, bin): hist[offsets[f] + b * 3 + {0,1,2}], each
 * feature taking only its own bins (most have a few), so a histogram stays in the fastest cache.
 */
export type Histogram = Float64Array;

/** Where each feature's bins start in a histogram, and its length (offsets[nFeatures]). */
export function histogramOffsets(binsPerFeature: readonly number[]): Int32Array {
  const offsets = new Int32Array(binsPerFeature.length + 1);
  binsPerFeature.forEach((b, f) => {
    offsets[f + 1] = offsets[f]! + b * 3;
  });
  return offsets;
}

/** What a histogram is summed from: row-major bins, per-row gradients, and the node's rows. */
export interface HistogramInputs {
  readonly rowBins: Uint8Array;
  readonly nFeatures: number;
  readonly offsets: Int32Array;
  readonly grad: Float64Array;
  readonly hess: Float64Array;
  readonly idx: Int32Array;
}

/**
 * Adds rows `idx[start .. end)` into `h` for the given features, each bin's sums taken in row
 * order: whichever thread sums a feature, its bins hold the same bits.
 */
export function accumulateHistogram(
  h: Histogram,
  x: HistogramInputs,
  start: number,
  end: number,
  features: Int32Array,
): void {
  const { rowBins, nFeatures: nF, offsets, grad, hess, idx } = x;
  const nUsed = features.length;
  for (let i = start; i < end; i++) {
    const r = idx[i]!;
    const g = grad[r]!;
    const hh = hess[r]!;
    const base = r * nF;
    for (let j = 0; j < nUsed; j++) {
      const f = features[j]!;
      const at = offsets[f]! + rowBins[base + f]! * 3;
      h[at]! += g;
      h[at + 1]! += hh;
      h[at + 2]!++;
    }
  }
}
