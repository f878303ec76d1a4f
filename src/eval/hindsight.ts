// How far open-answer selection could go with the signals the aggregator has, were every judge label known:
// a ridge regression of the judge's preference on each answer's standardised form, agreement and coverage
// and on its provider, fitted on the recorded questions, then the answer it rates highest picked in each.
// A reference for the targets, not a method the service could use (it sees no labels).

import { analyseAnswer } from '../aggregator/analysis.js'
import { formFeatures, openAnswerColumns, OPEN_SIGNAL_WEIGHTS, vocabularyCoverage } from '../aggregator/open-answer.js'
import { compareAnswers } from '../aggregator/similarity.js'
import type { GradedQuestion } from './datasets.js'
import { mean } from './stats.js'

/** Penalty of the ridge regression: enough to keep a provider seen in few questions from dominating. */
const RIDGE = 1

interface Row { x: number[], y: number }

/** Each candidate's features: the standardised answer signals, then one indicator per provider, centred within the question. */
function rowsOf (question: GradedQuestion, providers: readonly string[]): Row[] {
  const analysed = question.candidates.map(c => analyseAnswer(c.text))
  const { cosine, shared } = compareAnswers(analysed.map(a => a.counts))
  const n = analysed.length
  const agreement = cosine.map((row, i) => n < 2 ? 0 : row.reduce((sum, v, j) => sum + (j === i ? 0 : v), 0) / (n - 1))
  const columns = openAnswerColumns(question.candidates.map((c, i) => formFeatures(c.text, analysed[i].words)), agreement, vocabularyCoverage(shared))
  const names = Object.keys(OPEN_SIGNAL_WEIGHTS) as (keyof typeof OPEN_SIGNAL_WEIGHTS)[]
  const present = providers.map(p => question.candidates.filter(c => c.provider === p).length / n)
  const grades = question.candidates.map(c => question.grade[c.provider] ?? 0)
  const centre = mean(grades)
  return question.candidates.map((c, i) => ({
    x: [...names.map(name => columns[name][i]), ...providers.map((p, k) => (c.provider === p ? 1 : 0) - present[k])],
    y: grades[i] - centre
  }))
}

/** Solves A w = b by Gaussian elimination with partial pivoting (A is small, symmetric and positive definite). */
function solve (a: number[][], b: number[]): number[] {
  const n = b.length
  const m = a.map((row, i) => [...row, b[i]])
  for (let col = 0; col < n; col++) {
    let pivot = col
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) pivot = r
    ;[m[col], m[pivot]] = [m[pivot], m[col]]
    for (let r = 0; r < n; r++) {
      if (r === col) continue
      const factor = m[r][col] / m[col][col]
      for (let k = col; k <= n; k++) m[r][k] -= factor * m[col][k]
    }
  }
  return m.map((row, i) => row[n] / row[i])
}

function fit (questions: readonly Row[][]): number[] {
  const d = questions[0]?.[0]?.x.length ?? 0
  const a = Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => (i === j ? RIDGE : 0)))
  const b = new Array<number>(d).fill(0)
  for (const rows of questions) {
    for (const { x, y } of rows) {
      for (let i = 0; i < d; i++) {
        b[i] += x[i] * y
        for (let j = 0; j < d; j++) a[i][j] += x[i] * x[j]
      }
    }
  }
  return solve(a, b)
}

/** Mean grade of the candidate the weights rate highest in each question (the first on a tie). */
function pickScore (questions: readonly GradedQuestion[], rows: readonly Row[][], weights: readonly number[]): number {
  return mean(questions.map((q, k) => {
    let best = 0
    let bestValue = -Infinity
    rows[k].forEach((row, i) => {
      const value = row.x.reduce((sum, x, j) => sum + x * weights[j], 0)
      if (value > bestValue) {
        bestValue = value
        best = i
      }
    })
    return q.grade[q.candidates[best].provider] ?? 0
  }))
}

export interface HindsightFit {
  /** Fitted on every question and scored on them. */
  inSample: number
  /** Fitted on the even-numbered questions and scored on the odd ones, and the other way round; the mean of the two. */
  crossHalves: number
}

/** The hindsight reference for one ensemble (its questions restricted to the same providers). */
export function hindsightFit (questions: readonly GradedQuestion[]): HindsightFit {
  const providers = [...new Set(questions.flatMap(q => q.candidates.map(c => c.provider)))].sort()
  const rows = questions.map(q => rowsOf(q, providers))
  const half = (parity: number): number[] => questions.map((_, i) => i).filter(i => i % 2 === parity)
  const crossScore = (train: number[], test: number[]): number =>
    pickScore(test.map(i => questions[i]), test.map(i => rows[i]), fit(train.map(i => rows[i])))
  const [even, odd] = [half(0), half(1)]
  return {
    inSample: pickScore(questions, rows, fit(rows)),
    crossHalves: (crossScore(even, odd) * odd.length + crossScore(odd, even) * even.length) / questions.length
  }
}
