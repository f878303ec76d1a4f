// `npm run eval`: every aggregation strategy measured on the recorded four-model GSM8K answers.

import { readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { aggregate } from '../aggregator/index.js'
import { extractFinalAnswer } from '../aggregator/extract.js'
import type { CandidateInput, Decision, Strategy } from '../aggregator/types.js'
import { STRATEGIES } from '../aggregator/types.js'

export const MODEL_KEYS = ['6b_finetuning', '6b_verification', '175b_finetuning', '175b_verification'] as const
export type ModelKey = (typeof MODEL_KEYS)[number]

export interface FixtureRow {
  question: string
  ground_truth: string
  solutions: Record<ModelKey, { isCorrect: boolean, text: string }>
}

export const DEFAULT_FIXTURE = resolve(fileURLToPath(new URL('../../', import.meta.url)), '../shared/fixtures/gsm8k-ensemble-dev.jsonl')

export function parseFixture (content: string): FixtureRow[] {
  return content.split('\n').filter(line => line.trim() !== '').map((line, i) => {
    const raw = JSON.parse(line) as Record<string, unknown>
    const solutions = {} as FixtureRow['solutions']
    for (const key of MODEL_KEYS) {
      const entry = raw[key] as { is_correct?: unknown, solution?: unknown } | undefined
      if (entry === undefined || typeof entry.solution !== 'string' || typeof entry.is_correct !== 'boolean') {
        throw new Error(`fixture line ${i + 1}: missing or malformed "${key}"`)
      }
      solutions[key] = { isCorrect: entry.is_correct, text: entry.solution }
    }
    if (typeof raw.question !== 'string' || typeof raw.ground_truth !== 'string') {
      throw new Error(`fixture line ${i + 1}: missing question or ground_truth`)
    }
    return { question: raw.question, ground_truth: raw.ground_truth, solutions }
  })
}

/** Row in the `npm run aggregate` input format. */
export function toAggregateLine (row: FixtureRow, id: string): { id: string, question: string, candidates: { provider: string, model: string, text: string }[] } {
  return {
    id,
    question: row.question,
    candidates: MODEL_KEYS.map(key => ({ provider: key, model: key, text: row.solutions[key].text }))
  }
}

export type TrackRecords = Partial<Record<ModelKey, number>>

export function candidatesOf (row: FixtureRow, trackRecords: TrackRecords): CandidateInput[] {
  return MODEL_KEYS.map(key => ({
    provider: key,
    model: key,
    status: 'ok',
    text: row.solutions[key].text,
    finishReason: 'stop',
    trackRecord: trackRecords[key]
  }))
}

/** Each model's accuracy on the given rows: the "track record" a prior is fitted from. */
export function fitTrackRecords (rows: readonly FixtureRow[], indices: readonly number[]): Record<ModelKey, number> {
  const out = {} as Record<ModelKey, number>
  for (const key of MODEL_KEYS) {
    out[key] = indices.filter(i => rows[i].solutions[key].isCorrect).length / indices.length
  }
  return out
}

export interface Outcome {
  correct: boolean
  confidence: number
  agreement: number | null
}

/** Correct when the chosen candidate is one the fixture marks correct (its own gold label). */
export function decide (row: FixtureRow, strategy: Strategy, trackRecords: TrackRecords): { decision: Decision, outcome: Outcome } {
  const decision = aggregate(row.question, candidatesOf(row, trackRecords), { strategy })
  const chosen = decision.chosen?.provider as ModelKey | undefined
  const correct = chosen !== undefined && row.solutions[chosen].isCorrect
  return { decision, outcome: { correct, confidence: decision.confidence, agreement: decision.agreement ?? null } }
}

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

/** Mean with a 95 % percentile bootstrap interval over rows. */
export function bootstrapMean (values: readonly number[], resamples: number, seed: number): Interval {
  const n = values.length
  const mean = values.reduce((a, b) => a + b, 0) / n
  const random = mulberry32(seed)
  const means: number[] = []
  for (let r = 0; r < resamples; r++) {
    let sum = 0
    for (let i = 0; i < n; i++) sum += values[Math.floor(random() * n)]
    means.push(sum / n)
  }
  means.sort((a, b) => a - b)
  return { mean, low: means[Math.floor(0.025 * resamples)], high: means[Math.min(resamples - 1, Math.ceil(0.975 * resamples) - 1)] }
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

export const HIGH_CONFIDENCE = 0.75

export interface StrategyReport {
  accuracy: Interval
  auroc: number
  coverageHigh: number
  accuracyHigh: number
}

export function summarise (outcomes: readonly Outcome[], resamples: number, seed: number): StrategyReport {
  const high = outcomes.filter(o => o.confidence >= HIGH_CONFIDENCE)
  return {
    accuracy: bootstrapMean(outcomes.map(o => (o.correct ? 1 : 0)), resamples, seed),
    auroc: auroc(outcomes.map(o => o.confidence), outcomes.map(o => o.correct)),
    coverageHigh: high.length / outcomes.length,
    accuracyHigh: high.length === 0 ? NaN : high.filter(o => o.correct).length / high.length
  }
}

export const EVEN = (n: number): number[] => Array.from({ length: Math.ceil(n / 2) }, (_, i) => 2 * i)
export const ODD = (n: number): number[] => Array.from({ length: Math.floor(n / 2) }, (_, i) => 2 * i + 1)

/** Strategies as aggregate() runs them offline (`synthesize` is its consensus fallback there). */
export const EVAL_STRATEGIES: readonly Strategy[] = STRATEGIES

export interface Split {
  name: string
  indices: number[]
  /** Track records per row index (cross-fitting gives each half the other half's). */
  trackRecordsFor: (index: number) => TrackRecords
}

export interface EvalReport {
  rows: number
  splits: {
    name: string
    n: number
    baselines: Record<string, Interval>
    strategies: Record<string, StrategyReport>
  }[]
  trackRecords: { even: Record<ModelKey, number>, odd: Record<ModelKey, number> }
}

export function splitsFor (rows: readonly FixtureRow[]): { splits: Split[], even: Record<ModelKey, number>, odd: Record<ModelKey, number> } {
  const even = EVEN(rows.length)
  const odd = ODD(rows.length)
  const fitEven = fitTrackRecords(rows, even)
  const fitOdd = fitTrackRecords(rows, odd)
  const all = [...rows.keys()]
  return {
    even: fitEven,
    odd: fitOdd,
    splits: [
      { name: 'odd half, priors fitted on even (held out)', indices: odd, trackRecordsFor: () => fitEven },
      { name: 'even half, priors fitted on even (fitting half)', indices: even, trackRecordsFor: () => fitEven },
      { name: 'whole file, 2-fold cross-fitted priors', indices: all, trackRecordsFor: i => (i % 2 === 0 ? fitOdd : fitEven) },
      { name: 'whole file, equal priors (nothing fitted)', indices: all, trackRecordsFor: () => ({}) }
    ]
  }
}

export function evaluate (rows: readonly FixtureRow[], options: { resamples?: number, seed?: number, strategies?: readonly Strategy[] } = {}): EvalReport {
  const resamples = options.resamples ?? 1000
  const seed = options.seed ?? 20240501
  const strategies = options.strategies ?? EVAL_STRATEGIES
  const { splits, even, odd } = splitsFor(rows)
  return {
    rows: rows.length,
    trackRecords: { even, odd },
    splits: splits.map(split => {
      const baselines: Record<string, Interval> = {}
      for (const key of MODEL_KEYS) {
        baselines[key] = bootstrapMean(split.indices.map(i => (rows[i].solutions[key].isCorrect ? 1 : 0)), resamples, seed)
      }
      baselines['random pick'] = bootstrapMean(split.indices.map(i =>
        MODEL_KEYS.filter(k => rows[i].solutions[k].isCorrect).length / MODEL_KEYS.length), resamples, seed)
      baselines['oracle (any right)'] = bootstrapMean(split.indices.map(i =>
        (MODEL_KEYS.some(k => rows[i].solutions[k].isCorrect) ? 1 : 0)), resamples, seed)
      const reports: Record<string, StrategyReport> = {}
      for (const strategy of strategies) {
        const outcomes = split.indices.map(i => decide(rows[i], strategy, split.trackRecordsFor(i)).outcome)
        reports[strategy] = summarise(outcomes, resamples, seed)
      }
      return { name: split.name, n: split.indices.length, baselines, strategies: reports }
    })
  }
}

/** Logistic regression of correctness on the vote share (Newton's method), for VOTE_CALIBRATION. */
export function fitCalibration (points: readonly { x: number, y: boolean }[]): { intercept: number, slope: number } {
  let a = 0
  let b = 0
  for (let iteration = 0; iteration < 50; iteration++) {
    let ga = 0; let gb = 0; let haa = 0; let hab = 0; let hbb = 0
    for (const { x, y } of points) {
      const p = 1 / (1 + Math.exp(-(a + b * x)))
      const w = p * (1 - p)
      ga += p - (y ? 1 : 0)
      gb += (p - (y ? 1 : 0)) * x
      haa += w; hab += w * x; hbb += w * x * x
    }
    const det = haa * hbb - hab * hab
    if (Math.abs(det) < 1e-12) break
    const da = (hbb * ga - hab * gb) / det
    const db = (haa * gb - hab * ga) / det
    a -= da
    b -= db
    if (Math.abs(da) + Math.abs(db) < 1e-10) break
  }
  return { intercept: a, slope: b }
}

/** Fits VOTE_CALIBRATION on the even half (priors fitted there too) and checks it on the odd half. */
export function calibrationReport (rows: readonly FixtureRow[]): string {
  const even = EVEN(rows.length)
  const odd = ODD(rows.length)
  const track = fitTrackRecords(rows, even)
  const pointsOf = (indices: number[]): { x: number, y: boolean }[] => indices.flatMap(i => {
    const { outcome } = decide(rows[i], 'vote', track)
    return outcome.agreement === null ? [] : [{ x: outcome.agreement, y: outcome.correct }]
  })
  const fit = fitCalibration(pointsOf(even))
  const lines = [`VOTE_CALIBRATION fitted on the even half: intercept ${fit.intercept.toFixed(2)}, slope ${fit.slope.toFixed(2)}`]
  lines.push('Reliability on the odd half (vote share bucket: n, mean calibrated confidence, accuracy):')
  const buckets = new Map<string, { n: number, conf: number, right: number }>()
  for (const { x, y } of pointsOf(odd)) {
    const label = x >= 0.9 ? '≥0.90' : x >= 0.7 ? '0.70-0.90' : x >= 0.5 ? '0.50-0.70' : x >= 0.35 ? '0.35-0.50' : '<0.35'
    const bucket = buckets.get(label) ?? { n: 0, conf: 0, right: 0 }
    bucket.n++
    bucket.conf += 1 / (1 + Math.exp(-(fit.intercept + fit.slope * x)))
    bucket.right += y ? 1 : 0
    buckets.set(label, bucket)
  }
  for (const label of ['<0.35', '0.35-0.50', '0.50-0.70', '0.70-0.90', '≥0.90']) {
    const b = buckets.get(label)
    if (b !== undefined) lines.push(`  ${label.padEnd(10)} n=${String(b.n).padStart(3)}  conf ${(b.conf / b.n).toFixed(2)}  acc ${(b.right / b.n).toFixed(2)}`)
  }
  return lines.join('\n')
}

const pct = (x: number): string => (Number.isNaN(x) ? '   -  ' : `${(100 * x).toFixed(1).padStart(5)}%`)
const ci = (i: Interval): string => `${pct(i.mean)} [${(100 * i.low).toFixed(1)}, ${(100 * i.high).toFixed(1)}]`

export function formatReport (report: EvalReport): string {
  const out: string[] = []
  out.push(`GSM8K ensemble dev fixture: ${report.rows} questions, 4 models. Accuracy with 95 % bootstrap intervals.`)
  const fmt = (r: Record<ModelKey, number>): string => MODEL_KEYS.map(k => `${k} ${r[k].toFixed(3)}`).join(', ')
  out.push(`Priors (track records) fitted on even half: ${fmt(report.trackRecords.even)}`)
  out.push(`Priors (track records) fitted on odd half:  ${fmt(report.trackRecords.odd)}`)
  for (const split of report.splits) {
    out.push('', `## ${split.name} (n=${split.n})`, '')
    out.push('| method | accuracy [95 % CI] | AUROC | coverage @≥0.75 | accuracy @≥0.75 |')
    out.push('|---|---|---|---|---|')
    for (const [name, interval] of Object.entries(split.baselines)) out.push(`| ${name} | ${ci(interval)} | | | |`)
    for (const [name, s] of Object.entries(split.strategies)) {
      const label = name === 'synthesize' ? 'synthesize (offline: consensus fallback)' : name
      out.push(`| **${label}** | ${ci(s.accuracy)} | ${Number.isNaN(s.auroc) ? '-' : s.auroc.toFixed(3)} | ${pct(s.coverageHigh)} | ${pct(s.accuracyHigh)} |`)
    }
  }
  return out.join('\n')
}

interface Args { fixture: string, fit: boolean, seed: number, resamples: number, exportTo: string | null }

function parseArgs (argv: readonly string[]): Args {
  const args: Args = { fixture: DEFAULT_FIXTURE, fit: false, seed: 20240501, resamples: 1000, exportTo: null }
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]
    if (flag === '--fit') {
      args.fit = true
      continue
    }
    const value = argv[++i]
    if (value === undefined) throw new Error(`missing value for ${flag}`)
    switch (flag) {
      case '--fixture': args.fixture = resolve(value); break
      case '--export': args.exportTo = resolve(value); break
      case '--seed': args.seed = Number(value); break
      case '--resamples': args.resamples = Number(value); break
      default: throw new Error(`unknown option: ${flag}`)
    }
  }
  if (!Number.isInteger(args.seed) || !Number.isInteger(args.resamples) || args.resamples < 100) {
    throw new Error('--seed must be an integer and --resamples an integer ≥ 100')
  }
  return args
}

function main (): void {
  let args: Args
  try {
    args = parseArgs(process.argv.slice(2))
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\nusage: npm run eval -- [--fixture FILE.jsonl] [--fit] [--seed N] [--resamples N] [--export OUT.jsonl]\n`)
    process.exitCode = 1
    return
  }
  let rows: FixtureRow[]
  try {
    rows = parseFixture(readFileSync(args.fixture, 'utf8'))
  } catch (err) {
    process.stderr.write(`cannot read the fixture ${args.fixture}: ${(err as Error).message}\n`)
    process.exitCode = 1
    return
  }
  if (args.exportTo !== null) {
    // The fixture in `npm run aggregate` input format, to replay it through the command-line tool.
    writeFileSync(args.exportTo, rows.map((row, i) => JSON.stringify(toAggregateLine(row, `gsm8k-${i}`))).join('\n') + '\n')
  }
  const goldMismatches = rows.filter(row => extractFinalAnswer(row.ground_truth) === null).length
  if (goldMismatches > 0) process.stderr.write(`warning: ${goldMismatches} gold answers without an extractable final answer\n`)
  process.stdout.write(formatReport(evaluate(rows, { resamples: args.resamples, seed: args.seed })) + '\n')
  if (args.fit) process.stdout.write('\n' + calibrationReport(rows) + '\n')
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main()
