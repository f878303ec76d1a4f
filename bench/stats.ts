// Small exact statistics over recorded samples (no histogram rounding: overheads are sub-millisecond).

export interface Summary {
  n: number
  mean: number
  p50: number
  p90: number
  p99: number
  max: number
  min: number
}

/** Nearest-rank percentile of an ascending array. */
export function percentile (sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] as number
}

export function summarize (values: number[]): Summary {
  const sorted = values.filter(v => Number.isFinite(v)).sort((a, b) => a - b)
  const n = sorted.length
  const sum = sorted.reduce((s, v) => s + v, 0)
  return {
    n,
    mean: n === 0 ? Number.NaN : sum / n,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: n === 0 ? Number.NaN : sorted[n - 1] as number,
    min: n === 0 ? Number.NaN : sorted[0] as number
  }
}

export function median (values: number[]): number {
  return percentile([...values].sort((a, b) => a - b), 50)
}

/** Rounds for the report: enough digits to see sub-millisecond differences, no noise beyond that. */
export function round (value: number, digits = 2): number {
  if (!Number.isFinite(value)) return value
  const f = 10 ** digits
  return Math.round(value * f) / f
}

export function roundSummary (s: Summary, digits = 2): Summary {
  return {
    n: s.n,
    mean: round(s.mean, digits),
    p50: round(s.p50, digits),
    p90: round(s.p90, digits),
    p99: round(s.p99, digits),
    max: round(s.max, digits),
    min: round(s.min, digits)
  }
}
