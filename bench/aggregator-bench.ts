// Scenario 8: the aggregator on its own — time to aggregate N candidates of a given length, no I/O.
import { existsSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { AggregateOptions, CandidateInput, Decision } from '../src/aggregator/types.js'
import { answerText, BENCH_QUESTION } from './answer-text.js'
import { REPO_ROOT } from './processes.js'
import { roundSummary, summarize, type Summary } from './stats.js'

type Aggregate = (question: string, candidates: readonly CandidateInput[], options: AggregateOptions) => Decision

export interface AggregatorCase {
  candidates: number
  words: number
  /** Average length of the generated answers, in words. */
  actualWords: number
  strategy: string
  iterations: number
  ms: Summary
}

/** The built module when there is one (the code the server runs), else the TypeScript source through tsx. */
async function loadAggregate (): Promise<{ aggregate: Aggregate, from: string }> {
  const built = path.join(REPO_ROOT, 'dist', 'src', 'aggregator', 'index.js')
  const from = existsSync(built) ? built : path.join(REPO_ROOT, 'src', 'aggregator', 'index.ts')
  const mod = await import(pathToFileURL(from).href) as { aggregate: Aggregate }
  return { aggregate: mod.aggregate, from: path.relative(REPO_ROOT, from) }
}

export function benchCandidates (count: number, words: number): CandidateInput[] {
  return Array.from({ length: count }, (_, i) => ({
    provider: `provider-${i + 1}`,
    model: `model-${i + 1}`,
    status: 'ok' as const,
    text: answerText(100 + i, words),
    finishReason: 'stop',
    latencyMs: 100 + i * 10,
    weight: 1,
    trackRecord: 1
  }))
}

export async function benchAggregator (budgetMs: number, sizes = [3, 5, 10], lengths = [300, 1500]): Promise<{ module: string, cases: AggregatorCase[] }> {
  const { aggregate, from } = await loadAggregate()
  const cases: AggregatorCase[] = []
  for (const words of lengths) {
    for (const count of sizes) {
      const candidates = benchCandidates(count, words)
      const options: AggregateOptions = { strategy: 'auto' }
      let decision: Decision | undefined
      // Warm-up, so the figures are for optimised code, as in a server that has been running.
      for (let i = 0; i < 20; i++) decision = aggregate(BENCH_QUESTION, candidates, options)
      const times: number[] = []
      const until = performance.now() + budgetMs
      while ((performance.now() < until || times.length < 30) && times.length < 5000) {
        const t0 = performance.now()
        decision = aggregate(BENCH_QUESTION, candidates, options)
        times.push(performance.now() - t0)
      }
      cases.push({
        candidates: count,
        words,
        actualWords: Math.round(candidates.reduce((s, c) => s + c.text.split(/\s+/).length, 0) / count),
        strategy: decision?.strategy ?? 'unknown',
        iterations: times.length,
        ms: roundSummary(summarize(times), 3)
      })
    }
  }
  return { module: from, cases }
}
