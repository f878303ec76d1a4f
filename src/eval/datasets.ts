// The recorded multi-model answers the evaluation runs on, shipped in datasets/ with their licences.
// Provider names are replaced by anonymous ids (m1, m2, …) so no decision can depend on them.

import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { CandidateInput } from '../aggregator/types.js'
import type { RecordedQuestion } from '../trust/replay.js'

export const DATASETS_DIR = fileURLToPath(new URL('../../datasets/', import.meta.url))

export function readJsonl (path: string): unknown[] {
  return readFileSync(path, 'utf8').split('\n').filter(line => line.trim() !== '').map((line, i) => {
    try {
      return JSON.parse(line) as unknown
    } catch {
      throw new Error(`${path}: line ${i + 1} is not JSON`)
    }
  })
}

const ok = (provider: string, text: string): CandidateInput => ({ provider, model: provider, status: 'ok', text, finishReason: 'stop' })

export interface GradedQuestion extends RecordedQuestion {
  /** Per anonymous provider id: 1 when right (GSM8K) or the judge's preference (AlpacaEval). */
  grade: Record<string, number>
}

export const GSM8K_MODELS = ['6b_finetuning', '6b_verification', '175b_finetuning', '175b_verification'] as const

/** GSM8K: 590 maths questions, four models' solutions with is_correct. */
export function loadGsm8k (path = `${DATASETS_DIR}gsm8k-ensemble-dev.jsonl`): GradedQuestion[] {
  return readJsonl(path).map((raw, i) => {
    const row = raw as Record<string, { solution: string, is_correct: boolean } | string>
    const candidates: CandidateInput[] = []
    const grade: Record<string, number> = {}
    GSM8K_MODELS.forEach((key, m) => {
      const entry = row[key] as { solution: string, is_correct: boolean } | undefined
      if (entry === undefined || typeof entry.solution !== 'string') throw new Error(`${path}: line ${i + 1} lacks "${key}"`)
      candidates.push(ok(`g${m + 1}`, entry.solution))
      grade[`g${m + 1}`] = entry.is_correct ? 1 : 0
    })
    return { id: `gsm8k-${i}`, question: row.question as string, candidates, grade }
  })
}

/** AlpacaEval: 386 open instructions, ten models' outputs with the judge's preference. */
export function loadAlpaca (path = `${DATASETS_DIR}alpaca-ensemble-dev.jsonl`): { questions: GradedQuestion[], models: number } {
  const rows = readJsonl(path) as { id: string, question: string, candidates: { provider: string, text: string, judgeWin: number }[] }[]
  const order = rows[0]?.candidates.map(c => c.provider) ?? []
  const questions = rows.map(row => {
    const grade: Record<string, number> = {}
    const candidates = row.candidates.map(c => {
      const id = `m${order.indexOf(c.provider) + 1}`
      grade[id] = c.judgeWin
      return ok(id, c.text)
    })
    return { id: row.id, question: row.question, candidates, grade }
  })
  return { questions, models: order.length }
}

export interface LabelledCompletion { id: string, model: string, label: string, completion: string }

/** XSTest v2: completions with human labels (full compliance, full refusal, partial refusal). */
export function loadRefusals (path = `${DATASETS_DIR}refusals-dev.jsonl`): LabelledCompletion[] {
  const models: string[] = []
  return (readJsonl(path) as LabelledCompletion[]).map(row => {
    if (!models.includes(row.model)) models.push(row.model)
    return { ...row, model: `r${models.indexOf(row.model) + 1}` }
  })
}
