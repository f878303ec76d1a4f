// Statistics the evaluation reports: means with bootstrap intervals and AUROC.

/** Deterministic PRNG (mulberry32), so bootstrap intervals are reproducible. */
export function mulberry32 (seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export interface Interval { mean: number, low: number, high: number }

export function mean (values: readonly number[]): number {
  return values.length === 0 ? NaN : values.reduce((a, b) => a + b, 0) / values.length
}

/** Mean with a 95 % percentile bootstrap interval. */
export function bootstrapMean (values: readonly number[], resamples = 1000, seed = 20240501): Interval {
  const n = values.length
  const random = mulberry32(seed)
  const means: number[] = []
  for (let r = 0; r < resamples; r++) {
    let sum = 0
    for (let i = 0; i < n; i++) sum += values[Math.floor(random() * n)]
    means.push(sum / n)
  }
  means.sort((a, b) => a - b)
  return { mean: mean(values), low: means[Math.floor(0.025 * resamples)], high: means[Math.min(resamples - 1, Math.ceil(0.975 * resamples) - 1)] }
}

/** Area under the ROC curve of `scores` against `labels` (Mann–Whitney U, ties count half). */
export function auroc (scores: readonly number[], labels: readonly boolean[]): number {
  const order = scores.map((s, i) => ({ s, positive: labels[i] })).sort((a, b) => a.s - b.s)
  let rankSumPositive = 0
  let positives = 0
  for (let i = 0; i < order.length;) {
    let j = i
    while (j < order.length && order[j].s === order[i].s) j++
    const averageRank = (i + 1 + j) / 2
    for (let k = i; k < j; k++) {
      if (order[k].positive) {
        rankSumPositive += averageRank
        positives++
      }
    }
    i = j
  }
  const negatives = order.length - positives
  if (positives === 0 || negatives === 0) return NaN
  return (rankSumPositive - positives * (positives + 1) / 2) / (positives * negatives)
}

export const pct = (x: number): string => (Number.isNaN(x) ? '  -  ' : `${(100 * x).toFixed(1)} %`)
export const ci = (i: Interval): string => `${pct(i.mean)} [${(100 * i.low).toFixed(1)}, ${(100 * i.high).toFixed(1)}]`
