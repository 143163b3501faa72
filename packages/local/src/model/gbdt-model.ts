/**
 * A trained gradient-boosted tree ensemble for binary classification
 * (logistic loss). Trees are flat arrays; a node with feature -1 is a leaf.
 * Rows go left when `x[feature] <= threshold` (NaN counts as -Infinity).
 */
export interface GbdtTree {
  readonly feature: number[];
  readonly threshold: number[];
  readonly left: number[];
  readonly right: number[];
  /** Leaf values (already scaled by the learning rate); 0 for inner nodes. */
  readonly value: number[];
  /**
   * Training hessian sum reaching each node (XGBoost's "cover"), for per-feature explanations
   * (see gbdt-contributions). Absent in models trained before it was recorded.
   */
  readonly cover?: number[];
}

export interface GbdtModel {
  readonly nFeatures: number;
  /** Initial log-odds. */
  readonly baseScore: number;
  readonly trees: readonly GbdtTree[];
}

/** Raw margin (log-odds) of one row. */
export function gbdtMargin(model: GbdtModel, x: ArrayLike<number>): number {
  let sum = model.baseScore;
  for (const tree of model.trees) {
    let node = 0;
    for (;;) {
      const f = tree.feature[node]!;
      if (f < 0) break;
      const v = x[f]!;
      node = v <= tree.threshold[node]! || Number.isNaN(v) ? tree.left[node]! : tree.right[node]!;
    }
    sum += tree.value[node]!;
  }
  return sum;
}

export const sigmoid = (m: number): number => 1 / (1 + Math.exp(-m));

/** Total split gain per feature, a standard importance measure. */
export function gainImportance(model: GbdtModel, gains: readonly number[][]): Float64Array {
  const out = new Float64Array(model.nFeatures);
  model.trees.forEach((tree, t) => {
    tree.feature.forEach((f, node) => {
      if (f >= 0) out[f]! += gains[t]?.[node] ?? 0;
    });
  });
  return out;
}
