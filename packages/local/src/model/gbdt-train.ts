import { type BinnedMatrix, binFeatures } from './feature-bins.js';
import {
  accumulateHistogram,
  type Histogram,
  type HistogramInputs,
  histogramOffsets,
} from './gbdt-histogram.js';
import {
  HistogramHelper,
  sharedBytes,
  sharedFloat64,
  sharedInt32,
  splitFeatures,
} from './gbdt-histogram-helper.js';
import { type GbdtModel, type GbdtTree, gbdtMargin } from './gbdt-model.js';
import { seededRandom } from './seeded-random.js';

export interface GbdtOptions {
  readonly nTrees: number;
  readonly maxDepth: number;
  readonly learningRate: number;
  /** L2 penalty on leaf values. */
  readonly lambda: number;
  /** Smallest hessian sum a child may have. */
  readonly minChildWeight: number;
  readonly minSamplesLeaf: number;
  /** Fraction of rows drawn (without replacement) for each tree. */
  readonly subsample: number;
  /** Fraction of features considered by each tree. */
  readonly colsample: number;
  readonly seed: number;
}

export const DEFAULT_GBDT_OPTIONS: GbdtOptions = {
  nTrees: 300,
  maxDepth: 5,
  learningRate: 0.08,
  lambda: 1,
  minChildWeight: 1,
  minSamplesLeaf: 5,
  subsample: 0.8,
  colsample: 0.8,
  seed: 1,
};

export interface GbdtFit {
  readonly model: GbdtModel;
  /** Split gain per feature, summed over all trees. */
  readonly importance: Float64Array;
}

/**
 * Histogram-based gradient boosting with logistic loss, grown depth-wise.
 * Deterministic for a seed: row and feature sampling use `seededRandom`.
 */
export function trainGbdt(
  rows: readonly ArrayLike<number>[],
  labels: ArrayLike<number>,
  options: Partial<GbdtOptions> = {},
  weights?: ArrayLike<number>,
  /** Boost on from this model: its trees come first, its margins are the start. */
  initial?: GbdtModel,
  /** From this many rows on, a worker thread sums half of each histogram (the trees are the same). */
  helperFromRows = HELPER_FROM_ROWS,
): GbdtFit {
  const o = { ...DEFAULT_GBDT_OPTIONS, ...options };
  const binned = binFeatures(rows);
  const n = binned.nRows;
  const helped = n >= helperFromRows && binned.nFeatures > 1 && o.maxDepth > 0;
  const data: BinnedMatrix = helped ? { ...binned, rowBins: sharedBytes(binned.rowBins) } : binned;
  const grad = helped ? sharedFloat64(n) : new Float64Array(n);
  const hess = helped ? sharedFloat64(n) : new Float64Array(n);
  const idx = helped ? sharedInt32(n) : new Int32Array(n);
  const offsets = histogramOffsets(data.edges.map((e) => e.length + 1));
  const inputs: HistogramInputs = {
    rowBins: data.rowBins,
    nFeatures: data.nFeatures,
    offsets,
    grad,
    hess,
    idx,
  };
  const helper = helped ? new HistogramHelper(inputs) : null;
  try {
    return boost(rows, labels, o, weights, initial, data, inputs, helper);
  } finally {
    helper?.close();
  }
}

/**
 * Rows from which `trainGbdt` starts a helper thread: below it, starting the worker costs
 * more than it saves.
 */
const HELPER_FROM_ROWS = 20_000;

/** A node this small sums its histogram on one thread (waking the helper costs more). */
const HELPER_FROM_NODE_ROWS = 2_000;

function boost(
  rows: readonly ArrayLike<number>[],
  labels: ArrayLike<number>,
  o: GbdtOptions,
  weights: ArrayLike<number> | undefined,
  initial: GbdtModel | undefined,
  data: BinnedMatrix,
  inputs: HistogramInputs,
  helper: HistogramHelper | null,
): GbdtFit {
  const n = data.nRows;
  const { grad, hess } = inputs;
  const w = weights ?? new Float64Array(n).fill(1);
  let pos = 0;
  let tot = 0;
  for (let r = 0; r < n; r++) {
    pos += labels[r]! * w[r]!;
    tot += w[r]!;
  }
  const prior = Math.min(Math.max(tot > 0 ? pos / tot : 0.5, 1e-6), 1 - 1e-6);
  const baseScore = initial ? initial.baseScore : Math.log(prior / (1 - prior));
  const margin = new Float64Array(n).fill(baseScore);
  if (initial) for (let r = 0; r < n; r++) margin[r] = gbdtMargin(initial, rows[r]!);
  const rand = seededRandom(o.seed);
  const importance = new Float64Array(data.nFeatures);
  const trees: GbdtTree[] = initial ? [...initial.trees] : [];
  const { idx } = inputs;
  for (let t = 0; t < o.nTrees; t++) {
    for (let r = 0; r < n; r++) {
      const p = 1 / (1 + Math.exp(-margin[r]!));
      grad[r] = (p - labels[r]!) * w[r]!;
      hess[r] = Math.max(p * (1 - p), 1e-16) * w[r]!;
    }
    let m = 0;
    for (let r = 0; r < n; r++) if (o.subsample >= 1 || rand() < o.subsample) idx[m++] = r;
    const features = sampleFeatures(data.nFeatures, o.colsample, rand);
    const { tree, bins } = growTree(data, inputs, m, features, o, importance, helper);
    trees.push(tree);
    for (let r = 0; r < n; r++) margin[r]! += leafValue(tree, bins, data, r);
  }
  return { model: { nFeatures: data.nFeatures, baseScore, trees }, importance };
}

function sampleFeatures(nFeatures: number, fraction: number, rand: () => number): number[] {
  const all = Array.from({ length: nFeatures }, (_, f) => f);
  if (fraction >= 1) return all;
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  return all.slice(0, Math.max(1, Math.round(nFeatures * fraction))).sort((a, b) => a - b);
}

/** Leaf reached by training row r, walking on bins (equivalent to raw thresholds). */
function leafValue(tree: GbdtTree, bin: readonly number[], data: BinnedMatrix, r: number): number {
  let node = 0;
  while (tree.feature[node]! >= 0) {
    const f = tree.feature[node]!;
    node = data.rowBins[r * data.nFeatures + f]! <= bin[node]! ? tree.left[node]! : tree.right[node]!;
  }
  return tree.value[node]!;
}

interface Split {
  gain: number;
  feature: number;
  bin: number;
}

/**
 * One tree, grown depth-first over rows `inputs.idx[0 .. m)`, which it reorders. Each node's
 * histogram is built by scanning the rows of the smaller child only; the larger child's is the
 * parent's minus it.
 */
function growTree(
  data: BinnedMatrix,
  inputs: HistogramInputs,
  m: number,
  features: readonly number[],
  o: GbdtOptions,
  importance: Float64Array,
  helper: HistogramHelper | null,
): { tree: GbdtTree; bins: number[] } {
  const tree = {
    feature: [] as number[],
    threshold: [] as number[],
    left: [] as number[],
    right: [] as number[],
    value: [] as number[],
    cover: [] as number[],
  };
  const bins: number[] = [];
  const { grad, hess, idx, offsets } = inputs;
  const nF = data.nFeatures;
  const used = Int32Array.from(features);
  const split = helper ? splitFeatures(used) : null;
  const histogram = (start: number, end: number): Histogram => {
    const h = new Float64Array(offsets[nF]!);
    if (helper === null || split === null || end - start < HELPER_FROM_NODE_ROWS) {
      accumulateHistogram(h, inputs, start, end, used);
      return h;
    }
    helper.begin(start, end, split.theirs);
    accumulateHistogram(h, inputs, start, end, split.mine);
    helper.end(h);
    return h;
  };
  const grow = (start: number, end: number, depth: number, hist: Histogram): number => {
    const node = tree.feature.length;
    tree.feature.push(-1);
    tree.threshold.push(0);
    tree.left.push(-1);
    tree.right.push(-1);
    tree.value.push(0);
    bins.push(0);
    let G = 0;
    let H = 0;
    for (let i = start; i < end; i++) {
      G += grad[idx[i]!]!;
      H += hess[idx[i]!]!;
    }
    tree.cover.push(round(H));
    const split = depth < o.maxDepth ? bestSplit(hist, end - start, G, H) : null;
    if (split === null) {
      tree.value[node] = round(-(G / (H + o.lambda)) * o.learningRate);
      return node;
    }
    let mid = start;
    for (let i = start; i < end; i++) {
      const r = idx[i]!;
      if (data.rowBins[r * nF + split.feature]! <= split.bin) {
        idx[i] = idx[mid]!;
        idx[mid++] = r;
      }
    }
    importance[split.feature]! += split.gain;
    tree.feature[node] = split.feature;
    tree.threshold[node] = data.edges[split.feature]![split.bin]!;
    bins[node] = split.bin;
    let leftHist: Histogram | null = null;
    let rightHist: Histogram | null = null;
    if (depth + 1 < o.maxDepth) {
      const leftSmaller = mid - start <= end - mid;
      const small = leftSmaller ? histogram(start, mid) : histogram(mid, end);
      for (let j = 0; j < hist.length; j++) hist[j]! -= small[j]!;
      leftHist = leftSmaller ? small : hist;
      rightHist = leftSmaller ? hist : small;
    }
    const empty = new Float64Array(0);
    tree.left[node] = grow(start, mid, depth + 1, leftHist ?? empty);
    tree.right[node] = grow(mid, end, depth + 1, rightHist ?? empty);
    return node;
  };
  const bestSplit = (hist: Histogram, total: number, G: number, H: number): Split | null => {
    const parentScore = (G * G) / (H + o.lambda);
    let best: Split | null = null;
    for (const f of features) {
      const nEdges = data.edges[f]!.length;
      let gl = 0;
      let hl = 0;
      let nl = 0;
      const base = offsets[f]!;
      for (let b = 0; b < nEdges; b++) {
        gl += hist[base + b * 3]!;
        hl += hist[base + b * 3 + 1]!;
        nl += hist[base + b * 3 + 2]!;
        if (nl < o.minSamplesLeaf || hl < o.minChildWeight) continue;
        const gr = G - gl;
        const hr = H - hl;
        if (total - nl < o.minSamplesLeaf || hr < o.minChildWeight) break;
        const gain = (gl * gl) / (hl + o.lambda) + (gr * gr) / (hr + o.lambda) - parentScore;
        if (gain > 1e-12 && (best === null || gain > best.gain)) best = { gain, feature: f, bin: b };
      }
    }
    return best;
  };
  grow(0, m, 0, o.maxDepth > 0 ? histogram(0, m) : new Float64Array(0));
  return { tree, bins };
}

/** Leaf values are stored with 7 significant digits so a model reloaded from JSON predicts identically. */
const round = (v: number): number => Number(v.toPrecision(7));
