/**
 * Maps a raw model margin to a calibrated probability, fitted on held-out
 * rows: Platt scaling (a logistic curve) or isotonic regression (pool
 * adjacent violators, interpolated linearly between block centres).
 * Both are monotone non-decreasing in the margin.
 */
export type Calibration =
  | { readonly kind: 'platt'; readonly a: number; readonly b: number }
  | { readonly kind: 'isotonic'; readonly x: readonly number[]; readonly y: readonly number[] };

export function calibrate(c: Calibration, margin: number): number {
  if (c.kind === 'platt') return 1 / (1 + Math.exp(-(c.a * margin + c.b)));
  const { x, y } = c;
  if (x.length === 0) return 1 / (1 + Math.exp(-margin));
  if (margin <= x[0]!) return y[0]!;
  if (margin >= x[x.length - 1]!) return y[y.length - 1]!;
  let lo = 0;
  let hi = x.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (x[mid]! <= margin) lo = mid;
    else hi = mid;
  }
  const span = x[hi]! - x[lo]!;
  if (!(span > 0)) return y[hi]!;
  const t = (margin - x[lo]!) / span;
  return y[lo]! + t * (y[hi]! - y[lo]!);
}

/**
 * Platt scaling: the logistic curve minimizing log-loss against Platt's smoothed targets, by
 * Newton's method with a backtracking line search (Lin, Lin and Weng, "A note on Platt's
 * probabilistic outputs for support vector machines", 2007). Plain Newton steps overshoot
 * once the held-out rows are nearly separable: the curvature vanishes, the slope ran off to
 * about 1e14, and every probability became 0 or 1. With the line search each step lowers the
 * loss, and the smoothed targets keep the optimum finite.
 */
export function fitPlatt(margins: ArrayLike<number>, labels: ArrayLike<number>): Calibration {
  const n = margins.length;
  let nPos = 0;
  for (let i = 0; i < n; i++) nPos += labels[i]! > 0 ? 1 : 0;
  const hi = (nPos + 1) / (nPos + 2);
  const lo = 1 / (n - nPos + 2);
  const target = (i: number): number => (labels[i]! > 0 ? hi : lo);
  /** Log-loss of the curve sigmoid(a·m + b), computed without overflow. */
  const loss = (a: number, b: number): number => {
    let f = 0;
    for (let i = 0; i < n; i++) {
      const z = a * margins[i]! + b;
      const t = target(i);
      f += z >= 0 ? (1 - t) * z + Math.log1p(Math.exp(-z)) : -t * z + Math.log1p(Math.exp(z));
    }
    return f;
  };
  let a = 1;
  let b = 0;
  let f = loss(a, b);
  for (let iter = 0; iter < 100; iter++) {
    let ga = 0;
    let gb = 0;
    let haa = 1e-12;
    let hab = 0;
    let hbb = 1e-12;
    for (let i = 0; i < n; i++) {
      const m = margins[i]!;
      const p = 1 / (1 + Math.exp(-(a * m + b)));
      const d = p - target(i);
      const h = p * (1 - p);
      ga += d * m;
      gb += d;
      haa += h * m * m;
      hab += h * m;
      hbb += h;
    }
    if (Math.abs(ga) < 1e-9 && Math.abs(gb) < 1e-9) break;
    const det = haa * hbb - hab * hab;
    if (!(Math.abs(det) > 0)) break;
    const da = -(hbb * ga - hab * gb) / det;
    const db = -(haa * gb - hab * ga) / det;
    const slope = ga * da + gb * db;
    let step = 1;
    while (step >= 1e-10) {
      const next = loss(a + step * da, b + step * db);
      if (next < f + 1e-4 * step * slope) {
        a += step * da;
        b += step * db;
        f = next;
        break;
      }
      step /= 2;
    }
    if (step < 1e-10 || Math.abs(step * da) + Math.abs(step * db) < 1e-10) break;
  }
  // A negative slope would reverse the ranking; keep the curve monotone.
  if (!(a > 0)) a = 1e-6;
  return { kind: 'platt', a: round(a), b: round(b) };
}

/** Isotonic regression (PAV), with block means placed at the block's mean margin. */
export function fitIsotonic(margins: ArrayLike<number>, labels: ArrayLike<number>): Calibration {
  const order = Array.from({ length: margins.length }, (_, i) => i).sort((i, j) => margins[i]! - margins[j]!);
  const sumY: number[] = [];
  const sumX: number[] = [];
  const count: number[] = [];
  for (const i of order) {
    sumY.push(labels[i]! > 0 ? 1 : 0);
    sumX.push(margins[i]!);
    count.push(1);
    while (
      sumY.length > 1 &&
      sumY[sumY.length - 2]! / count[count.length - 2]! >= sumY[sumY.length - 1]! / count[count.length - 1]!
    ) {
      const y = sumY.pop()!;
      const x = sumX.pop()!;
      const c = count.pop()!;
      sumY[sumY.length - 1]! += y;
      sumX[sumX.length - 1]! += x;
      count[count.length - 1]! += c;
    }
  }
  return {
    kind: 'isotonic',
    x: sumX.map((x, i) => round(x / count[i]!)),
    y: sumY.map((y, i) => round(y / count[i]!)),
  };
}

const round = (v: number): number => Number(v.toPrecision(7));
