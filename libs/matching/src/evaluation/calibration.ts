/**
 * Fitting the matcher's calibration (core/score.ts): a logistic regression of "worth a look"
 * (grade ≥ 1) on a few feature values, by Newton's method (iteratively reweighted least
 * squares) with a small ridge penalty so that separable data still gives finite weights.
 * Plain arithmetic on plain data, small enough to check by hand: with k features it solves a
 * (k+1)×(k+1) linear system per step.
 */

export interface Example {
  /** Feature values, in a fixed order. */
  x: readonly number[];
  /** 1 when the pair is worth a look, else 0. */
  y: 0 | 1;
  /** How much this example counts (e.g. 1 / examples of its set, so that every set counts alike). */
  weight?: number;
}

export interface LogisticFit {
  intercept: number;
  coefficients: number[];
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export function predict(fit: LogisticFit, x: readonly number[]): number {
  return sigmoid(fit.coefficients.reduce((z, c, i) => z + c * x[i], fit.intercept));
}

/** Maximum-likelihood logistic regression (ridge `lambda` on the coefficients, not the intercept). */
export function fitLogistic(examples: readonly Example[], lambda = 1e-3, steps = 50): LogisticFit {
  const k = examples[0]?.x.length ?? 0;
  let beta = new Array<number>(k + 1).fill(0);
  for (let step = 0; step < steps; step++) {
    const gradient = new Array<number>(k + 1).fill(0);
    const hessian = Array.from({ length: k + 1 }, () => new Array<number>(k + 1).fill(0));
    for (const example of examples) {
      const row = [1, ...example.x];
      const w = example.weight ?? 1;
      const p = sigmoid(row.reduce((z, v, i) => z + v * beta[i], 0));
      for (let i = 0; i <= k; i++) {
        gradient[i] += w * (example.y - p) * row[i];
        for (let j = 0; j <= k; j++) hessian[i][j] += w * p * (1 - p) * row[i] * row[j];
      }
    }
    for (let i = 1; i <= k; i++) {
      gradient[i] -= lambda * beta[i];
      hessian[i][i] += lambda;
    }
    const delta = solve(hessian, gradient);
    beta = beta.map((b, i) => b + delta[i]);
    if (Math.max(...delta.map(Math.abs)) < 1e-9) break;
  }
  return { intercept: beta[0], coefficients: beta.slice(1) };
}

/** Solves A·x = b by Gaussian elimination with partial pivoting (A is small and positive definite). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) pivot = r;
    [m[col], m[pivot]] = [m[pivot], m[col]];
    for (let r = 0; r < n; r++) {
      if (r === col || m[col][col] === 0) continue;
      const factor = m[r][col] / m[col][col];
      for (let c = col; c <= n; c++) m[r][c] -= factor * m[col][c];
    }
  }
  return m.map((row, i) => (row[i] === 0 ? 0 : row[n] / row[i]));
}
