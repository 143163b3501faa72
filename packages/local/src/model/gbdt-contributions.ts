import type { GbdtModel, GbdtTree } from './gbdt-model.js';

/** Why a GBDT gave one row its margin: a bias plus one additive contribution per feature. */
export interface MarginContributions {
  /** baseScore + each tree's expected value over the training data (what any row starts from). */
  readonly bias: number;
  /** Log-odds added by each feature along the paths this row took, indexed like the features. */
  readonly contributions: Float64Array;
  /** bias + Σ contributions; equals `gbdtMargin` of the row. */
  readonly margin: number;
  /** 'cover': node expectations weighted by training cover; 'uniform': the model predates covers, leaves weighted equally. */
  readonly weighting: 'cover' | 'uniform';
}

/**
 * Path attribution (Saabas): walking each tree, the change in the node's expected value at
 * every split is credited to the split's feature. Exact by construction: bias plus the
 * contributions is the row's margin. Expected values weight children by training cover when
 * the model recorded it, else equally.
 */
export function marginContributions(model: GbdtModel, x: ArrayLike<number>): MarginContributions {
  const contributions = new Float64Array(model.nFeatures);
  let bias = model.baseScore;
  let margin = model.baseScore;
  const uniform = model.trees.some((t) => !t.cover);
  for (const tree of model.trees) {
    const expected = expectedValues(tree, uniform);
    bias += expected[0]!;
    let node = 0;
    for (;;) {
      const f = tree.feature[node]!;
      if (f < 0) break;
      const v = x[f]!;
      const next = v <= tree.threshold[node]! || Number.isNaN(v) ? tree.left[node]! : tree.right[node]!;
      contributions[f]! += expected[next]! - expected[node]!;
      node = next;
    }
    margin += tree.value[node]!;
  }
  return { bias, contributions, margin, weighting: uniform ? 'uniform' : 'cover' };
}

const cache = new WeakMap<GbdtTree, Float64Array>();

/** Each node's expected leaf value (children weighted by cover, or equally), cached per tree. */
function expectedValues(tree: GbdtTree, uniform: boolean): Float64Array {
  const hit = cache.get(tree);
  if (hit) return hit;
  const n = tree.feature.length;
  const expected = new Float64Array(n);
  const weight = new Float64Array(n);
  // Children always have larger indices than their parent (trees are grown depth-first).
  for (let node = n - 1; node >= 0; node--) {
    if (tree.feature[node]! < 0) {
      expected[node] = tree.value[node]!;
      weight[node] = uniform ? 1 : Math.max(tree.cover![node]!, 1e-12);
      continue;
    }
    const l = tree.left[node]!;
    const r = tree.right[node]!;
    const wl = uniform ? 1 : weight[l]!;
    const wr = uniform ? 1 : weight[r]!;
    expected[node] = (expected[l]! * wl + expected[r]! * wr) / (wl + wr);
    weight[node] = uniform ? 1 : tree.cover![node]!;
  }
  cache.set(tree, expected);
  return expected;
}
