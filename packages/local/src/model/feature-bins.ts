/**
 * Quantile binning of feature columns for histogram-based tree growth.
 * Bin edges are midpoints between distinct observed values, so a split
 * "value <= edge" separates the same rows on raw values as on bins.
 */
export interface BinnedMatrix {
  readonly nRows: number;
  readonly nFeatures: number;
  /** Row-major bins: rowBins[r * nFeatures + f]. */
  readonly rowBins: Uint8Array;
  /** Upper edge of each bin but the last, per feature (bin b holds values <= edges[b]). */
  readonly edges: readonly Float64Array[];
}

export const MAX_BINS = 255;

/** Rows are feature vectors of equal length; NaN is treated as -Infinity (goes to the first bin). */
export function binFeatures(rows: readonly ArrayLike<number>[], maxBins = MAX_BINS): BinnedMatrix {
  const nRows = rows.length;
  const nFeatures = nRows > 0 ? rows[0]!.length : 0;
  const rowBins = new Uint8Array(nRows * nFeatures);
  const edges: Float64Array[] = [];
  const column = new Float64Array(nRows);
  for (let f = 0; f < nFeatures; f++) {
    for (let r = 0; r < nRows; r++) column[r] = clean(rows[r]![f]!);
    const e = quantileEdges(column, maxBins);
    edges.push(e);
    for (let r = 0; r < nRows; r++) rowBins[r * nFeatures + f] = binOf(e, column[r]!);
  }
  return { nRows, nFeatures, rowBins, edges };
}

export const clean = (v: number): number => (Number.isNaN(v) ? Number.NEGATIVE_INFINITY : v);

/** Index of the first edge >= v (binary search), i.e. the bin of v. */
export function binOf(edges: Float64Array, v: number): number {
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (edges[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function quantileEdges(column: Float64Array, maxBins: number): Float64Array {
  const sorted = Float64Array.from(column).sort();
  const distinct: number[] = [];
  const counts: number[] = [];
  for (let i = 0; i < sorted.length; i++) {
    if (i > 0 && sorted[i] === sorted[i - 1]) counts[counts.length - 1]!++;
    else {
      distinct.push(sorted[i]!);
      counts.push(1);
    }
  }
  const out: number[] = [];
  if (distinct.length <= maxBins) {
    for (let i = 0; i + 1 < distinct.length; i++) out.push(midpoint(distinct[i]!, distinct[i + 1]!));
    return Float64Array.from(out);
  }
  // Greedy equal-frequency cut over distinct values.
  const perBin = sorted.length / maxBins;
  let acc = 0;
  for (let i = 0; i + 1 < distinct.length && out.length < maxBins - 1; i++) {
    acc += counts[i]!;
    if (acc >= perBin * (out.length + 1)) out.push(midpoint(distinct[i]!, distinct[i + 1]!));
  }
  return Float64Array.from(out);
}

function midpoint(a: number, b: number): number {
  if (!Number.isFinite(a)) return Number.isFinite(b) ? b - 1 : 0;
  if (!Number.isFinite(b)) return a + 1;
  const m = a + (b - a) / 2;
  return m > a && m < b ? m : a;
}
