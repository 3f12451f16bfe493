/**
 * Honest numbers for what citizens say (issue 13 item 5): every figure comes with its n, a
 * proportion is ranked by its Wilson lower bound, a 1–5 mean carries a 95% interval and is
 * ranked by a Bayesian average that pulls small samples towards a prior. Everything here works
 * from running totals (n, Σx, Σx²), so a rollup row is enough and no raw rows are read.
 */

/** The two-sided 95% normal quantile. */
export const Z_95 = 1.959963984540054

/**
 * Lower bound of the Wilson score interval for `positive` out of `n`, at 95% by default.
 * Unlike the plain ratio, 1 of 1 does not outrank 95 of 100. 0 when n is 0.
 */
export function wilsonLowerBound(positive: number, n: number, z = Z_95): number {
  if (!Number.isInteger(positive) || !Number.isInteger(n) || positive < 0 || positive > n)
    throw new RangeError(`wilsonLowerBound: need 0 ≤ positive ≤ n integers (${positive}/${n})`)
  // Exactly 0 with no positive answer (the formula leaves a rounding crumb there).
  if (positive === 0) return 0
  const p = positive / n
  const z2 = z * z
  const centre = p + z2 / (2 * n)
  const spread = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))
  return Math.max(0, (centre - spread) / (1 + z2 / n))
}

/** Running totals of a sample: what a rollup row keeps instead of the raw values. */
export interface SampleTotals {
  n: number
  sum: number
  /** Σx², for the variance. */
  sumSquares: number
}

/** Totals of a list of values (tests and small in-memory samples). */
export function totalsOf(values: readonly number[]): SampleTotals {
  let sum = 0
  let sumSquares = 0
  for (const v of values) {
    sum += v
    sumSquares += v * v
  }
  return { n: values.length, sum, sumSquares }
}

// Student's t, two-sided 95% (0.975 quantile), for 1–30 degrees of freedom.
const T_975 = [
  12.7062047, 4.30265273, 3.18244631, 2.77644511, 2.57058184, 2.44691185, 2.36462425, 2.30600414,
  2.26215716, 2.22813885, 2.20098516, 2.17881283, 2.16036866, 2.14478669, 2.13144955, 2.1199053,
  2.10981558, 2.10092204, 2.09302405, 2.08596345, 2.07961384, 2.07387307, 2.06865761, 2.06389856,
  2.05953855, 2.05552944, 2.05183052, 2.04840714, 2.04522964, 2.04227246,
]

/**
 * The 0.975 quantile of Student's t with `df` degrees of freedom: the exact table up to 30,
 * then the Cornish–Fisher expansion around the normal quantile (error below 1e-5 from 30 on),
 * which tends to 1.96 — so one rule covers small samples (t) and large ones (normal).
 */
export function tQuantile975(df: number): number {
  if (!Number.isInteger(df) || df < 1) throw new RangeError(`tQuantile975: df ${df}`)
  const exact = T_975[df - 1]
  if (exact !== undefined) return exact
  const z = Z_95
  const z3 = z ** 3
  const z5 = z ** 5
  const z7 = z ** 7
  return (
    z +
    (z3 + z) / (4 * df) +
    (5 * z5 + 16 * z3 + 3 * z) / (96 * df ** 2) +
    (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df ** 3)
  )
}

export interface MeanInterval {
  n: number
  mean: number
  /** The 95% interval of the mean (t with n−1 degrees of freedom); [mean, mean] when n is 1. */
  ci95: [number, number]
}

/** Mean and its 95% t interval from running totals; null when there is no value. */
export function meanInterval(t: SampleTotals): MeanInterval | null {
  if (t.n <= 0) return null
  const mean = t.sum / t.n
  if (t.n === 1) return { n: 1, mean, ci95: [mean, mean] }
  // Sample variance from the totals; clamped at 0 against rounding when all values are equal.
  const variance = Math.max(0, (t.sumSquares - t.n * mean * mean) / (t.n - 1))
  const half = tQuantile975(t.n - 1) * Math.sqrt(variance / t.n)
  return { n: t.n, mean, ci95: [mean - half, mean + half] }
}

/** What a Bayesian average assumes before any value arrives: `weight` pseudo-values of `mean`. */
export interface Prior {
  mean: number
  weight: number
}

/**
 * Bayesian average: (weight·priorMean + Σx) / (weight + n). Used for ranking, so a service with
 * two 5s does not outrank one with two hundred 4.6s. The prior mean when n is 0.
 */
export function bayesianAverage(t: Pick<SampleTotals, 'n' | 'sum'>, prior: Prior): number {
  if (prior.weight < 0) throw new RangeError('bayesianAverage: negative prior weight')
  if (prior.weight + t.n === 0) return prior.mean
  return (prior.weight * prior.mean + t.sum) / (prior.weight + t.n)
}
