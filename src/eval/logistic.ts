/**
 * Logistic regression fitted by Newton's method (iteratively reweighted least squares) with an
 * L2 penalty on every weight but the first (the bias). Deterministic: the same rows give the
 * same weights, so `npm run train` reproduces the committed model.
 */
export interface Row {
  x: Float64Array;
  y: 0 | 1;
  /** How much the row counts. Default 1. */
  weight?: number;
}

function solve(a: readonly Float64Array[], b: Float64Array): Float64Array {
  const n = b.length;
  const m: Float64Array[] = [];
  a.forEach((row, i) => {
    const r = new Float64Array(n + 1);
    r.set(row);
    r[n] = b[i] as number;
    m.push(r);
  });
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs((m[r] as Float64Array)[c] as number) > Math.abs((m[pivot] as Float64Array)[c] as number)) pivot = r;
    const swap = m[c] as Float64Array;
    m[c] = m[pivot] as Float64Array;
    m[pivot] = swap;
    const pr = m[c] as Float64Array;
    const p = pr[c] as number;
    if (Math.abs(p) < 1e-12) continue;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const row = m[r] as Float64Array;
      const f = (row[c] as number) / p;
      if (f === 0) continue;
      for (let k = c; k <= n; k++) row[k] = (row[k] as number) - f * (pr[k] as number);
    }
  }
  return Float64Array.from({ length: n }, (_, i) => {
    const row = m[i] as Float64Array;
    const p = row[i] as number;
    return Math.abs(p) < 1e-12 ? 0 : (row[n] as number) / p;
  });
}

/**
 * Fits weights to rows; `lambda` is the L2 penalty (the bias is not penalised). With `signs`, a
 * weight whose sign is given (+1: evidence for, -1: evidence against, 0: either) is held at 0
 * rather than take the other sign: the fit is repeated with the weights that came out the wrong
 * way fixed at 0 until none does.
 */
export function fitLogistic(rows: readonly Row[], dims: number, lambda = 1, iterations = 25, signs?: readonly number[]): number[] {
  const fixed = new Set<number>();
  for (;;) {
    const w = newton(rows, dims, lambda, iterations, fixed);
    const wrong = signs ? w.flatMap((v, k) => ((signs[k] ?? 0) * v < 0 ? [k] : [])) : [];
    if (wrong.length === 0) return w;
    for (const k of wrong) fixed.add(k);
  }
}

function newton(rows: readonly Row[], dims: number, lambda: number, iterations: number, fixed: ReadonlySet<number>): number[] {
  let w = new Float64Array(dims);
  for (let it = 0; it < iterations; it++) {
    const grad = new Float64Array(dims);
    const hess = Array.from({ length: dims }, () => new Float64Array(dims));
    for (const { x, y, weight = 1 } of rows) {
      let z = 0;
      for (let k = 0; k < dims; k++) z += (w[k] as number) * (x[k] as number);
      const p = 1 / (1 + Math.exp(-z));
      const g = (p - y) * weight;
      const h = Math.max(p * (1 - p), 1e-9) * weight;
      for (let a = 0; a < dims; a++) {
        const xa = x[a] as number;
        if (xa === 0) continue;
        grad[a] = (grad[a] as number) + g * xa;
        const row = hess[a] as Float64Array;
        for (let b = 0; b < dims; b++) {
          const xb = x[b] as number;
          if (xb !== 0) row[b] = (row[b] as number) + h * xa * xb;
        }
      }
    }
    for (let k = 1; k < dims; k++) {
      grad[k] = (grad[k] as number) + lambda * (w[k] as number);
      (hess[k] as Float64Array)[k] = ((hess[k] as Float64Array)[k] as number) + lambda;
    }
    (hess[0] as Float64Array)[0] = ((hess[0] as Float64Array)[0] as number) + 1e-6;
    for (const k of fixed) {
      grad[k] = 0;
      for (let j = 0; j < dims; j++) (hess[k] as Float64Array)[j] = (hess[j] as Float64Array)[k] = j === k ? 1 : 0;
    }
    const step = solve(hess, grad);
    let change = 0;
    const next = new Float64Array(dims);
    for (let k = 0; k < dims; k++) {
      next[k] = (w[k] as number) - (step[k] as number);
      change = Math.max(change, Math.abs(step[k] as number));
    }
    w = next;
    if (change < 1e-8) break;
  }
  return [...w].map((v) => Math.round(v * 1e6) / 1e6);
}
