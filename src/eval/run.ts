// The evaluation: how the consolidated answer compares with the single models, on recorded answers.

import { aggregate } from '../aggregator/index.js'
import { detectRefusal } from '../aggregator/refusal.js'
import { wordCount } from '../aggregator/text.js'
import type { ProviderReliability } from '../aggregator/types.js'
import { replay, type RecordedRating } from '../trust/replay.js'
import type { GradedQuestion, LabelledCompletion } from './datasets.js'
import { auroc, mean } from './stats.js'

export interface Outcome {
  /** Grade of the chosen answer: 1/0 right (GSM8K) or the judge's preference (AlpacaEval). */
  grade: number
  confidence: number
}

export interface RunSummary {
  n: number
  score: number
  /** Score on the even- and odd-numbered questions of the same run (the two halves reported apart). */
  even: number
  odd: number
  /** AUROC of the confidence for "the chosen answer is right" (GSM8K) or "wins" (judge preference > 0.5). */
  auroc: number
  /** The same AUROC on the even- and odd-numbered questions. */
  aurocEven: number
  aurocOdd: number
  /** Score over the first N questions, for the learning curve. */
  curve: Record<number, number>
}

export const CURVE_POINTS = [25, 50, 100, 200] as const

export function summarise (outcomes: readonly Outcome[], winAt = 0.5): RunSummary {
  const curve: Record<number, number> = {}
  for (const n of CURVE_POINTS) if (outcomes.length >= n) curve[n] = mean(outcomes.slice(0, n).map(o => o.grade))
  return {
    n: outcomes.length,
    score: mean(outcomes.map(o => o.grade)),
    even: mean(outcomes.filter((_, i) => i % 2 === 0).map(o => o.grade)),
    odd: mean(outcomes.filter((_, i) => i % 2 === 1).map(o => o.grade)),
    auroc: aurocOf(outcomes, winAt),
    aurocEven: aurocOf(outcomes.filter((_, i) => i % 2 === 0), winAt),
    aurocOdd: aurocOf(outcomes.filter((_, i) => i % 2 === 1), winAt),
    curve
  }
}

function aurocOf (outcomes: readonly Outcome[], winAt: number): number {
  return auroc(outcomes.map(o => o.confidence), outcomes.map(o => o.grade > winAt))
}

/** Restricts each question to the given providers. */
export function restrict (questions: readonly GradedQuestion[], providers: readonly string[]): GradedQuestion[] {
  return questions.map(q => ({ ...q, candidates: q.candidates.filter(c => providers.includes(c.provider)) }))
}

/** Online, label-free (or with the given ratings): each question decided with what earlier ones taught. */
export function runOnline (questions: readonly GradedQuestion[], ratings?: (id: string) => readonly RecordedRating[]): Outcome[] {
  const outcomes: Outcome[] = []
  for (const step of replay(questions, { strategy: 'auto', ratings })) {
    const chosen = step.decision.chosen?.provider
    const question = step.record as GradedQuestion
    outcomes.push({ grade: chosen === undefined ? 0 : question.grade[chosen] ?? 0, confidence: step.decision.confidence })
  }
  return outcomes
}

/** Fixed reliabilities for every question (no learning): the references the learned ones are compared with. */
export function runFixed (questions: readonly GradedQuestion[], reliability: Record<string, ProviderReliability> | undefined): Outcome[] {
  return questions.map(q => {
    const decision = aggregate(q.question, q.candidates, { strategy: 'auto', reliability })
    const chosen = decision.chosen?.provider
    return { grade: chosen === undefined ? 0 : q.grade[chosen] ?? 0, confidence: decision.confidence }
  })
}

export interface Baselines {
  single: Record<string, number>
  best: number
  random: number
  longest: number
  oracle: number
}

export function baselines (questions: readonly GradedQuestion[]): Baselines {
  const providers = questions[0]?.candidates.map(c => c.provider) ?? []
  const single: Record<string, number> = {}
  for (const p of providers) single[p] = mean(questions.map(q => q.grade[p] ?? 0))
  return {
    single,
    best: Math.max(...Object.values(single)),
    random: mean(questions.map(q => mean(q.candidates.map(c => q.grade[c.provider] ?? 0)))),
    longest: mean(questions.map(q => {
      const longest = q.candidates.reduce((a, b) => (wordCount(b.text) > wordCount(a.text) ? b : a))
      return q.grade[longest.provider] ?? 0
    })),
    oracle: mean(questions.map(q => Math.max(...q.candidates.map(c => q.grade[c.provider] ?? 0))))
  }
}

/** Ratings on every tenth question: the best candidate up, the worst down (what a person would do). */
export function tenPercentFeedback (questions: readonly GradedQuestion[]): (id: string) => RecordedRating[] {
  const byId = new Map<string, RecordedRating[]>()
  questions.forEach((q, i) => {
    if (i % 10 !== 9) return
    const sorted = [...q.candidates].sort((a, b) => (q.grade[b.provider] ?? 0) - (q.grade[a.provider] ?? 0))
    const best = sorted[0]
    const worst = sorted[sorted.length - 1]
    if (best === undefined || worst === undefined || q.grade[best.provider] === q.grade[worst.provider]) return
    byId.set(q.id, [{ provider: best.provider, rating: 'up' }, { provider: worst.provider, rating: 'down' }])
  })
  return id => byId.get(id) ?? []
}

export interface RefusalReport {
  model: string
  precision: number
  recall: number
  /** The same on the even- and odd-numbered completions. */
  halves: { precision: number, recall: number }[]
  /** How the partial refusals were classified. */
  partial: Record<string, number>
}

/** Full refusal vs full compliance: a completion counts as flagged when detectRefusal says 'refusal'. */
export function refusalReport (rows: readonly LabelledCompletion[]): RefusalReport[] {
  const models = [...new Set(rows.map(r => r.model)), 'all']
  const pr = (subset: readonly LabelledCompletion[]): { precision: number, recall: number } => {
    let tp = 0; let fp = 0; let fn = 0
    for (const row of subset) {
      if (row.label === '3_partial_refusal') continue
      const flagged = detectRefusal(row.completion) === 'refusal'
      const refusal = row.label === '2_full_refusal'
      if (flagged && refusal) tp++
      else if (flagged) fp++
      else if (refusal) fn++
    }
    return { precision: tp / (tp + fp), recall: tp / (tp + fn) }
  }
  return models.map(model => {
    const subset = rows.filter(r => model === 'all' || r.model === model)
    const partial: Record<string, number> = {}
    for (const row of subset.filter(r => r.label === '3_partial_refusal')) {
      const kind = detectRefusal(row.completion) ?? 'answer'
      partial[kind] = (partial[kind] ?? 0) + 1
    }
    const number = (r: LabelledCompletion): number => Number(r.id.replace(/\D/g, ''))
    return {
      model,
      ...pr(subset),
      halves: [pr(subset.filter(r => number(r) % 2 === 0)), pr(subset.filter(r => number(r) % 2 === 1))],
      partial
    }
  })
}

/** Share of candidates flagged off-topic when every question is aggregated with all its candidates. */
export function offTopicRate (questions: readonly GradedQuestion[]): { flagged: number, candidates: number } {
  let flagged = 0
  let candidates = 0
  for (const q of questions) {
    const decision = aggregate(q.question, q.candidates, { strategy: 'auto' })
    candidates += decision.candidates.length
    flagged += decision.candidates.filter(c => c.flags.includes('off_topic')).length
  }
  return { flagged, candidates }
}

export interface CascadePoint {
  settledAt: number
  score: number
  /** The score on the even- and odd-numbered questions of the same run. */
  even: number
  odd: number
  /** Cost relative to asking every provider, overall and on each half. */
  relativeCost: number
  evenCost: number
  oddCost: number
  /** Average number of providers asked. */
  consulted: number
}

/**
 * The cascade at each settle threshold, online and label-free: each candidate carries what asking it
 * costs (`price` per token times its length), and cost is compared with asking everyone.
 */
export function cascadeCurve (questions: readonly GradedQuestion[], pricePerToken: (provider: string) => number, thresholds: readonly number[]): CascadePoint[] {
  const priced = questions.map(q => ({
    ...q,
    candidates: q.candidates.map(c => ({ ...c, costUsd: pricePerToken(c.provider) * Math.ceil(wordCount(c.text) * 4 / 3 + wordCount(q.question) * 4 / 3) }))
  }))
  const everyone = priced.map(q => q.candidates.reduce((s, c) => s + (c.costUsd ?? 0), 0))
  const half = (values: readonly number[], parity: number): number[] => values.filter((_, i) => i % 2 === parity)
  const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0)
  return thresholds.map(settledAt => {
    const grades: number[] = []
    const costs: number[] = []
    let consulted = 0
    for (const step of replay(priced, { strategy: 'cascade', settledAt })) {
      const chosen = step.decision.chosen?.provider
      grades.push(chosen === undefined ? 0 : (step.record as GradedQuestion).grade[chosen] ?? 0)
      costs.push(step.cascade?.costUsd ?? 0)
      consulted += step.cascade?.consulted.length ?? 0
    }
    return {
      settledAt,
      score: mean(grades),
      even: mean(half(grades, 0)),
      odd: mean(half(grades, 1)),
      relativeCost: sum(costs) / sum(everyone),
      evenCost: sum(half(costs, 0)) / sum(half(everyone, 0)),
      oddCost: sum(half(costs, 1)) / sum(half(everyone, 1)),
      consulted: consulted / priced.length
    }
  })
}
